import TriangulateText
import Foundation

/// Stage 2 for web pages: main text by block scoring (text density, link density, class/id hints, paragraph
/// structure), metadata from meta tags, JSON-LD and the page itself, then the same debris rules as plain text.
final class HTMLExtractor {
    let configuration: ExtractConfiguration
    /// Text length of the page body, for "too big to be boilerplate".
    private var bodyTextLength = 0

    init(configuration: ExtractConfiguration) {
        self.configuration = configuration
    }

    static let negativeHints = [
        "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe", "subscription",
        "promo", "advert", "sponsor", "cookie", "consent", "popup", "modal", "sidebar", "widget", "breadcrumb", "menu",
        "footer", "masthead", "outbrain", "taboola", "trending", "most-popular", "mostpopular", "more-stories",
        "read-more", "readmore", "signup", "sign-up", "paywall", "banner", "toolbar", "pagination", "pager",
        "author-bio",
        "tags", "tag-list", "disqus", "rating", "skip", "caption", "credit", "nav",
    ]
    static let negativeHintBytes = negativeHints.map { Array($0.utf8) }

    /// A class/id word is a negative hint, whole ("comment"), as a prefix ("comment-list") or a suffix
    /// ("post-comment"). Compares UTF-8 bytes: this runs for every element of every page.
    static func isNegativeHint(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { w in
            for hint in negativeHintBytes where w.count >= hint.count {
                let n = hint.count
                if w.count == n {
                    if w.elementsEqual(hint) { return true }
                    continue
                }
                if w[n] == 0x2D && w[0] == hint[0] && UnsafeBufferPointer(rebasing: w[0..<n]).elementsEqual(hint) {
                    return true
                }
                let start = w.count - n
                if w[start - 1] == 0x2D && w[start] == hint[0]
                    && UnsafeBufferPointer(rebasing: w[start...]).elementsEqual(hint)
                {
                    return true
                }
            }
            return false
        }
    }
    static let positiveHints = ["article", "content", "story", "body", "main", "post", "entry", "text", "blog", "news"]
    static let removedTags: Set<String> = [
        "nav", "footer", "aside", "button", "input", "select", "textarea", "figcaption", "label", "menu",
        "dialog", "head", "title", "link", "meta", "img", "picture", "video", "audio", "canvas", "map",
    ]
    static let blockTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th", "tr", "div",
        "section", "article", "ul", "ol", "table", "main", "header", "figure", "hr", "br", "dl",
    ]

    func article(from document: Document) throws(ExtractError) -> Article {
        switch HTMLParser.checkLimits(
            document.bytes, maxAttributes: configuration.maxAttributesPerElement,
            maxAttributeBytes: configuration.maxAttributeBytes)
        {
        case .tooManyAttributes:
            throw .overLimit(
                origin: document.origin,
                what: "an element has more than \(configuration.maxAttributesPerElement) attributes")
        case .attributeTooLong:
            throw .overLimit(
                origin: document.origin,
                what: "an attribute value is longer than \(configuration.maxAttributeBytes) bytes")
        case nil: break
        }
        var encoding = Self.encoding(for: document.bytes)
        let undeclared = encoding == "windows-1252"
        var bytes = document.bytes
        if undeclared || (encoding == nil && Self.declaresWindows1252(bytes)) {
            // Transcoded here: libxml2 (through iconv) stops reading at the first byte windows-1252 leaves undefined
            // and drops the rest of the page.
            bytes = TextDecoder.utf8(fromWindows1252: bytes)
            encoding = "UTF-8"
        }
        guard let (root, scripts) = HTMLParser.parse(bytes, encoding: encoding) else {
            throw .noText(origin: document.origin)
        }
        var article = Article(id: document.id, origin: document.origin, paragraphs: [])
        let metadata = HTMLMetadata(root: root, scripts: scripts)
        article.title = metadata.title
        article.byline = metadata.byline
        article.published = metadata.published
        article.outlet = metadata.outlet
        if undeclared {
            article.warnings.append("no charset declared and not UTF-8: read as windows-1252")
        }

        guard let body = root.first("body") ?? Optional(root) else { throw .noText(origin: document.origin) }
        prune(body)
        body.clearCaches()
        var blocks = mainBlocks(body)
        if blocks.joined().count < 200 {
            var all: [String] = []
            collect(body, into: &all)  // every text block, when no container stands out
            let paragraphs = body.all("p").map(\.textContent).filter { $0.count >= 20 }
            blocks = paragraphs.joined().count >= 200 ? paragraphs : all.filter { $0.count >= 30 }
        }
        // The headline repeated at the top of the body.
        if let title = article.title, let first = blocks.first, DebrisLine.fold(first) == DebrisLine.fold(title) {
            article.removed.append(first)
            blocks.removeFirst()
        }
        for block in blocks {
            let line = DebrisLine(block, title: article.title)
            if let (_, verdict) = DebrisRules.match(line, rules: configuration.debrisRules) {
                article.removed.append(block)
                if case .credit(let source) = verdict { article.credits.append(source) }
            } else {
                article.paragraphs.append(block)
            }
        }
        guard !article.paragraphs.isEmpty else { throw .noText(origin: document.origin) }
        return article
    }

    /// UTF-8 when the bytes are valid UTF-8 (whatever the page declares); the declared charset otherwise; and
    /// windows-1252 for undeclared non-UTF-8 pages.
    static func encoding(for bytes: [UInt8]) -> String? {
        if bytes.withUnsafeBufferPointer(TextDecoder.isValidUTF8) { return "UTF-8" }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if head.includes("charset") { return nil }
        return "windows-1252"
    }

    /// Whether the page's first 4 KiB declare a charset that means windows-1252 (`charset=windows-1252`,
    /// `iso-8859-1`, `us-ascii` and their aliases, as browsers read them).
    static func declaresWindows1252(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset") else { return false }
        let label = head[range.upperBound...].drop { " =\"'".contains($0) }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return Self.windows1252Labels.contains(String(label))
    }

    static let windows1252Labels: Set<String> = Lexicon.shared.words(.windows1252Labels)

    // MARK: Pruning

    func prune(_ node: HTMLNode) {
        if node.tag == "body" { bodyTextLength = node.textLength }
        node.children.removeAll { child in
            guard !child.isText else { return false }
            if child.kind.contains(.removed) { return true }
            if child.attributes["hidden"] != nil || child.attributes["aria-hidden"] == "true" { return true }
            if let style = child.attributes["style"]?.lowercased(),
                style.includes("display:none") || style.includes("display: none")
            {
                return true
            }
            if child.tag == "header", child.first("h1") == nil { return true }
            // A form around the whole page (ASP.NET) stays; a search or signup form goes.
            if child.tag == "form", child.textLength < 1000 { return true }
            return isNegative(child)
        }
        for child in node.children where !child.isText { prune(child) }
    }

    /// Class/id hints of boilerplate, unless the element also looks like the article itself.
    func isNegative(_ node: HTMLNode) -> Bool {
        guard node.tag != "body", node.tag != "html" else { return false }
        let words = node.hintWords
        guard !words.isEmpty else { return false }
        let negative = words.contains(where: Self.isNegativeHint)
        guard negative else { return false }
        let positive = words.contains { word in Self.positiveHints.contains { word.includes($0) } }
        let length = node.textLength
        // Too much of the page to be boilerplate ("container penci_sidebar" around the whole article).
        if bodyTextLength > 0 && Double(length) > 0.4 * Double(bodyTextLength) { return false }
        return !(positive && length > 500)
    }

    // MARK: Scoring

    func mainBlocks(_ body: HTMLNode) -> [String] {
        var scores: [ObjectIdentifier: Double] = [:]
        var nodes: [ObjectIdentifier: HTMLNode] = [:]
        func credit(_ node: HTMLNode?, _ score: Double) {
            guard let node else { return }
            scores[ObjectIdentifier(node), default: 0] += score
            nodes[ObjectIdentifier(node)] = node
        }
        func paragraphScore(_ text: String, length: Int, links: Int) -> Double {
            var commas = 0
            for scalar in text.unicodeScalars where scalar == "," || scalar == "，" || scalar == "、" { commas += 1 }
            let base = 1.0 + Double(commas) + min(Double(length) / 100, 3)
            return base * (1 - Double(links) / Double(max(1, length)))
        }
        body.descendants { node in
            guard !node.isText else { return }
            if ["p", "pre", "td", "blockquote", "li"].contains(node.tag) || (node.tag == "div" && !hasBlockChild(node))
            {
                guard node.textLength >= 25 else { return }
                let score = paragraphScore(node.textContent, length: node.textLength, links: node.linkTextLength)
                credit(node.parent, score)
                credit(node.parent?.parent, score / 2)
            } else if hasBlockChild(node) {
                // Text written straight into a container, between its blocks ("<section>Text<p></p><h2>…").
                var inline = ""
                var links = 0
                for child in node.children where child.isText || !child.kind.contains(.block) {
                    if child.isText {
                        inline += child.text
                    } else {
                        inline += " " + child.textContent
                        links += child.linkTextLength
                    }
                }
                let text = HTMLText.collapse(inline)
                let length = text.count
                guard length >= 25 else { return }
                let score = paragraphScore(text, length: length, links: links)
                credit(node, score)
                credit(node.parent, score / 2)
            }
        }
        var best: (node: HTMLNode, score: Double)?
        for (id, raw) in scores {
            guard let node = nodes[id] else { continue }
            var score = raw
            if node.hintWords.contains(where: { word in Self.positiveHints.contains { word.includes($0) } }) {
                score *= 1.25
            }
            if node.tag == "article" || node.attributes["itemprop"] == "articleBody" { score *= 1.3 }
            let length = node.textLength
            let links = Double(node.linkTextLength) / Double(max(1, length))
            score *= (1 - links)
            if best == nil || score > best!.score || (score == best!.score && length > best!.node.textLength) {
                best = (node, score)
            }
        }
        guard let top = best else { return [] }
        // Siblings that carry article text too (a body split by ads or wrappers).
        var containers: [HTMLNode] = [top.node]
        if let parent = top.node.parent {
            containers = parent.children.filter { sibling in
                guard !sibling.isText else { return false }
                if sibling === top.node { return true }
                let score = scores[ObjectIdentifier(sibling)] ?? 0
                if score >= max(10, top.score * 0.2) { return true }
                if sibling.tag == "p" {
                    let length = sibling.textLength
                    let links = Double(sibling.linkTextLength) / Double(max(1, length))
                    return length > 80 && links < 0.25
                }
                return false
            }
        }
        var blocks: [String] = []
        for container in containers { collect(container, into: &blocks) }
        return blocks
    }

    private func hasBlockChild(_ node: HTMLNode) -> Bool {
        node.children.contains {
            !$0.isText
                && ["p", "div", "section", "article", "table", "ul", "ol", "h1", "h2", "h3", "blockquote", "pre"]
                    .contains($0.tag)
        }
    }

    /// Text blocks of a container in reading order: each paragraph-like element is one block; inline runs between
    /// blocks become blocks of their own.
    private func collect(_ node: HTMLNode, into blocks: inout [String]) {
        var inline = ""
        func flush() {
            let text = HTMLText.collapse(inline)
            if text.count >= 2 { blocks.append(text) }
            inline = ""
        }
        if node.isText {
            let text = HTMLText.collapse(node.text)
            if !text.isEmpty { blocks.append(text) }
            return
        }
        for child in node.children {
            if child.isText {
                inline += child.text
            } else if ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "h1"].contains(
                child.tag)
                && !hasBlockChild(child)
            {
                flush()
                let length = child.textLength
                let links = Double(child.linkTextLength) / Double(max(1, length))
                if length >= 2 && !(links > 0.6 && length < 200) { blocks.append(child.textContent) }
            } else if child.kind.contains(.block) {
                flush()
                let length = child.textLength
                let links = Double(child.linkTextLength) / Double(max(1, length))
                if links > 0.5 && length < 400 { continue }  // link lists
                collect(child, into: &blocks)
            } else {
                inline += " " + child.textContent + " "
            }
        }
        flush()
    }
}
