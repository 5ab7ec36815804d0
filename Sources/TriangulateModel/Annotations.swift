/// What the Annotate stage found in one article. Every `sentence` field holds the sentence verbatim.
public struct Annotations: Sendable, Hashable, Codable {
    public var sentences: [Sentence] = []
    public var people: [Person] = []
    public var organizations: [Entity] = []
    public var places: [Entity] = []
    public var products: [Entity] = []
    /// Capitalized names that could not be classified.
    public var others: [Entity] = []
    public var quotes: [Quote] = []
    public var quantities: [Quantity] = []
    public var dates: [DateMention] = []
    public var attributions: [Attribution] = []

    public init() {}

    /// The contract calls the unclassified names `other`.
    enum CodingKeys: String, CodingKey {
        case sentences, people, organizations, places, products, others = "other", quotes, quantities, dates
        case attributions
    }
}

public struct Sentence: Sendable, Hashable, Codable {
    public var text: String
    /// Index of the paragraph (in `Article.paragraphs`) holding the sentence.
    public var paragraph: Int
    /// A negation cue ("not", "no", "never", "denied") occurs in the sentence outside quotes.
    public var negated: Bool
    /// A hedge cue ("reportedly", "could", "allegedly", "appears") occurs in the sentence outside quotes.
    public var hedged: Bool

    public init(text: String, paragraph: Int, negated: Bool, hedged: Bool) {
        self.text = text
        self.paragraph = paragraph
        self.negated = negated
        self.hedged = hedged
    }
}

public struct Person: Sendable, Hashable, Codable {
    public var name: String
    public var role: String?
    /// An honorific printed before the name ("Dr.", "Representative").
    public var title: String?
    public var mentions: Int

    public init(name: String, role: String? = nil, title: String? = nil, mentions: Int = 1) {
        self.name = name
        self.role = role
        self.title = title
        self.mentions = mentions
    }
}

public struct Entity: Sendable, Hashable, Codable {
    public var name: String
    public var mentions: Int

    public init(name: String, mentions: Int = 1) {
        self.name = name
        self.mentions = mentions
    }
}

public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organization, place, product, other
}

public struct Quote: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A quoted statement (a clause or more).
        case direct
        /// A few quoted words inside the writer's own sentence (“existential threat”).
        case fragment
    }

    public var speaker: String?
    public var speakerKind: EntityKind?
    public var text: String
    public var sentence: String
    public var kind: Kind

    /// The contract calls the speaker's kind `speakerType`.
    enum CodingKeys: String, CodingKey {
        case speaker, speakerKind = "speakerType", text, sentence, kind
    }

    public init(speaker: String?, speakerKind: EntityKind?, text: String, sentence: String, kind: Kind) {
        self.speaker = speaker
        self.speakerKind = speakerKind
        self.text = text
        self.sentence = sentence
        self.kind = kind
    }
}

public struct Quantity: Sendable, Hashable, Codable {
    /// The unit of counts of people, whatever noun counted them ("people", "30 dead", "55 wounded").
    public static let peopleUnit = "people"

    public enum Kind: String, Sendable, Hashable, Codable {
        case money, percent, count
    }

    public var text: String
    public var value: Double
    /// ISO 4217 code for money, `percent`, or the counted noun ("people"; `peopleUnit` for "30 dead", "55 wounded").
    public var unit: String
    public var kind: Kind
    /// "about", "more than", "nearly" … when the text qualifies the number.
    public var qualifier: String?
    public var sentence: String
    /// The top of a range ("3-5 years": value 3, upper 5); for a vote tally or score (unit `tally`), the second
    /// figure ("a 348-77 vote": value 348, upper 77).
    public var upper: Double?

    public init(
        text: String, value: Double, unit: String, kind: Kind, qualifier: String?, sentence: String,
        upper: Double? = nil
    ) {
        self.text = text
        self.upper = upper
        self.value = value
        self.unit = unit
        self.kind = kind
        self.qualifier = qualifier
        self.sentence = sentence
    }
}

public struct DateMention: Sendable, Hashable, Codable {
    public enum Granularity: String, Sendable, Hashable, Codable {
        case day, weekend, week, month, year
    }

    public var text: String
    /// The resolved date at its granularity, or nil when it cannot be resolved (relative date, no publication date).
    public var value: CalendarDate?
    public var granularity: Granularity
    /// True for expressions that need an anchor ("Monday", "last month", "this year").
    public var relative: Bool
    public var sentence: String

    /// The contract's `date`: a full YYYY-MM-DD day, or nil.
    public var day: CalendarDate? {
        guard let value, value.isComplete, granularity == .day || granularity == .weekend else { return nil }
        return value
    }

    enum CodingKeys: String, CodingKey {
        case text, date, value, granularity, relative, sentence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        value = try container.decodeIfPresent(CalendarDate.self, forKey: .value)
        granularity = try container.decode(Granularity.self, forKey: .granularity)
        relative = try container.decode(Bool.self, forKey: .relative)
        sentence = try container.decode(String.self, forKey: .sentence)
    }

    /// The contract's shape: `date` (the full day, or null) beside `value`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(day, forKey: .date)
        try container.encode(value, forKey: .value)
        try container.encode(granularity, forKey: .granularity)
        try container.encode(relative, forKey: .relative)
        try container.encode(sentence, forKey: .sentence)
    }

    public init(text: String, value: CalendarDate?, granularity: Granularity, relative: Bool, sentence: String) {
        self.text = text
        self.value = value
        self.granularity = granularity
        self.relative = relative
        self.sentence = sentence
    }
}

public struct Attribution: Sendable, Hashable, Codable {
    /// Who the information is credited to: an outlet or organization name, or a description ("four people
    /// familiar with the matter").
    public var source: String
    /// The phrase that signals the attribution ("according to", "told", "citing", "report", "credit").
    public var cue: String
    public var sentence: String

    public init(source: String, cue: String, sentence: String) {
        self.source = source
        self.cue = cue
        self.sentence = sentence
    }
}

/// An article with its annotations: the unit every later stage works on.
public struct AnnotatedArticle: Sendable, Hashable, Codable {
    public var article: Article
    public var annotations: Annotations

    public init(article: Article, annotations: Annotations) {
        self.article = article
        self.annotations = annotations
    }

    enum CodingKeys: String, CodingKey { case annotations }

    /// The contract's shape: the article's fields, and `annotations` beside them.
    public init(from decoder: any Decoder) throws {
        article = try Article(from: decoder)
        annotations = try decoder.container(keyedBy: CodingKeys.self).decode(Annotations.self, forKey: .annotations)
    }

    public func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(annotations, forKey: .annotations)
    }
}

/// An input that could not be analyzed, and why.
public struct Failure: Error, Sendable, Hashable, Codable {
    public var origin: String
    public var reason: String

    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }
}

/// Everything `analyze` produces.
public struct AnalysisResult: Sendable, Hashable, Codable {
    public var articles: [AnnotatedArticle]
    public var stories: [Story]
    public var failures: [Failure]
    /// Entries of walked directories that were passed over (not articles, not regular files, read already).
    public var skipped: [SkippedInput]

    public init(
        articles: [AnnotatedArticle], stories: [Story] = [], failures: [Failure], skipped: [SkippedInput] = []
    ) {
        self.articles = articles
        self.stories = stories
        self.failures = failures
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey { case articles, stories, failures, skipped }

    /// Reads the contract's JSON (which has no `skipped`: what a walk passed over is reported on standard error).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        articles = try container.decode([AnnotatedArticle].self, forKey: .articles)
        stories = try container.decode([Story].self, forKey: .stories)
        failures = try container.decode([Failure].self, forKey: .failures)
        skipped = try container.decodeIfPresent([SkippedInput].self, forKey: .skipped) ?? []
    }
}
