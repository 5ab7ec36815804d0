/// A cleaned article: metadata plus body paragraphs. Produced by the Extract stage.
public struct Article: Sendable, Hashable {
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
}
