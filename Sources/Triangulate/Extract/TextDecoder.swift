import TriangulateText
/// Bytes → clean Unicode text. Works on bytes: drops a UTF-8 BOM, turns CRLF and lone CR into LF, drops NUL and
/// other control bytes, maps no-break and odd spaces to a plain space, removes zero-width characters, and repairs
/// invalid UTF-8 with U+FFFD replacement characters.
enum TextDecoder {
    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF), checked in
    /// place: ASCII eight bytes at a time, without building a `String`.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0:
                width = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED:
                width = 3
                high = 0x9F
            case 0xF0:
                width = 4
                low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4:
                width = 4
                high = 0x8F
            default: return false
            }
            guard index + width <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += width
        }
        return true
    }

    struct Decoded {
        var text: String
        var repairedInvalidUTF8: Bool
        var droppedControlBytes: Int
    }
    /// windows-1252 (which is also what pages labelled ISO-8859-1 or US-ASCII mean) as UTF-8; the five bytes the
    /// charset leaves undefined become U+FFFD.
    static func utf8(fromWindows1252 bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
                continue
            }
            // Every code point here is below U+10000: two or three UTF-8 bytes.
            let scalar: UInt32 = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                result.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            } else {
                result.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
                result.append(UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F))
            }
            result.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
        return result
    }

    /// Code points of windows-1252's bytes 0x80–0x9F (0xFFFD where the charset defines none).
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// UTF-16 text that starts with a byte-order mark, as UTF-8 (lone surrogates become U+FFFD); nil for anything
    /// else. Without the mark, UTF-16 is not guessed at.
    static func utf8(fromUTF16WithBOM bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let low = UInt16(bytes[littleEndian ? index : index + 1])
            let high = UInt16(bytes[littleEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func decode(_ bytes: [UInt8]) -> Decoded {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        var dropped = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                index += (index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1
                continue
            }
            if byte < 0x20 {
                if byte == 0x0A {
                    out.append(byte)
                } else if byte == 0x09 || byte == 0x0C || byte == 0x0B {
                    out.append(0x20)
                } else {
                    dropped += 1
                }
                index += 1
                continue
            }
            if byte == 0x7F {
                dropped += 1
                index += 1
                continue
            }
            if byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0 {  // U+00A0 no-break space
                out.append(0x20)
                index += 2
                continue
            }
            if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 {
                let third = bytes[index + 2]
                switch third {
                case 0x8B, 0x8C, 0x8D:  // zero-width space / non-joiner / joiner
                    index += 3
                    continue
                case 0x80...0x8A, 0xAF:  // en quad … hair space, narrow no-break space
                    out.append(0x20)
                    index += 3
                    continue
                case 0xA8, 0xA9:  // line / paragraph separator
                    out.append(0x0A)
                    index += 3
                    continue
                default: break
                }
            }
            // Word joiner.
            if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x81 && bytes[index + 2] == 0xA0 {
                index += 3
                continue
            }
            if byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF {  // stray BOM
                index += 3
                continue
            }
            out.append(byte)
            index += 1
        }
        if let valid = String(validating: out, as: UTF8.self) {
            return Decoded(text: valid, repairedInvalidUTF8: false, droppedControlBytes: dropped)
        }
        return Decoded(
            text: String(decoding: out, as: UTF8.self), repairedInvalidUTF8: true, droppedControlBytes: dropped)
    }
}
