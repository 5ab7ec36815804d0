import ArgumentParser
import Foundation

/// Reading the command's input and writing its output with POSIX calls, so that every failure (a directory named
/// as input, a full disk, a closed standard output) is a one-line error and exit status 74, never a trap.
///
/// Output is written *through* the path: a regular file is replaced atomically (a temporary file in the same
/// directory, renamed over it, keeping the file's permissions); a symbolic link is followed and its target written;
/// a device, FIFO or `/dev/stdout` is opened and written in place, never replaced.
enum FileIO {
    /// Exit status for an input or output failure (sysexits' EX_IOERR; 64 stays for usage errors).
    static let ioErrorStatus: Int32 = 74
    /// Set at start-up when the caller closed standard output.
    nonisolated(unsafe) static var standardOutputClosed = false

    /// Prints `message` as the command's error and ends it with exit status 74.
    static func fail(_ message: String) -> ExitCode {
        Terminal.error(message)
        return ExitCode(ioErrorStatus)
    }

    // MARK: Reading

    /// The whole of `path` (or standard input when nil), refusing directories.
    static func readAll(_ path: String?) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try readChunks(path) { bytes += $0 }
        return bytes
    }

    /// Calls `body` with successive chunks of `path` (or standard input when nil) until the end.
    static func readChunks(_ path: String?, chunkSize: Int = 4 << 20, _ body: ([UInt8]) -> Void) throws {
        let name = path ?? "standard input"
        let descriptor: Int32
        if let path {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 { throw fail("cannot read \(Terminal.printable(path)): \(errnoText())") }
        } else {
            descriptor = STDIN_FILENO
        }
        defer { if path != nil { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw fail("cannot read \(Terminal.printable(name)): is a directory")
        }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {  // a non-blocking standard input: wait until it has data
                    wait(descriptor, for: Int16(POLLIN))
                    continue
                }
                throw fail("cannot read \(Terminal.printable(name)): \(errnoText())")
            }
            if count == 0 { return }
            body(Array(buffer[0..<count]))
        }
    }

    // MARK: Writing

    /// Writes `text` to standard output; a closed or full output is an error, not a signal or a trap.
    static func writeStandardOutput(_ text: String) throws {
        if standardOutputClosed { throw fail("cannot write standard output: it is closed") }
        signal(SIGPIPE, SIG_IGN)
        if let reason = writeAll(STDOUT_FILENO, Array(text.utf8)) {
            throw fail("cannot write standard output: \(reason)")
        }
    }

    /// Writes `text` to the file at `path` (see the type's comment for what happens to what is there).
    static func write(_ text: String, to path: String) throws {
        signal(SIGPIPE, SIG_IGN)
        let shown = Terminal.printable(path)
        // The command's own streams by name: written through the descriptor the caller set up (a `>>` append, a
        // pipe, a terminal), never reopened, truncated or replaced.
        switch path {
        case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "-": return try writeStandardOutput(text)
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
            if let reason = writeAll(STDERR_FILENO, Array(text.utf8)) { throw fail("cannot write \(shown): \(reason)") }
            return
        default: break
        }
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            return try writeInPlace(text, path: path, shown: shown, truncate: false)
        }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            // Follow the link (its target is what the user means); an unresolvable one (/dev/stdout on a pipe,
            // a dangling link) is opened through the link.
            guard let resolved = realpath(path, nil) else { return try writeInPlace(text, path: path, shown: shown) }
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw fail("cannot write \(shown): is a directory")
            case S_IFREG:
                return try replace(target, with: text, mode: info.st_mode & 0o7777, shown: shown)
            default: return try writeInPlace(text, path: target, shown: shown)
            }
        }
        let mask = umask(0)
        umask(mask)
        try replace(target, with: text, mode: 0o666 & ~mask, shown: shown)
    }

    /// A device, FIFO or unresolvable link: opened for writing and written, never replaced.
    private static func writeInPlace(_ text: String, path: String, shown: String, truncate: Bool = true) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : 0) | O_CLOEXEC, 0o666)
        if descriptor < 0 { throw fail("cannot write \(shown): \(errnoText())") }
        let failure = writeAll(descriptor, Array(text.utf8))
        let closed = close(descriptor)
        if let failure { throw fail("cannot write \(shown): \(failure)") }
        if closed != 0 { throw fail("cannot write \(shown): \(errnoText())") }
    }

    /// A regular file (or a new one): written to a temporary file beside it, then renamed over it, so a reader
    /// never sees half of it and a failed write leaves the old content.
    private static func replace(_ path: String, with text: String, mode: mode_t, shown: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.triangulate-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        if descriptor < 0 {
            // No temporary file possible beside it (a read-only directory holding a writable file): write in place.
            return try writeInPlace(text, path: path, shown: shown)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = writeAll(descriptor, Array(text.utf8))
        if failure == nil && fchmod(descriptor, mode) != 0 { failure = errnoText() }
        if close(descriptor) != 0 && failure == nil { failure = errnoText() }
        if failure == nil && rename(temporary, path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temporary)
            throw fail("cannot write \(shown): \(failure)")
        }
    }

    /// Writes every byte, retrying short writes and interruptions; the reason on failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {  // a non-blocking output: wait until it takes more
                    wait(descriptor, for: Int16(POLLOUT))
                    continue
                }
                return errno == EBADF ? "the output is closed" : errnoText()
            }
            offset += written
        }
        return nil
    }

    /// Blocks until `descriptor` is ready for `events` (or reports an error, which the next call then returns).
    private static func wait(_ descriptor: Int32, for events: Int16) {
        var request = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&request, 1, -1)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
