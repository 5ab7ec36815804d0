import TriangulateText

/// One item of a feed: where its page is, and what the feed says of it.
public struct FeedItem: Sendable, Hashable {
    public var link: String?
    public var guid: String?
    public var title: String?
    public var author: String?
    public var published: CalendarDate?
    /// The item's text as HTML when the feed carries it (RSS `content:encoded` or `description`, Atom `content` or
    /// `summary`).
    public var content: String?
}

/// An RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 feed, parsed with libxml2's recovering XML parser: what could be read, and
/// what could not (`problems`, each naming the item), so that one broken item or a cut document does not lose the
/// rest.
public struct Feed: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case rss, rdf, atom
    }
    public var kind: Kind
    public var title: String?
    public var items: [FeedItem]
    public var problems: [String]

    /// Whether the bytes start as a feed: after a byte-order mark, whitespace, the XML declaration and comments, the
    /// root element is `rss`, `feed` or `rdf:RDF`.
    public static func looksLikeFeed(_ bytes: [UInt8]) -> Bool { rootName(bytes).flatMap(kind(ofRoot:)) != nil }

    /// The feed in `bytes`; nil when they are not one.
    public static func parse(_ bytes: [UInt8]) -> Feed? {
        guard let (root, wellFormed) = HTMLParser.parseXML(bytes), let kind = kind(ofRoot: root.tag) else {
            return nil
        }
        var feed = Feed(kind: kind, title: nil, items: [], problems: [])
        if !wellFormed { feed.problems.append("the feed is not well-formed XML: only what could be read is kept") }
        switch kind {
        case .rss, .rdf:
            let channel = root.first("channel")
            feed.title = channel.flatMap { text(of: $0, "title") }
            for (number, node) in root.all("item").enumerated() { feed.add(rssItem(node), number: number + 1) }
        case .atom:
            feed.title = text(of: root, "title")
            for (number, node) in root.all("entry").enumerated() { feed.add(atomEntry(node), number: number + 1) }
        }
        return feed
    }

    private mutating func add(_ item: FeedItem, number: Int) {
        guard item.link != nil || item.content != nil else {
            problems.append("item \(number)\(item.title.map { " (\($0))" } ?? ""): no link and no text")
            return
        }
        items.append(item)
    }

    static func kind(ofRoot name: String) -> Kind? {
        switch name.lowercased() {
        case "rss": return .rss
        case "rdf", "rdf:rdf": return .rdf
        case "feed": return .atom
        default: return nil
        }
    }

    static func rssItem(_ node: HTMLNode) -> FeedItem {
        FeedItem(
            link: text(of: node, "link") ?? node.attributes["about"], guid: text(of: node, "guid"),
            title: text(of: node, "title"), author: text(of: node, "creator") ?? text(of: node, "author"),
            published: (text(of: node, "pubDate") ?? text(of: node, "date")).flatMap(date),
            content: text(of: node, "encoded") ?? text(of: node, "description"))
    }

    static func atomEntry(_ node: HTMLNode) -> FeedItem {
        let links = node.children.filter { $0.tag == "link" }
        let page = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
        return FeedItem(
            link: page?.attributes["href"], guid: text(of: node, "id"), title: text(of: node, "title"),
            author: node.first("author").flatMap { text(of: $0, "name") },
            published: (text(of: node, "published") ?? text(of: node, "updated")).flatMap(date),
            content: text(of: node, "content") ?? text(of: node, "summary"))
    }

    /// The trimmed text of `node`'s first child element named `name`; nil when absent or blank.
    static func text(of node: HTMLNode, _ name: String) -> String? {
        guard let child = node.children.first(where: { $0.tag == name }) else { return nil }
        let text = child.textContent.trimming(" \t\r\n")
        return text.isEmpty ? nil : text
    }

    /// RFC 822 (`Tue, 04 Mar 2025 10:00:00 +0000`, RSS 2.0) or ISO 8601 (RDF `dc:date`, Atom).
    static func date(_ text: String) -> CalendarDate? {
        if let iso = DateGrammar.parseISO(String(text.prefix(10))) { return iso }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let rest = words.first.map { Int($0) == nil } == true ? Array(words.dropFirst()) : words
        guard rest.count >= 3 else { return HTMLMetadata.parseDate(text) }
        return HTMLMetadata.parseDate(rest[0..<3].joined(separator: " "))
    }

    /// The root element's name, read from the first bytes.
    static func rootName(_ bytes: [UInt8]) -> String? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(bytes.count, 4096)
        while index < end {
            guard let open = bytes[index..<end].firstIndex(of: UInt8(ascii: "<")), open + 1 < end else { return nil }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // A declaration, processing instruction, comment or doctype: skip past its '>'.
                guard let close = bytes[open..<end].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = close + 1
                continue
            }
            guard bytes[index..<open].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            else { return nil }
            var stop = open + 1
            while stop < end, !([0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[stop])) {
                stop += 1
            }
            return String(decoding: bytes[(open + 1)..<stop], as: UTF8.self)
        }
        return nil
    }
}
