import TriangulateText
import Foundation

/// Reads a regular file with POSIX calls: opened without blocking (a FIFO that slipped past the walk cannot hang
/// the batch), checked with `fstat` on the open descriptor (no window between the check and the read), read up to
/// one byte past the limit (a file that grows while read is still refused).
enum FileReader {
    static func read(_ path: String, limit: Int) -> Result<[UInt8], IngestError> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { return .failure(.notFound(path: path)) }
            return .failure(.unreadable(path: path, reason: String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
        }
        if let kind = FileIdentity.kindName(info.st_mode) {
            return .failure(.unreadable(path: path, reason: "not a regular file (\(kind))"))
        }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.unreadable(path: path, reason: "is a directory")) }
        let size = Int(clamping: info.st_size)
        if size > limit { return .failure(.tooLarge(path: path, bytes: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
            if filled == bytes.count && filled <= limit {
                bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - filled))
            }
        }
        if filled > limit { return .failure(.tooLarge(path: path, bytes: filled, limit: limit)) }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }
}
