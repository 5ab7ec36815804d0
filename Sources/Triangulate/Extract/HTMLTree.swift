import TriangulateText
import CHTML

/// The attributes of an element the shim copies out (a handful at most): looked up by a linear scan, which beats
/// hashing at this size and allocates one array instead of a dictionary.
struct HTMLAttributes {
    var pairs: [(name: String, value: String)] = []

    subscript(name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }
}

/// A small Swift copy of the parts of a libxml2 HTML tree that extraction reads.
final class HTMLNode {
    let tag: String  // lowercase; "#text" for text
    var attributes: HTMLAttributes
    var children: [HTMLNode] = []
    /// Not retained (the parent owns its children); never read on a node detached from the tree.
    unowned(unsafe) var parent: HTMLNode?
    let text: String  // text nodes only
    /// Which of the tag sets extraction asks about the tag is in, looked up once.
    let kind: HTMLTagKind

    init(tag: String, attributes: HTMLAttributes = HTMLAttributes(), text: String = "") {
        self.tag = tag
        self.attributes = attributes
        self.text = text
        self.kind = HTMLTagKind.of(tag)
    }

    var isText: Bool { tag == "#text" }

    /// Class and id, lowercased, for hint matching.
    lazy var hints: String = {
        let classes = attributes["class"]
        let id = attributes["id"]
        if classes == nil && id == nil { return "" }
        return ((classes ?? "") + " " + (id ?? "")).lowercased()
    }()

    /// `hints` split into words at spaces and underscores.
    lazy var hintWords: [String] = {
        let hints = self.hints
        if hints.isEmpty { return [] }
        return hints.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x5F || $0 == 0x09 || $0 == 0x0A })
            .map { String(Substring($0)) }
    }()

    /// All text below this node, whitespace collapsed. Cached: call `clearCaches()` after changing the tree.
    var textContent: String {
        if let cachedText { return cachedText }
        var raw: [UInt8] = []
        appendRawText(to: &raw)
        let text = HTMLText.collapse(String(decoding: raw, as: UTF8.self))
        cachedText = text
        return text
    }

    private func appendRawText(to out: inout [UInt8]) {
        if isText {
            out.append(contentsOf: text.utf8)
            return
        }
        let breaking = kind.contains(.breaking)
        if breaking { out.append(0x20) }
        for child in children { child.appendRawText(to: &out) }
        if breaking { out.append(0x20) }
    }

    /// `textContent`'s length in Unicode scalars, found without building the text (cached).
    var textLength: Int {
        let shape = self.shape
        var length = shape.scalars
        if shape.leading { length -= 1 }
        if shape.scalars > 1 && shape.trailing { length -= 1 }
        return max(0, length)
    }

    /// Length of the text inside links below this node (cached).
    var linkTextLength: Int {
        if let cachedLinkLength { return cachedLinkLength }
        let length =
            tag == "a" ? textLength : children.reduce(0) { $0 + ($1.isText ? 0 : $1.linkTextLength) }
        cachedLinkLength = length
        return length
    }

    /// The text with whitespace runs collapsed to one space but one space kept at either end where there was
    /// whitespace, described by its length and its ends: a parent's is its children's joined (with a space around
    /// a block), a space where two meet counted once. `textContent` is this text without its end spaces.
    private var shape: HTMLText.Shape {
        if let cachedShape { return cachedShape }
        var result: HTMLText.Shape
        if isText {
            result = HTMLText.shape(of: text)
        } else {
            let breaking = kind.contains(.breaking)
            result = breaking ? HTMLText.Shape(scalars: 1, leading: true, trailing: true) : HTMLText.Shape()
            for child in children {
                let part = child.shape
                guard part.scalars > 0 else { continue }
                var count = part.scalars
                if part.leading && result.scalars > 0 && result.trailing { count -= 1 }
                guard count > 0 else { continue }
                if result.scalars == 0 { result.leading = part.leading }
                result.scalars += count
                result.trailing = part.trailing
            }
            if breaking && !result.trailing {
                result.scalars += 1
                result.trailing = true
            }
        }
        cachedShape = result
        return result
    }

    private var cachedShape: HTMLText.Shape?
    private var cachedText: String?
    private var cachedLinkLength: Int?

    /// Forgets the cached texts of this subtree.
    func clearCaches() {
        cachedShape = nil
        cachedText = nil
        cachedLinkLength = nil
        for child in children where !child.isText { child.clearCaches() }
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

/// Tag sets, as bits: `HTMLTagKind.of` looks a tag up once, when its node is made.
struct HTMLTagKind: OptionSet {
    let rawValue: UInt8
    /// Text on either side of it does not run together ("a<p>b" reads "a b").
    static let breaking = HTMLTagKind(rawValue: 1)
    /// Never article text (`HTMLExtractor.removedTags`).
    static let removed = HTMLTagKind(rawValue: 2)
    /// A block in `HTMLExtractor`'s scoring and collection (`HTMLExtractor.blockTags`).
    static let block = HTMLTagKind(rawValue: 4)

    static let breakingTags: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "blockquote", "pre", "section",
        "article", "header", "footer", "ul", "ol", "dd", "dt", "figcaption", "table", "hr", "main", "aside", "nav",
    ]

    private static let table: [String: HTMLTagKind] = {
        var table: [String: HTMLTagKind] = [:]
        for tag in breakingTags { table[tag, default: []].insert(.breaking) }
        for tag in HTMLExtractor.removedTags { table[tag, default: []].insert(.removed) }
        for tag in HTMLExtractor.blockTags { table[tag, default: []].insert(.block) }
        return table
    }()

    static func of(_ tag: String) -> HTMLTagKind { tag.utf8.first == 0x23 ? [] : table[tag] ?? [] }
}

enum HTMLText {

    /// Length and ends of a text once collapsed with its end spaces kept (see `HTMLNode.shape`).
    struct Shape {
        var scalars = 0
        var leading = false
        var trailing = false
    }

    static func shape(of text: String) -> Shape {
        var text = text
        return text.withUTF8 { bytes in
            var shape = Shape()
            var pendingSpace = false
            var index = 0
            let count = bytes.count
            while index < count {
                let width = whitespaceWidth(bytes, index)
                if width > 0 {
                    if shape.scalars == 0 && !pendingSpace { shape.leading = true }
                    pendingSpace = true
                    index += width
                    continue
                }
                if pendingSpace {
                    shape.scalars += 1
                    pendingSpace = false
                }
                if bytes[index] & 0xC0 != 0x80 { shape.scalars += 1 }
                index += 1
            }
            shape.trailing = pendingSpace
            if pendingSpace { shape.scalars += 1 }
            return shape
        }
    }

    /// Bytes of the whitespace (ASCII space, tab, line breaks, no-break space, zero-width space, byte-order mark)
    /// starting at `index`, or 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8B { return 3 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
        return 0
    }

    /// Runs of whitespace (`whitespaceWidth`) become one space; the ends are trimmed. Works on UTF-8 bytes.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = whitespaceWidth(bytes, index)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    index += width
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(bytes[index])
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Parses HTML bytes with libxml2's error-recovering HTML parser (through the CHTML shim) into an `HTMLNode` tree.
enum HTMLParser {

    /// libxml2's one-time initialization; `parse` calls it too, but it belongs on the thread that starts workers.
    static func initialize() { chtml_initialize() }

    /// Why `parse` refused a page before parsing it.
    enum Refusal: Error { case tooManyAttributes, attributeTooLong }

    /// Checks the page against the attribute limits before libxml2 sees it (one pass over the bytes).
    static func checkLimits(_ bytes: [UInt8], maxAttributes: Int, maxAttributeBytes: Int) -> Refusal? {
        var limits = chtml_limits(max_attributes: maxAttributes, max_attribute_bytes: maxAttributeBytes)
        let status = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                chtml_check_limits($0, buffer.count, &limits)
            }
        }
        switch status {
        case Int32(CHTML_TOO_MANY_ATTRIBUTES): return .tooManyAttributes
        case Int32(CHTML_ATTRIBUTE_TOO_LONG): return .attributeTooLong
        default: return nil
        }
    }

    /// `encoding` nil lets libxml2 follow the page's own declaration. Pages over 2 GiB (libxml2 takes an `int`
    /// length) give nil.
    static func parse(_ bytes: [UInt8], encoding: String?) -> (root: HTMLNode, scripts: [String])? {
        guard let count = Int32(exactly: bytes.count), count > 0 else { return nil }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status: Int32 = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 1 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                if let encoding { return chtml_parse(pointer, count, encoding, &output, &length) }
                return chtml_parse(pointer, count, nil, &output, &length)
            }
        }
        guard status == 0, let output else { return nil }
        defer { chtml_free(output) }
        return tree(UnsafeBufferPointer(start: output, count: length))
    }

    /// XML (a feed) with libxml2's recovering XML parser: the tree of what could be read (element names without
    /// their namespace prefix), and whether the document was well-formed. Nil when nothing could be read.
    static func parseXML(_ bytes: [UInt8]) -> (root: HTMLNode, wellFormed: Bool)? {
        guard let count = Int32(exactly: bytes.count), count > 0 else { return nil }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status: Int32 = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 1 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                chtml_parse_xml(pointer, count, &output, &length)
            }
        }
        guard status == 0 || status == Int32(CHTML_NOT_WELL_FORMED), let output else { return nil }
        defer { chtml_free(output) }
        guard let (root, _) = tree(UnsafeBufferPointer(start: output, count: length)) else { return nil }
        return (root, status == 0)
    }

    /// The shim's stream (open, text, close records) as a tree under its first element.
    private static func tree(_ stream: UnsafeBufferPointer<UInt8>) -> (root: HTMLNode, scripts: [String])? {
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
                let tag = readString()  // libxml2 gives HTML names in lowercase
                guard index < stream.count else { return nil }
                let count = Int(stream[index])
                index += 1
                var attributes = HTMLAttributes()
                if count > 0 { attributes.pairs.reserveCapacity(count) }
                for _ in 0..<count {
                    let name = readString()  // the shim copies out only the attributes extraction reads
                    let value = readString()
                    if attributes[name] == nil { attributes.pairs.append((name, value)) }
                }
                let node = HTMLNode(tag: tag, attributes: attributes)
                if skipping == 0, let parent = stack.last {
                    node.parent = parent
                    parent.children.append(node)
                }
                if skipping > 0 || tag == "script" { skipping += 1 }  // the shim leaves other non-text elements out
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
        root.parent = nil  // `document` goes away with this function
        return (root, scripts)
    }
}
