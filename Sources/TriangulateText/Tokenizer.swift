import TriangulateModel
/// A token of a paragraph, as byte offsets into the paragraph's UTF-8.
package struct Token: Sendable, Hashable {
    package enum Kind: UInt8, Sendable {
        /// Letters (any script), possibly with digits, inner hyphens, apostrophes or dots ("U.S.", "F-150", "don't").
        case word
        /// Digits with inner separators ("3.5", "30,000").
        case number
        /// "'s" / "’s" after a word.
        case possessive
        /// One punctuation or symbol character.
        case punct
    }

    package var start: Int
    package var end: Int
    package var kind: Kind
    /// First character is an uppercase letter.
    package var capitalized: Bool
    /// Every letter is uppercase and there are at least two.
    package var allCaps: Bool
    package var hasDigit: Bool
    /// Letters separated by dots ("U.S.", "a.m.").
    package var dotted: Bool
}

/// Byte-level tokenizer over UTF-8. Non-ASCII scalars count as letters except for the punctuation and symbol blocks
/// (quotes, dashes, ellipsis, currency signs, Latin-1 symbols), so any script tokenizes without a Unicode table.
package enum Tokenizer {
    package static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A {
                index += 1
                continue
            }
            let length = scalarLength(byte)
            if isWordStart(bytes, index) {
                let start = index
                var hasDigit = false
                var hasLetter = false
                var lower = 0
                var upper = 0
                // Dotted abbreviation: single letters each followed by a dot, at least two ("U.S.", "e.g.").
                if isASCIILetter(byte) {
                    var cursor = index
                    var pairs = 0
                    var upperLetters = 0
                    while cursor + 1 < count, isASCIILetter(bytes[cursor]), bytes[cursor + 1] == 0x2E {
                        if isUpper(bytes[cursor]) { upperLetters += 1 }
                        pairs += 1
                        cursor += 2
                    }
                    if pairs >= 2 {
                        tokens.append(
                            Token(
                                start: start, end: cursor, kind: .word, capitalized: isUpper(byte),
                                allCaps: upperLetters == pairs, hasDigit: false, dotted: true))
                        index = cursor
                        continue
                    }
                }
                while index < count {
                    let current = bytes[index]
                    if isASCIILetter(current) {
                        hasLetter = true
                        if current <= 0x5A { upper += 1 } else { lower += 1 }
                        index += 1
                    } else if current >= 0x30 && current <= 0x39 {
                        hasDigit = true
                        index += 1
                    } else if current >= 0x80 {
                        if isPunctuationScalar(bytes, index) {
                            // Apostrophe ’ inside a word: keep unless it starts a possessive 's.
                            if isRightSingleQuote(bytes, index), index + 3 < count, isLetter(bytes, index + 3),
                                index > start, !startsPossessive(bytes, index, apostropheLength: 3)
                            {
                                index += 3
                                continue
                            }
                            break
                        }
                        hasLetter = true
                        if isUpperScalar(bytes, index) { upper += 1 } else { lower += 1 }
                        index += scalarLength(current)
                    } else if current == 0x27, index + 1 < count, isLetter(bytes, index + 1),
                        !startsPossessive(bytes, index, apostropheLength: 1)
                    {
                        index += 1
                    } else if (current == 0x2D || current == 0x26), index + 1 < count, isAlnum(bytes, index + 1),
                        index > start
                    {
                        index += 1  // inner hyphen or ampersand: R-MI, F-150, AT&T
                    } else if (current == 0x2E || current == 0x2C), !hasLetter, index + 1 < count,
                        bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39, index > start,
                        bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39
                    {
                        index += 1  // 3.5, 30,000
                    } else {
                        break
                    }
                }
                let kind: Token.Kind = hasLetter ? .word : .number
                tokens.append(
                    Token(
                        start: start, end: index, kind: kind, capitalized: hasLetter && isUpperAt(bytes, start),
                        allCaps: upper >= 2 && lower == 0, hasDigit: hasDigit, dotted: false))
                continue
            }
            if (byte == 0x27 || isRightSingleQuote(bytes, index)),
                startsPossessive(bytes, index, apostropheLength: length),
                index > 0, isAlnum(bytes, index - 1) || bytes[index - 1] >= 0x80
            {
                let end = index + length + 1
                tokens.append(
                    Token(
                        start: index, end: end, kind: .possessive, capitalized: false, allCaps: false, hasDigit: false,
                        dotted: false))
                index = end
                continue
            }
            tokens.append(
                Token(
                    start: index, end: min(index + length, count), kind: .punct, capitalized: false, allCaps: false,
                    hasDigit: false, dotted: false))
            index += length
        }
        return tokens
    }

    @inline(__always) package static func scalarLength(_ byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte >= 0xF0 { return 4 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC0 { return 2 }
        return 1
    }

    @inline(__always) package static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    @inline(__always) package static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    package static func isUpperAt(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] < 0x80 ? isUpper(bytes[index]) : isUpperScalar(bytes, index)
    }

    package static func isWordStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) { return true }
        return byte >= 0xC0 && !isPunctuationScalar(bytes, index)
    }

    package static func isLetter(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        return isASCIILetter(byte) || (byte >= 0xC0 && !isPunctuationScalar(bytes, index))
    }

    package static func isAlnum(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        return (byte >= 0x30 && byte <= 0x39) || isLetter(bytes, index)
    }

    /// `'s` or `’s` followed by a non-letter: a possessive (or "is" contraction), split from its word.
    package static func startsPossessive(_ bytes: [UInt8], _ index: Int, apostropheLength: Int) -> Bool {
        let s = index + apostropheLength
        guard s < bytes.count, bytes[s] == 0x73 || bytes[s] == 0x53 else { return false }
        return s + 1 >= bytes.count || !isLetter(bytes, s + 1)
    }

    package static func isRightSingleQuote(_ bytes: [UInt8], _ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }

    package static func scalar(_ bytes: [UInt8], _ index: Int) -> UInt32 {
        let byte = bytes[index]
        let length = scalarLength(byte)
        guard length > 1, index + length <= bytes.count else { return UInt32(byte) }
        var value: UInt32
        switch length {
        case 2: value = UInt32(byte & 0x1F)
        case 3: value = UInt32(byte & 0x0F)
        default: value = UInt32(byte & 0x07)
        }
        for offset in 1..<length { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// Punctuation and symbol blocks: Latin-1 symbols, general punctuation, currency, letterlike arrows …, CJK punctuation,
    /// and the replacement character.
    package static func isPunctuationScalar(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard bytes[index] >= 0xC0 else { return bytes[index] >= 0x80 }
        let value = scalar(bytes, index)
        switch value {
        case 0x00A0...0x00BF, 0x00D7, 0x00F7: return true
        case 0x2000...0x206F: return true
        case 0x20A0...0x20CF: return true
        case 0x2190...0x23FF, 0x2500...0x27BF: return true
        case 0x3000...0x303F, 0xFF01...0xFF0F: return true
        case 0xFFFD: return true
        case 0x1F000...0x1FAFF: return true  // emoji
        default: return false
        }
    }

    package static func isUpperScalar(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard let scalar = Unicode.Scalar(scalar(bytes, index)) else { return false }
        return scalar.properties.isUppercase
    }
}
