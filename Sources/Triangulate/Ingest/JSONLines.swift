import TriangulateText
/// A reader for JSON Lines input (`cluster --input FILE.jsonl`): each line one JSON object, of which only the string
/// members asked for are kept. Works on UTF-8 bytes without building a Foundation object per line, which is what
/// makes a million-line stream affordable; the grammar is full JSON (nested values are skipped, escapes decoded).
public enum JSONLines {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case malformed(line: Int, reason: String)
        case notAnObject(line: Int)

        public var description: String {
            switch self {
            case .malformed(let line, let reason): "line \(line): malformed JSON (\(reason))"
            case .notAnObject(let line): "line \(line): not a JSON object"
            }
        }
    }

    /// The string members of one object that are named in `keys` (other members, and non-string values of those
    /// keys, are skipped). `line` is only used in errors.
    public static func strings(
        in bytes: UnsafeBufferPointer<UInt8>, keys: Set<String>, line: Int
    ) throws(Failure) -> [String: String] {
        var parser = Parser(bytes: bytes, line: line)
        return try parser.object(keys: keys)
    }

    /// Calls `body` with each non-blank line of `bytes` (without its newline) and its 1-based number.
    public static func forEachLine(
        in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var number = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                number += 1
                var last = end
                if last > start && buffer[last - 1] == 0x0D { last -= 1 }
                var first = start
                while first < last && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
                if first < last { try body(UnsafeBufferPointer(rebasing: buffer[first..<last]), number) }
                start = end + 1
            }
        }
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let line: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            self.bytes = bytes
            self.line = line
        }

        func fail(_ reason: String) -> Failure { .malformed(line: line, reason: reason + " at byte \(index + 1)") }

        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(what)") }
            index += 1
        }

        mutating func object(keys: Set<String>) throws(Failure) -> [String: String] {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw .notAnObject(line: line) }
            index += 1
            var found: [String: String] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    let key = try string()
                    try expect(UInt8(ascii: ":"), "':'")
                    skipSpace()
                    if keys.contains(key), index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        found[key] = try string()
                    } else {
                        try skipValue(depth: 0)
                    }
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        break
                    }
                    throw fail("expected ',' or '}'")
                }
            }
            skipSpace()
            guard index == bytes.count else { throw fail("text after the object") }
            return found
        }

        /// A string starting at the opening quote; escapes decoded, invalid UTF-8 repaired.
        mutating func string() throws(Failure) -> String {
            index += 1  // opening quote
            var out: [UInt8] = []
            var runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if byte < 0x20 { throw fail("control character in a string") }
                if byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        {
                            index += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalar = 0xFFFD
                            }
                        }
                        let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(value)).utf8))
                    default:
                        throw fail("unknown escape")
                    }
                    runStart = index
                    continue
                }
                index += 1
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw fail("bad \\u escape")
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }

        mutating func skipValue(depth: Int) throws(Failure) {
            guard depth < 512 else { throw fail("nesting too deep") }
            skipSpace()
            guard index < bytes.count else { throw fail("expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close {
                    index += 1
                    return
                }
                while true {
                    if isObject {
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                            throw fail("expected a key")
                        }
                        _ = try string()
                        try expect(UInt8(ascii: ":"), "':'")
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated value") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    if bytes[index] == close {
                        index += 1
                        return
                    }
                    throw fail("expected ',' or a closing bracket")
                }
            default:
                // true, false, null, numbers: a run of literal characters.
                let start = index
                while index < bytes.count {
                    let byte = bytes[index]
                    let literal =
                        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
                        || byte == 0x2B || byte == 0x2E || byte == 0x45
                    guard literal else { break }
                    index += 1
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                let isNumber = word.first.map { $0 == "-" || $0.isNumber } ?? false
                guard word == "true" || word == "false" || word == "null" || (isNumber && Double(word) != nil) else {
                    throw fail("unexpected value")
                }
            }
        }
    }
}
