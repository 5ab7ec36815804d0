import TriangulateText
/// Stage 2 for plain text: `Document` → `Article`. Finds the headline, byline, date and outlet lines at the top,
/// rejoins hard-wrapped paragraphs, and drops debris lines through `DebrisRules`.
public struct Extract: Sendable {
    public var configuration: ExtractConfiguration

    /// Also initializes libxml2 (once per process), which must happen before threads parse pages.
    public init(configuration: ExtractConfiguration = .default) {
        self.configuration = configuration
        HTMLParser.initialize()
    }

    public func article(from document: Document) throws(ExtractError) -> Article {
        if document.kind == .html { return try HTMLExtractor(configuration: configuration).article(from: document) }
        if document.kind == .feed {
            throw .notAnArticle(origin: document.origin, what: "a feed (name it as a file to read its items)")
        }
        let decoded = TextDecoder.decode(document.bytes)
        var warnings: [String] = []
        if decoded.repairedInvalidUTF8 { warnings.append("invalid UTF-8 repaired with replacement characters") }
        if decoded.droppedControlBytes > 0 { warnings.append("\(decoded.droppedControlBytes) control bytes dropped") }

        let blocks = Self.blocks(of: decoded.text)
        guard !blocks.isEmpty else { throw .noText(origin: document.origin) }

        var article = Article(id: document.id, origin: document.origin, paragraphs: [], warnings: warnings)
        var body = readHeader(blocks, into: &article)
        body = removeDebris(body, article: &article)
        article.paragraphs = body.map { Self.stripTrailingURL($0, removed: &article.removed) }
        article.paragraphs.removeAll { $0.isEmpty }
        guard !article.paragraphs.isEmpty else {
            throw .onlyDebris(origin: document.origin, removedLines: article.removed.count)
        }
        return article
    }

    // MARK: Blocks

    /// Paragraph candidates: every non-empty line, except that hard-wrapped lines (a line that does not end a
    /// sentence, followed in the same block by a line starting in lowercase) are joined back together.
    static func blocks(of text: String) -> [String] {
        var result: [String] = []
        var previousBlank = true
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = collapseSpaces(rawLine)
            if line.isEmpty {
                previousBlank = true
                continue
            }
            if !previousBlank, let last = result.last, continuesParagraph(last, with: line) {
                result[result.count - 1] = last + " " + line
            } else {
                result.append(line)
            }
            previousBlank = false
        }
        return result
    }

    static func continuesParagraph(_ previous: String, with next: String) -> Bool {
        guard let lastCharacter = previous.last, let firstCharacter = next.first else { return false }
        if ".!?:;\"”’)]".contains(lastCharacter) { return false }
        if previous.count < 40 { return false }
        return firstCharacter.isLowercase
    }

    static func collapseSpaces(_ line: Substring) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for character in line {
            if character == " " || character == "\t" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    // MARK: Header

    /// Reads headline, byline, date and outlet from the first lines; returns the remaining lines.
    func readHeader(_ blocks: [String], into article: inout Article) -> [String] {
        var remaining: [String] = []
        var inHeader = true
        var headerSeen = 0
        var headlineSlot = true  // until the first block that is neither a header field nor an address
        for (index, block) in blocks.enumerated() {
            guard inHeader, headerSeen < configuration.headerLines else {
                remaining.append(block)
                continue
            }
            headerSeen += 1
            if headlineSlot, Self.isURLLine(block) {
                // A text saved with its address on top ("https://example.com/2024/05/01/story"): the address is
                // header (its date and host fill what the text lacks), and the headline may follow it.
                if article.published == nil { article.published = HTMLMetadata.dateInURL(block) }
                if article.outlet == nil, let host = HTMLMetadata.host(block), !host.contains(where: \.isWhitespace) {
                    article.outlet = host
                }
                article.removed.append(block)
                continue
            }
            if headlineSlot, index < blocks.count - 1, isHeadline(block) {
                article.title = block
                headlineSlot = false
                continue
            }
            if let field = HeaderLine.parse(block) {
                switch field {
                case .outlet(let name) where article.outlet == nil: article.outlet = name
                case .published(let date) where article.published == nil: article.published = date
                case .byline(let name, let role) where article.byline == nil:
                    article.byline = name
                    article.bylineRole = role
                case .desk(let role) where article.bylineRole == nil: article.bylineRole = role
                default: break
                }
                article.removed.append(block)
                continue
            }
            headlineSlot = false  // a headline comes first, after only an address, a date or a byline
            if Self.isBodyParagraph(block) { inHeader = false }
            remaining.append(block)
        }
        return remaining
    }

    /// A line that is only a web address.
    static func isURLLine(_ line: String) -> Bool {
        let lower = line.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), line.count <= 2048 else { return false }
        return !line.contains(" ") || !line.hasSuffix(".")
    }

    /// A line that reads as a headline: short, no sentence-final period, not a dateline lede.
    func isHeadline(_ line: String) -> Bool {
        guard line.count <= configuration.maxHeadlineLength, line.count >= 12, !line.includes("http") else {
            return false
        }
        let words = line.split(separator: " ")
        guard words.count >= 3, words.count <= configuration.maxHeadlineWords else { return false }
        guard let first = line.first,
            first.isUppercase || first.isNumber || "‘'\"“".contains(first)
        else { return false }
        if let last = line.last, ".:;,".contains(last) {
            // Sentence-case line with a final period is a lede, unless it is in Title Case.
            return last == "." && Self.titleCaseRatio(words) >= 0.8 && !line.hasSuffix("..")
        }
        if HeaderLine.parse(line) != nil { return false }
        if DebrisRules.match(DebrisLine(line)) != nil { return false }
        return true
    }

    static func titleCaseRatio(_ words: [Substring]) -> Double {
        let content = words.filter { $0.count > 3 }
        guard !content.isEmpty else { return 0 }
        return Double(content.filter { $0.first?.isUppercase == true }.count) / Double(content.count)
    }

    static func isBodyParagraph(_ line: String) -> Bool {
        let words = line.split(separator: " ").count
        guard let last = line.last else { return false }
        return words >= 25 || (words >= 10 && ".!?\"”".contains(last))
    }

    // MARK: Debris

    func removeDebris(_ lines: [String], article: inout Article) -> [String] {
        var kept: [String] = []
        for line in lines {
            let candidate = DebrisLine(line, title: article.title)
            if let (_, verdict) = DebrisRules.match(candidate, rules: configuration.debrisRules) {
                article.removed.append(line)
                if case .credit(let source) = verdict { article.credits.append(source) }
            } else {
                kept.append(line)
            }
        }
        return kept
    }

    /// "…do so.https://t.co/xyz" → "…do so." with the address recorded as removed.
    static func stripTrailingURL(_ paragraph: String, removed: inout [String]) -> String {
        guard let start = paragraph.lastRange(of: "http") else { return paragraph }
        let tail = paragraph[start...]
        guard tail.hasPrefix("http://") || tail.hasPrefix("https://"), !tail.contains(" ") else { return paragraph }
        let head = paragraph[..<start]
        guard let before = head.last, before == " " || ".!?\"”’)".contains(before) else { return paragraph }
        removed.append(String(tail))
        return head.trimming(" ")
    }
}
