/// A file Ingest passed over while walking, and why. Reported as a summary (names on request), not as a failure.
public struct SkippedInput: Sendable, Hashable, Codable {
    public enum Reason: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A file whose extension is not an article's (`.bin`, `.csv`, …).
        case unsupportedType(fileExtension: String)
        /// A FIFO, socket or device: never opened (opening a FIFO blocks).
        case notRegular(kind: String)
        /// The same file (device and inode) was already read through another path or link.
        case duplicate(of: String)
        /// A symbolic link back to a directory already walked.
        case directoryLoop
        /// README, LICENSE and the like.
        case projectDocument
        /// A link to nothing, or an entry that vanished or cannot be examined.
        case unreadable(reason: String)

        public var description: String {
            switch self {
            case .unsupportedType(let ext): return ext.isEmpty ? "no file extension" : "unsupported type .\(ext)"
            case .notRegular(let kind): return "not a regular file (\(kind))"
            case .duplicate(let original): return "same file as \(original)"
            case .directoryLoop: return "link to a directory already walked"
            case .projectDocument: return "project document, not an article"
            case .unreadable(let reason): return reason
            }
        }
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }
}
