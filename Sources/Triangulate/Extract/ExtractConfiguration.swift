import TriangulateText
/// Settings of the Extract stage; the defaults here are the ones the CLI uses.
public struct ExtractConfiguration: Sendable, Hashable {
    /// How many non-empty lines at the top are searched for a headline, byline and date line.
    public var headerLines: Int
    /// Longest line still read as a headline, in characters.
    public var maxHeadlineLength: Int
    /// Most words a headline may have.
    public var maxHeadlineWords: Int
    /// Debris rules applied to every line (see `DebrisRules.all`).
    public var debrisRules: [DebrisRule]
    /// A web page with an element carrying more attributes than this is refused before parsing (libxml2's
    /// duplicate-attribute check is quadratic in them).
    public var maxAttributesPerElement: Int
    /// A web page with one attribute value longer than this (bytes) is refused before parsing.
    public var maxAttributeBytes: Int
    /// A feed file's items that give only a link are reported as failures; off when the caller fetches their pages
    /// itself (the CLI does: the core reads no network).
    public var reportFeedItemsWithoutText = true

    public init(
        headerLines: Int = 10, maxHeadlineLength: Int = 200, maxHeadlineWords: Int = 30,
        debrisRules: [DebrisRule] = DebrisRules.all, maxAttributesPerElement: Int = 1000,
        maxAttributeBytes: Int = 4 * 1024 * 1024
    ) {
        self.headerLines = headerLines
        self.maxHeadlineLength = maxHeadlineLength
        self.maxHeadlineWords = maxHeadlineWords
        self.debrisRules = debrisRules
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxAttributeBytes = maxAttributeBytes
    }

    public static let `default` = ExtractConfiguration()

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.headerLines == rhs.headerLines && lhs.maxHeadlineLength == rhs.maxHeadlineLength
            && lhs.maxHeadlineWords == rhs.maxHeadlineWords
            && lhs.debrisRules.map(\.name) == rhs.debrisRules.map(\.name)
            && lhs.maxAttributesPerElement == rhs.maxAttributesPerElement
            && lhs.maxAttributeBytes == rhs.maxAttributeBytes
            && lhs.reportFeedItemsWithoutText == rhs.reportFeedItemsWithoutText
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(headerLines)
        hasher.combine(maxHeadlineLength)
        hasher.combine(debrisRules.map(\.name))
        hasher.combine(maxAttributesPerElement)
        hasher.combine(reportFeedItemsWithoutText)
    }
}
