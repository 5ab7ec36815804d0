import TriangulateText
import Foundation
import Synchronization

/// Stage 3: `Article` → `AnnotatedArticle`. Sentences, people with roles, organizations, places, products,
/// quantities, dates, quotes with speakers and attributions, all found on the paragraphs' UTF-8 bytes.
public struct Annotate: Sendable {
    public var configuration: AnnotateConfiguration
    let lexicon: Lexicon

    public init(configuration: AnnotateConfiguration = .default) {
        self.configuration = configuration
        self.lexicon = .shared
    }

    static let negationCues: Set<String> = Lexicon.shared.words(.negationCues)
    static let hedgeCues: Set<String> = Lexicon.shared.words(.hedgeCues)

    /// Annotates one article, without the configured limits. `context` carries what other articles of the batch
    /// established about names.
    public func annotate(_ article: Article, context: EntityContext = .empty) -> AnnotatedArticle {
        var unlimited = configuration
        unlimited.maxSentences = .max
        unlimited.maxQuotes = .max
        unlimited.maxQuantities = .max
        unlimited.timeBudget = .infinity
        let budget = AnnotateBudget(configuration: unlimited, article: article)
        return (try? annotate(article, context: context, budget: budget))
            ?? AnnotatedArticle(article: article, annotations: Annotations())
    }

    /// Annotates one article within the configured limits (sentences, quotes, figures, time).
    public func annotateWithinLimits(
        _ article: Article, context: EntityContext = .empty
    ) throws(AnnotateError)
        -> AnnotatedArticle
    {
        try annotate(article, context: context, budget: AnnotateBudget(configuration: configuration, article: article))
    }

    private func annotate(
        _ article: Article, context: EntityContext, budget: AnnotateBudget
    ) throws(AnnotateError)
        -> AnnotatedArticle
    {
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(article.paragraphs.count)
        var sentenceCount = 0
        var quoteCount = 0
        for (index, text) in article.paragraphs.enumerated() {
            var paragraph = Paragraph(index: index, text: text)
            paragraph.quotes = Segmenter.findQuotes(paragraph)
            paragraph.sentences = Segmenter.findSentences(paragraph)
            paragraph.isHeading = Self.isHeading(paragraph)
            sentenceCount += paragraph.sentences.count
            quoteCount += paragraph.quotes.count
            try budget.check(sentenceCount, "sentences", limit: configuration.maxSentences)
            try budget.check(quoteCount, "quotations", limit: configuration.maxQuotes)
            try budget.checkTime()
            paragraphs.append(paragraph)
        }
        Segmenter.bridgeQuotes(&paragraphs)
        let entities = EntityRecognizer(lexicon: lexicon, context: context).recognize(paragraphs)
        var annotations = Annotations()
        annotations.people = entities.people.map {
            Person(name: $0.name, role: $0.role, title: $0.title, mentions: $0.mentions)
        }
        annotations.organizations = entities.organizations.map { Entity(name: $0.name, mentions: $0.mentions) }
        annotations.places = entities.places.map { Entity(name: $0.name, mentions: $0.mentions) }
        annotations.products = entities.products.map { Entity(name: $0.name, mentions: $0.mentions) }
        annotations.others = entities.others.map { Entity(name: $0.name, mentions: $0.mentions) }

        let dates = DateRecognizer(published: article.published)
        let quantities = QuantityRecognizer(lexicon: lexicon)
        let attributions = AttributionRecognizer(lexicon: lexicon)
        try budget.checkTime()
        for paragraph in paragraphs {
            try budget.check(annotations.quantities.count, "figures", limit: configuration.maxQuantities)
            try budget.checkTime()
            for sentence in paragraph.sentences {
                let text = paragraph.sentenceText(sentence)
                if configuration.includeSentences {
                    annotations.sentences.append(
                        Sentence(
                            text: text, paragraph: paragraph.index,
                            negated: hasCue(Self.negationCues, paragraph, sentence),
                            hedged: hasCue(Self.hedgeCues, paragraph, sentence)))
                }
                quantities.recognize(paragraph, sentence: sentence, sentenceText: text, into: &annotations.quantities)
                dates.recognize(paragraph, sentence: sentence, sentenceText: text, into: &annotations.dates)
                attributions.recognize(
                    paragraph, sentence: sentence, sentenceText: text, mentions: entities.mentions[paragraph.index],
                    into: &annotations.attributions)
            }
        }
        for credit in article.credits {
            annotations.attributions.append(Attribution(source: credit, cue: "credit", sentence: "Source: \(credit)"))
        }
        try budget.check(annotations.quantities.count, "figures", limit: configuration.maxQuantities)
        try budget.checkTime()
        var attributor = QuoteAttributor(
            lexicon: lexicon, paragraphs: paragraphs, mentions: entities.mentions, people: entities.people)
        annotations.quotes = attributor.quotes()
        try budget.checkTime()
        return AnnotatedArticle(article: article, annotations: annotations)
    }

    /// Annotates a batch on all cores, within the configured limits: once per article, then again, with what the
    /// batch established about names, for the articles that hold names they could not classify on their own. One
    /// result per article, in order; an article over a limit is its own failure and the rest goes on.
    /// `progress(done, total)` is called after each article's first pass, from any thread.
    public func annotateWithinLimits(
        batch articles: [Article], workers: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Result<AnnotatedArticle, AnnotateError>] {
        let workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let done = Mutex(0)
        let first = Parallel.map(count: articles.count, workers: workers) {
            _, index -> Result<AnnotatedArticle, AnnotateError> in
            let result = Result { () throws(AnnotateError) in try annotateWithinLimits(articles[index]) }
            if let progress {
                progress(
                    done.withLock {
                        $0 += 1; return $0
                    }, articles.count)
            }
            return result
        }
        let context = EntityContext(articles: first.compactMap { try? $0.get() })
        let again = Parallel.map(count: articles.count, workers: workers) {
            _, index -> Result<AnnotatedArticle, AnnotateError>? in
            guard case .success(let annotated) = first[index] else { return nil }
            let unresolved = annotated.annotations.others.map(\.name)
            guard unresolved.contains(where: { context.kinds[$0] != nil || context.surnames[$0] != nil }) else {
                return nil
            }
            return Result { () throws(AnnotateError) in try annotateWithinLimits(articles[index], context: context) }
        }
        return first.indices.map { again[$0] ?? first[$0] }
    }

    /// Annotates a batch: once per article, then again, with what the batch established about names, for the
    /// articles that hold names they could not classify on their own.
    public func annotate(batch articles: [Article]) -> [AnnotatedArticle] {
        var annotated = articles.map { annotate($0) }
        let context = EntityContext(articles: annotated)
        for index in annotated.indices {
            let unresolved = annotated[index].annotations.others.map(\.name)
            if unresolved.contains(where: { context.kinds[$0] != nil || context.surnames[$0] != nil }) {
                annotated[index] = annotate(articles[index], context: context)
            }
        }
        return annotated
    }

    private func hasCue(_ cues: Set<String>, _ paragraph: Paragraph, _ sentence: Range<Int>) -> Bool {
        for index in sentence where paragraph.tokens[index].kind == .word && paragraph.quote(containing: index) == nil {
            if cues.contains(paragraph.lower(index)) { return true }
        }
        return false
    }

    /// A short line without final punctuation, mostly capitalized: a headline or section heading, not prose.
    static func isHeading(_ paragraph: Paragraph) -> Bool {
        let words = paragraph.tokens.indices.filter { paragraph.tokens[$0].kind == .word }
        guard !words.isEmpty, words.count <= 14, let last = paragraph.tokens.indices.last else { return false }
        if paragraph.isPunct(last, 0x2E) || paragraph.isPunct(last, 0x3A)
            || paragraph.punctScalar(last) == Segmenter.rightDouble
        {
            return false
        }
        let long = words.filter { paragraph.tokens[$0].end - paragraph.tokens[$0].start > 3 }
        guard !long.isEmpty else { return true }
        let capitalized = long.filter { paragraph.tokens[$0].capitalized }.count
        return Double(capitalized) / Double(long.count) >= 0.6
    }
}
