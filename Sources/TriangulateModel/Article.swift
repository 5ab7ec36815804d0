/// A cleaned article: metadata plus body paragraphs. Produced by the Extract stage.
public struct Article: Sendable, Hashable, Codable {
    public var id: String
    public var origin: String
    public var outlet: String?
    public var title: String?
    /// The author's name(s) as printed, without "By" and without the role.
    public var byline: String?
    /// The role or desk printed next to the byline ("Business & Economy Reporter").
    public var bylineRole: String?
    public var published: CalendarDate?
    /// Body paragraphs in reading order; `text` joins them with blank lines.
    public var paragraphs: [String]
    /// Every line or fragment dropped as debris, in document order.
    public var removed: [String]
    /// Sources credited by the page itself ("Source: X" lines), in order.
    public var credits: [String]
    /// Problems with the input that did not stop extraction (invalid UTF-8 repaired, …).
    public var warnings: [String]

    public var text: String { paragraphs.joined(separator: "\n\n") }

    public init(
        id: String, origin: String, outlet: String? = nil, title: String? = nil, byline: String? = nil,
        bylineRole: String? = nil, published: CalendarDate? = nil, paragraphs: [String], removed: [String] = [],
        credits: [String] = [], warnings: [String] = []
    ) {
        self.id = id
        self.origin = origin
        self.outlet = outlet
        self.title = title
        self.byline = byline
        self.bylineRole = bylineRole
        self.published = published
        self.paragraphs = paragraphs
        self.removed = removed
        self.credits = credits
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, origin, outlet, title, byline, bylineRole, published, text, removed, credits, warnings
    }

    /// The contract's shape: `text` (paragraphs joined by blank lines) in place of the paragraph list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        origin = try container.decode(String.self, forKey: .origin)
        outlet = try container.decodeIfPresent(String.self, forKey: .outlet)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        byline = try container.decodeIfPresent(String.self, forKey: .byline)
        bylineRole = try container.decodeIfPresent(String.self, forKey: .bylineRole)
        published = try container.decodeIfPresent(CalendarDate.self, forKey: .published)
        let text = try container.decode(String.self, forKey: .text)
        paragraphs = Self.paragraphs(of: text)
        removed = try container.decodeIfPresent([String].self, forKey: .removed) ?? []
        credits = try container.decodeIfPresent([String].self, forKey: .credits) ?? []
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }

    /// `text` split back at its blank lines.
    static func paragraphs(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else {
                current += current.isEmpty ? String(line) : "\n" + line
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(origin, forKey: .origin)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(title, forKey: .title)
        try container.encode(byline, forKey: .byline)
        try container.encode(bylineRole, forKey: .bylineRole)
        try container.encode(published, forKey: .published)
        try container.encode(text, forKey: .text)
        try container.encode(removed, forKey: .removed)
        try container.encode(credits, forKey: .credits)
        try container.encode(warnings, forKey: .warnings)
    }
}
