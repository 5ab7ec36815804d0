import Foundation
import TriangulateText

/// Standard-error messages shared by the subcommands. Everything printed passes through `printable`: a file name or
/// an article's text never sends an escape sequence or a carriage return to the terminal.
enum Terminal {
    static func error(_ message: String) {
        writeStandardError("triangulate: \(printable(message))\n")
    }

    /// A progress line, overwritten by the next one (`final` ends it).
    static func progress(_ message: String, final: Bool) {
        writeStandardError("\r\(printable(message))\u{1B}[K\(final ? "\n" : "")")
    }

    /// `text` with control characters (C0 but tab, DEL, C1, and the bidirectional overrides) shown as `\u{…}`.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar != "\t" && scalar.isUnsafeControl }

    /// Best effort: a closed or full standard error cannot be reported anywhere, so it is ignored.
    private static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(STDERR_FILENO, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
