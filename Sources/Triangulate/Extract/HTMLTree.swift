import CHTML

/// A small Swift copy of the parts of a libxml2 HTML tree that extraction reads.
final class HTMLNode {
    let tag: String  // lowercase; "#text" for text
    var attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLNode?
    let text: String  // text nodes only

    init(tag: String, attributes: [String: String] = [:], text: String = "") {
        self.tag = tag
        self.attributes = attributes
        self.text = text
    }

    var isText: Bool { tag == "#text" }

    /// Class and id, lowercased, for hint matching.
    lazy var hints: String = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()

    func attribute(_ name: String) -> String? { attributes[name] }

    /// All text below this node, whitespace collapsed.
    var textContent: String {
        var out = ""
        appendText(to: &out)
        return HTMLText.collapse(out)
    }

    private func appendText(to out: inout String) {
        if isText {
            out += text
            return
        }
        if HTMLText.breakingTags.contains(tag) { out += " " }
        for child in children { child.appendText(to: &out) }
        if HTMLText.breakingTags.contains(tag) { out += " " }
    }

    /// Length of the text inside links below this node.
    var linkTextLength: Int {
        if tag == "a" { return textContent.count }
        return children.reduce(0) { $0 + ($1.isText ? 0 : $1.linkTextLength) }
    }

    func descendants(_ visit: (HTMLNode) -> Void) {
        for child in children {
            visit(child)
            if !child.isText { child.descendants(visit) }
        }
    }

    func first(_ tag: String) -> HTMLNode? {
        for child in children where !child.isText {
            if child.tag == tag { return child }
            if let found = child.first(tag) { return found }
        }
        return nil
    }

    func all(_ tag: String) -> [HTMLNode] {
        var found: [HTMLNode] = []
        descendants { if $0.tag == tag { found.append($0) } }
        return found
    }
}

enum HTMLText {
    static let breakingTags: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "blockquote", "pre", "section",
        "article", "header", "footer", "ul", "ol", "dd", "dt", "figcaption", "table", "hr", "main", "aside", "nav",
    ]

    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{00A0}"
                || scalar == "\u{200B}" || scalar == "\u{FEFF}"
            {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

/// Parses HTML bytes with libxml2's error-recovering HTML parser (through the CHTML shim) into an `HTMLNode` tree.
enum HTMLParser {
    static let keptAttributes: Set<String> = [
        "class", "id", "href", "rel", "property", "name", "content", "itemprop", "datetime", "type", "lang", "charset",
        "http-equiv", "role", "hidden", "aria-hidden", "style",
    ]
    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    ]

    /// `encoding` nil lets libxml2 follow the page's own declaration.
    static func parse(_ bytes: [UInt8], encoding: String?) -> (root: HTMLNode, scripts: [String])? {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status: Int32 = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                if let encoding { return chtml_parse(pointer, Int32(buffer.count), encoding, &output, &length) }
                return chtml_parse(pointer, Int32(buffer.count), nil, &output, &length)
            }
        }
        guard status == 0, let output else { return nil }
        defer { chtml_free(output) }
        let stream = UnsafeBufferPointer(start: output, count: length)
        var index = 0
        func readString() -> String {
            let start = index
            while index < stream.count && stream[index] != 0 { index += 1 }
            let value = String(decoding: UnsafeBufferPointer(rebasing: stream[start..<index]), as: UTF8.self)
            index += 1
            return value
        }
        let document = HTMLNode(tag: "#document")
        var stack: [HTMLNode] = [document]
        var scripts: [String] = []
        var skipping = 0  // depth inside a skipped element
        while index < stream.count {
            let marker = stream[index]
            index += 1
            switch marker {
            case 1:
                let tag = readString().lowercased()
                let count = Int(stream[index])
                index += 1
                var attributes: [String: String] = [:]
                for _ in 0..<count {
                    let name = readString().lowercased()
                    let value = readString()
                    if keptAttributes.contains(name) { attributes[name] = value }
                }
                let node = HTMLNode(tag: tag, attributes: attributes)
                if skipping == 0 {
                    node.parent = stack.last
                    stack.last!.children.append(node)
                }
                if skipping > 0 || skippedTags.contains(tag) || tag == "script" { skipping += 1 }
                stack.append(node)
            case 2:
                let text = readString()
                guard let current = stack.last else { continue }
                if current.tag == "script", (current.attributes["type"] ?? "").lowercased().contains("ld+json") {
                    scripts.append(text)
                } else if skipping == 0 {
                    let node = HTMLNode(tag: "#text", text: text)
                    node.parent = current
                    current.children.append(node)
                }
            case 3:
                if skipping > 0 { skipping -= 1 }
                if stack.count > 1 { stack.removeLast() }
            default:
                return nil
            }
        }
        let root = document.children.first { !$0.isText } ?? document
        return (root, scripts)
    }
}
