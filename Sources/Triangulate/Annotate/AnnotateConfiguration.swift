import TriangulateText
import Foundation

/// Settings of the Annotate stage; the defaults here are the ones the CLI uses.
public struct AnnotateConfiguration: Sendable, Hashable {
    /// Include the list of sentences (with negation/hedge flags) in the annotations.
    public var includeSentences: Bool
    /// An article with more sentences than this is refused (a 2 MiB news text has about 20,000).
    public var maxSentences: Int
    /// An article with more quotations than this is refused.
    public var maxQuotes: Int
    /// An article with more figures (quantities) than this is refused.
    public var maxQuantities: Int
    /// Seconds one article may take to annotate; past it the article is refused and the batch goes on. Checked
    /// between paragraphs and between annotation steps.
    public var timeBudget: Double

    public init(
        includeSentences: Bool = true, maxSentences: Int = 100_000, maxQuotes: Int = 20_000,
        maxQuantities: Int = 100_000, timeBudget: Double = 30
    ) {
        self.includeSentences = includeSentences
        self.maxSentences = maxSentences
        self.maxQuotes = maxQuotes
        self.maxQuantities = maxQuantities
        self.timeBudget = timeBudget
    }

    public static let `default` = AnnotateConfiguration()
}

/// The clock and the counters `Annotate` checks an article against.
struct AnnotateBudget {
    let configuration: AnnotateConfiguration
    let article: Article
    let start = ContinuousClock.now
    let allowed: Duration

    init(configuration: AnnotateConfiguration, article: Article) {
        self.configuration = configuration
        self.article = article
        // Any configured value, even NaN or infinite, becomes a finite number of milliseconds.
        let milliseconds = configuration.timeBudget * 1000
        allowed = .milliseconds(milliseconds.isNaN ? 0 : Int64(min(max(milliseconds, 0), 1e15)))
    }

    func checkTime() throws(AnnotateError) {
        if ContinuousClock.now - start > allowed { throw .overTime(article, budget: configuration.timeBudget) }
    }

    func check(_ count: Int, _ what: String, limit: Int) throws(AnnotateError) {
        if count > limit { throw .overLimit(article, count: count, what: what, limit: limit) }
    }
}
