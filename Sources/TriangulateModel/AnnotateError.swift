/// Why an article could not be annotated: it is over one of the configured limits. Names the article.
public struct AnnotateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var origin: String
    public var reason: String

    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }

    public var description: String { "\(origin): \(reason)" }

    package static func overLimit(_ article: Article, count: Int, what: String, limit: Int) -> AnnotateError {
        AnnotateError(
            origin: article.origin, reason: "annotation refused: \(count)+ \(what), over the limit of \(limit)")
    }

    package static func overTime(_ article: Article, budget: Double) -> AnnotateError {
        AnnotateError(
            origin: article.origin,
            reason: "annotation stopped: took longer than the \(budget)-second time budget for one article")
    }
}
