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

    static func appendEscaped(_ value: String, to output: inout String) {
        output.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{2028}": output.append("\\u2028")
            case "\u{2029}": output.append("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
