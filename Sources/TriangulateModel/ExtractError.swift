/// Why a document yielded no article.
public enum ExtractError: Error, Sendable, Hashable, CustomStringConvertible {
    case noText(origin: String)
    case onlyDebris(origin: String, removedLines: Int)
    /// A page over one of the configured limits (what and which limit).
    case overLimit(origin: String, what: String)
    /// A document that holds no one article (a feed: its items are articles).
    case notAnArticle(origin: String, what: String)

    public var origin: String {
        switch self {
        case .noText(let origin), .onlyDebris(let origin, _), .overLimit(let origin, _), .notAnArticle(let origin, _):
            return origin
        }
    }

    public var reason: String {
        switch self {
        case .noText: return "no readable text after decoding"
        case .onlyDebris(_, let lines): return "every line (\(lines)) is page debris or metadata; no article body"
        case .overLimit(_, let what): return "over a limit: \(what)"
        case .notAnArticle(_, let what): return "\(what), not one article"
        }
    }

    public var description: String { "\(origin): \(reason)" }
}
