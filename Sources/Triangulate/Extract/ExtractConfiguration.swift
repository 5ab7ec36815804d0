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

    public init(
        headerLines: Int = 10, maxHeadlineLength: Int = 200, maxHeadlineWords: Int = 30,
        debrisRules: [DebrisRule] = DebrisRules.all
    ) {
        self.headerLines = headerLines
        self.maxHeadlineLength = maxHeadlineLength
        self.maxHeadlineWords = maxHeadlineWords
        self.debrisRules = debrisRules
    }

    public static let `default` = ExtractConfiguration()

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.headerLines == rhs.headerLines && lhs.maxHeadlineLength == rhs.maxHeadlineLength
            && lhs.maxHeadlineWords == rhs.maxHeadlineWords
            && lhs.debrisRules.map(\.name) == rhs.debrisRules.map(\.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(headerLines)
        hasher.combine(maxHeadlineLength)
        hasher.combine(debrisRules.map(\.name))
    }
}

/// Why a document yielded no article.
public enum ExtractError: Error, Sendable, Hashable, CustomStringConvertible {
    case noText(origin: String)
    case onlyDebris(origin: String, removedLines: Int)

    public var origin: String {
        switch self {
        case .noText(let origin), .onlyDebris(let origin, _): return origin
        }
    }

    public var reason: String {
        switch self {
        case .noText: return "no readable text after decoding"
        case .onlyDebris(_, let lines): return "every line (\(lines)) is page debris or metadata; no article body"
        }
    }

    public var description: String { "\(origin): \(reason)" }
}
