import TriangulateText
/// A small streaming JSON writer with fixed key order and stable number formatting, so the same result always
/// serializes to the same bytes.
struct JSONWriter {
    private(set) var output = ""
    private var depth = 0
    private var needsComma: [Bool] = [false]
    let pretty: Bool

    init(pretty: Bool = true) {
        self.pretty = pretty
        output.reserveCapacity(1 << 16)
    }

    private mutating func newline() {
        guard pretty else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: depth))
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output.append(",") }
        needsComma[needsComma.count - 1] = true
        if depth > 0 { newline() }
    }

    mutating func key(_ name: String) {
        separator()
        output.append("\"")
        output.append(name)
        output.append(pretty ? "\": " : "\":")
        needsComma[needsComma.count - 1] = true
        pendingValueAfterKey = true
    }

    private var pendingValueAfterKey = false

    private mutating func valuePrefix() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
        } else {
            separator()
        }
    }

    mutating func beginObject() {
        valuePrefix()
        output.append("{")
        depth += 1
        needsComma.append(false)
    }

    mutating func endObject() {
        depth -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        output.append("}")
    }

    mutating func beginArray() {
        valuePrefix()
        output.append("[")
        depth += 1
        needsComma.append(false)
    }

    mutating func endArray() {
        depth -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        output.append("]")
    }

    mutating func string(_ value: String?) {
        valuePrefix()
        guard let value else {
            output.append("null")
            return
        }
        Self.appendEscaped(value, to: &output)
    }

    mutating func number(_ value: Double) {
        valuePrefix()
        output.append(Self.format(value))
    }

    mutating func int(_ value: Int) {
        valuePrefix()
        output.append(String(value))
    }

    mutating func bool(_ value: Bool) {
        valuePrefix()
        output.append(value ? "true" : "false")
    }

    mutating func null() {
        valuePrefix()
        output.append("null")
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    mutating func stringArray(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendEscaped(_ value: String, to output: inout String) {
        var value = value
        var escaped: [UInt8] = []
        escaped.reserveCapacity(value.utf8.count + 2)
        escaped.append(0x22)
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole; U+2028/U+2029 (E2 80 A8/A9) are escaped for
            // JavaScript readers.
            var start = 0
            var index = 0
            func flush() {
                if index > start { escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                // The second byte of a two-byte escape, or 0 when the byte needs another treatment (or none).
                var short: UInt8 = 0
                switch byte {
                case 0x22, 0x5C: short = byte
                case 0x0A: short = 0x6E
                case 0x0D: short = 0x72
                case 0x09: short = 0x74
                default: break
                }
                let control = byte < 0x20 || byte == 0x7F
                let separator =
                    byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                guard short != 0 || control || separator else {
                    index += 1
                    continue
                }
                flush()
                if short != 0 {
                    escaped.append(0x5C)
                    escaped.append(short)
                    index += 1
                } else if control {
                    escaped.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])  // \u00
                    escaped.append(hexDigits[Int(byte >> 4)])
                    escaped.append(hexDigits[Int(byte & 0x0F)])
                    index += 1
                } else {
                    escaped.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                }
                start = index
            }
            flush()
        }
        escaped.append(0x22)
        output += String(decoding: escaped, as: UTF8.self)
    }
}
