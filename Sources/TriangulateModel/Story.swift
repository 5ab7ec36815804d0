/// One event as several articles tell it, claim by claim. Produced by the Corroborate stage.
public struct Story: Sendable, Hashable, Codable {
    public var id: String
    public var headline: String
    public var articles: [String]
    public var facts: [Fact] = []
    public var conflicts: [Conflict] = []
    public var quotes: [StoryQuote] = []
    public var people: [StoryPerson] = []
    public var entities: [StoryEntity] = []
    public var flags: [StoryFlag] = []
    public var timeline: [TimelineEntry] = []
    public var sources: [SourceScore] = []
    /// Articles that copy or closely rewrite another article of the story.
    public var lineage: [LineageEdge] = []

    public init(id: String, headline: String, articles: [String]) {
        self.id = id
        self.headline = headline
        self.articles = articles
    }
}

public struct Evidence: Sendable, Hashable, Codable {
    public var article: String
    public var sentence: String

    public init(article: String, sentence: String) {
        self.article = article
        self.sentence = sentence
    }
}

public struct Fact: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case corroborated
        case singleSource = "single-source"
        case disputed
    }

    public var id: String
    public var statement: String
    public var sources: [String]
    public var independentSources: Int
    public var status: Status
    public var evidence: [Evidence]

    public init(
        id: String, statement: String, sources: [String], independentSources: Int, status: Status, evidence: [Evidence]
    ) {
        self.id = id
        self.statement = statement
        self.sources = sources
        self.independentSources = independentSources
        self.status = status
        self.evidence = evidence
    }
}

public struct Conflict: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case numeric, date, status, polarity, attribution
        /// One outlet's place for the event against another's.
        case place
        /// Something happened in one outlet's account and did not in another's ("charged" vs "not charged").
        case outcome
    }

    public struct Position: Sendable, Hashable, Codable {
        public var statement: String
        public var sources: [String]
        /// The sentences behind this position, verbatim.
        public var evidence: [String] = []

        public init(statement: String, sources: [String], evidence: [String] = []) {
            self.statement = statement
            self.sources = sources
            self.evidence = evidence
        }
    }

    public var id: String
    public var subject: String
    public var kind: Kind
    public var positions: [Position]

    public init(id: String, subject: String, kind: Kind, positions: [Position]) {
        self.id = id
        self.subject = subject
        self.kind = kind
        self.positions = positions
    }
}

public struct StoryQuote: Sendable, Hashable, Codable {
    public struct Variant: Sendable, Hashable, Codable {
        public var article: String
        public var text: String

        public init(article: String, text: String) {
            self.article = article
            self.text = text
        }
    }

    public var speaker: String?
    public var role: String?
    public var text: String
    public var sources: [String]
    public var variants: [Variant]

    public init(speaker: String? = nil, role: String? = nil, text: String, sources: [String], variants: [Variant]) {
        self.speaker = speaker
        self.role = role
        self.text = text
        self.sources = sources
        self.variants = variants
    }
}

public struct StoryPerson: Sendable, Hashable, Codable {
    public var name: String
    public var role: String?
    public var sources: [String]

    public init(name: String, role: String? = nil, sources: [String]) {
        self.name = name
        self.role = role
        self.sources = sources
    }
}

public struct StoryEntity: Sendable, Hashable, Codable {
    public var name: String
    public var type: EntityKind
    public var sources: [String]

    public init(name: String, type: EntityKind, sources: [String]) {
        self.name = name
        self.type = type
        self.sources = sources
    }
}

public struct StoryFlag: Sendable, Hashable, Codable {
    public var kind: String
    public var article: String
    public var subject: String
    public var detail: String

    public init(kind: String, article: String, subject: String, detail: String) {
        self.kind = kind
        self.article = article
        self.subject = subject
        self.detail = detail
    }
}

public struct TimelineEntry: Sendable, Hashable, Codable {
    public var date: String
    public var event: String
    public var sources: [String]

    public init(date: String, event: String, sources: [String]) {
        self.date = date
        self.event = event
        self.sources = sources
    }
}

public struct SourceScore: Sendable, Hashable, Codable {
    public var article: String
    public var facts: Int
    public var corroborated: Int
    public var unique: Int
    public var contradicted: Int
    public var flags: Int

    public init(article: String, facts: Int, corroborated: Int, unique: Int, contradicted: Int, flags: Int) {
        self.article = article
        self.facts = facts
        self.corroborated = corroborated
        self.unique = unique
        self.contradicted = contradicted
        self.flags = flags
    }
}

public struct LineageEdge: Sendable, Hashable, Codable {
    /// The later or derivative article.
    public var copy: String
    public var original: String
    /// Share of the copy's word 8-grams found in the original.
    public var similarity: Double
    /// For a pasted passage (a quoted excerpt of the original), the paragraph of the copy that holds it; nil when the
    /// whole article is a copy.
    public var passage: Int?

    public init(copy: String, original: String, similarity: Double, passage: Int? = nil) {
        self.copy = copy
        self.original = original
        self.similarity = similarity
        self.passage = passage
    }
}
