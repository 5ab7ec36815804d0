import CZlib
import Foundation

/// A file read front to back in bounded memory: plain, or gzip of any number of members (decompressed as it goes,
/// member after member). `line` and `take` hand out bytes; at most one read chunk and what the caller asked for are
/// held at once.
final class StreamSource {
    enum Failure: Error, Equatable {
        case unreadable(String)
        case corrupt(String)
    }

    let path: String
    private let descriptor: Int32
    private var stream = z_stream()
    private var gzip = false
    private var raw: [UInt8] = []
    private var rawStart = 0
    private var rawEnd = false
    /// Decompressed (or plain) bytes not yet handed out: `buffer[start...]`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of the file read so far (for progress).
    private(set) var consumed = 0
    /// Bytes read from the file at a time.
    let chunk: Int

    /// Bytes in memory read as a file would be (a fuzzer's input); `descriptor` is -1 then.
    private let memory: [UInt8]
    private var memoryOffset = 0

    init(path: String, chunk: Int = 1 << 20) throws(Failure) {
        self.path = path
        self.chunk = max(1, chunk)
        memory = []
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { throw .unreadable(String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .unreadable("not a regular file")
        }
        try begin()
    }

    init(bytes: [UInt8], name: String, chunk: Int = 1 << 20) throws(Failure) {
        path = name
        self.chunk = max(1, chunk)
        memory = bytes
        descriptor = -1
        try begin()
    }

    /// Reads enough to tell gzip from plain, and starts zlib for gzip.
    private func begin() throws(Failure) {
        while raw.count < 2 && !rawEnd { try fillRaw() }
        gzip = raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B
        if gzip && czlib_inflate_init(&stream) != Z_OK {
            gzip = false
            throw .corrupt("zlib could not start")
        }
    }

    deinit {
        if gzip { inflateEnd(&stream) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Bytes available without reading more.
    private var available: Int { buffer.count - start }

    /// Everything up to and including the next LF (at most `limit` bytes; a longer line is an error); nil at the end
    /// of the file.
    func line(limit: Int) throws(Failure) -> [UInt8]? {
        var searched = 0  // bytes past `start` known to hold no LF (`more` may move the buffer's contents)
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return Array(buffer[start...newline])
            }
            searched = available
            if available > limit { throw .corrupt("a header line longer than \(limit) bytes") }
            if try !more() {
                guard available > 0 else { return nil }
                defer { start = buffer.count }
                return Array(buffer[start...])
            }
        }
    }

    /// The next `count` bytes (fewer at the end of the file).
    func take(_ count: Int) throws(Failure) -> [UInt8] {
        while available < count, try more() {}
        let end = start + min(count, available)
        defer { start = end }
        return Array(buffer[start..<end])
    }

    /// Drops the next `count` bytes without holding them.
    func skip(_ count: Int) throws(Failure) {
        var left = count
        while left > 0 {
            if available == 0, try !more() { return }
            let step = min(left, available)
            start += step
            left -= step
        }
    }

    /// Reads and decompresses one more chunk into `buffer`; false at the end of the file.
    private func more() throws(Failure) -> Bool {
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        guard gzip else {
            if rawStart >= raw.count { try fillRaw() }
            guard rawStart < raw.count else { return false }
            buffer += raw[rawStart...]
            rawStart = raw.count
            return true
        }
        return try inflateMore()
    }

    private func inflateMore() throws(Failure) -> Bool {
        let before = buffer.count
        var output = [UInt8](repeating: 0, count: chunk)
        while buffer.count == before {
            if rawStart >= raw.count {
                try fillRaw()
                if rawStart >= raw.count { return false }
            }
            var status: Int32 = Z_OK
            var produced = 0
            let consumedRaw = raw.withUnsafeMutableBufferPointer { input -> Int in
                output.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_in = input.baseAddress.map { $0 + rawStart }
                    stream.avail_in = UInt32(clamping: input.count - rawStart)
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(clamping: out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = out.count - Int(stream.avail_out)
                    return input.count - rawStart - Int(stream.avail_in)
                }
            }
            rawStart += consumedRaw
            buffer += output[..<produced]
            switch status {
            case Z_OK, Z_BUF_ERROR: if produced == 0 && consumedRaw == 0 && rawEnd { return buffer.count > before }
            case Z_STREAM_END:
                // The next member, if the file goes on (bytes after the last member that are not gzip are ignored).
                guard inflateReset(&stream) == Z_OK else { throw .corrupt("zlib could not restart") }
                if rawStart >= raw.count { try fillRaw() }
                if rawStart < raw.count && raw[rawStart] != 0x1F {
                    rawStart = raw.count
                    rawEnd = true
                }
            default:
                throw .corrupt("invalid gzip data after \(consumed - (raw.count - rawStart)) bytes")
            }
        }
        return true
    }

    /// The next chunk of the file into `raw` (what was not consumed stays in front).
    private func fillRaw() throws(Failure) {
        guard !rawEnd else { return }
        if rawStart > 0 {
            raw.removeFirst(rawStart)
            rawStart = 0
        }
        if descriptor < 0 {
            let count = min(chunk, memory.count - memoryOffset)
            raw += memory[memoryOffset..<memoryOffset + count]
            memoryOffset += count
            consumed += count
            if count == 0 { rawEnd = true }
            return
        }
        let old = raw.count
        raw += [UInt8](repeating: 0, count: chunk)
        var count = -1
        while count < 0 {
            count = raw.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + old }, chunk)
            }
            if count < 0 && errno != EINTR && errno != EAGAIN {
                raw.removeLast(chunk)
                throw .unreadable(String(cString: strerror(errno)))
            }
        }
        raw.removeLast(chunk - count)
        consumed += count
        if count == 0 { rawEnd = true }
    }
}
