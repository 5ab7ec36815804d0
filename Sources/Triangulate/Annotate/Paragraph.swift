import TriangulateText
/// One paragraph prepared for annotation: its bytes, tokens, quote spans and sentence boundaries.
struct Paragraph {
    let index: Int
    let bytes: [UInt8]
    let tokens: [Token]
    /// Quote spans, as token index ranges of the quoted words (marks excluded), in order.
    var quotes: [QuoteSpan] = [] {
        didSet { quoteOfToken = Self.quoteIndex(quotes, tokenCount: tokens.count) }
    }
    /// Per token, the first quote holding it (-1 for none): `quote(containing:)` in constant time, for loops over
    /// every token of paragraphs with thousands of quotes.
    private var quoteOfToken: [Int32] = []
    /// Sentences as token index ranges.
    var sentences: [Range<Int>] = []
    /// A short line with no final punctuation, mostly in Title Case: a headline or section heading.
    var isHeading = false

    init(index: Int, text: String) {
        self.index = index
        self.bytes = Array(text.utf8)
        self.tokens = Tokenizer.tokenize(bytes)
    }

    @inline(__always) func text(_ token: Int) -> String {
        String(decoding: bytes[tokens[token].start..<tokens[token].end], as: UTF8.self)
    }

    /// ASCII-lowercased text of a token.
    func lower(_ token: Int) -> String {
        let range = tokens[token].start..<tokens[token].end
        // No intermediate array per call (a hot path of every rule): decoded once (repairing invalid UTF-8), then
        // lowered in place of a second string only when an ASCII capital is present.
        let valid = String(decoding: bytes[range], as: UTF8.self)
        guard valid.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return valid }
        return String(unsafeUninitializedCapacity: valid.utf8.count) { buffer in
            var count = 0
            for byte in valid.utf8 {
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                count += 1
            }
            return count
        }
    }

    /// The source text from the start of token `from` to the end of token `to` (inclusive), verbatim.
    func text(from: Int, through to: Int) -> String {
        guard from <= to, from >= 0, to < tokens.count else { return "" }
        return String(decoding: bytes[tokens[from].start..<tokens[to].end], as: UTF8.self)
    }

    func text(bytes range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Token is one punctuation character equal to `ascii`.
    @inline(__always) func isPunct(_ token: Int, _ ascii: UInt8) -> Bool {
        guard token >= 0, token < tokens.count else { return false }
        let t = tokens[token]
        return t.kind == .punct && t.end - t.start == 1 && bytes[t.start] == ascii
    }

    /// Scalar value of a punctuation token (0 for words).
    func punctScalar(_ token: Int) -> UInt32 {
        guard token >= 0, token < tokens.count, tokens[token].kind == .punct else { return 0 }
        return Tokenizer.scalar(bytes, tokens[token].start)
    }

    func isWord(_ token: Int) -> Bool { token >= 0 && token < tokens.count && tokens[token].kind == .word }

    /// An age written as one adjective ("29-year-old") starts at `token`: "said the 29-year-old".
    func ageAdjective(at token: Int) -> Bool {
        guard token >= 0, token < tokens.count else { return false }
        let text = self.text(from: token, through: min(tokens.count - 1, token + 4)).lowercased()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return (1...3).contains(digits.count) && text.dropFirst(digits.count).hasPrefix(Self.ageSuffix)
    }

    /// An age written as one adjective ends right before `token`: "25-year-old Zelda".
    func ageAdjective(before token: Int) -> Bool {
        guard token >= 1, token <= tokens.count else { return false }
        let text = self.text(from: max(0, token - 5), through: token - 1).lowercased()
        guard text.hasSuffix(Self.ageSuffix) else { return false }
        return text.dropLast(Self.ageSuffix.count).last.map { $0.isASCII && $0.isNumber } ?? false
    }

    static let ageSuffix = "-year-old"

    /// An age set off by commas at `token` (", 18,"; ", 35, a ferry operator"): how news names a person. The
    /// number of tokens it spans (3), or 0.
    func ageApposition(at token: Int) -> Int {
        guard isPunct(token, 0x2C), token + 2 < tokens.count, tokens[token + 1].kind == .number,
            tokens[token + 1].end - tokens[token + 1].start <= 3, let age = Int(text(token + 1)),
            (1...119).contains(age),
            isPunct(token + 2, 0x2C)
        else { return 0 }
        return 3
    }

    func sentenceIndex(containing token: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= token {
                low = mid + 1
            } else if sentences[mid].lowerBound > token {
                high = mid - 1
            } else {
                return mid
            }
        }
        return nil
    }

    func sentenceText(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(from: range.lowerBound, through: range.upperBound - 1)
    }

    func quote(containing token: Int) -> Int? {
        guard token >= 0, token < quoteOfToken.count else { return nil }
        let quote = quoteOfToken[token]
        return quote < 0 ? nil : Int(quote)
    }

    private static func quoteIndex(_ quotes: [QuoteSpan], tokenCount: Int) -> [Int32] {
        guard !quotes.isEmpty else { return [] }
        var map = [Int32](repeating: -1, count: tokenCount)
        // With quotes in order of their opening mark, the tokens of a quote that earlier quotes hold are exactly a
        // prefix of it (up to the furthest close so far), so each token is written once: linear however the quotes
        // nest or run unclosed to the end.
        let ordered = zip(quotes, quotes.dropFirst()).allSatisfy { $0.open <= $1.open }
        var covered = 0
        for (number, quote) in quotes.enumerated() {
            let end = min(quote.close, tokenCount)
            var start = max(quote.open + 1, 0)
            if ordered { start = max(start, covered) }
            guard start < end else { continue }
            // Earlier quotes win (as a first-match scan would).
            for token in start..<end where map[token] < 0 { map[token] = Int32(truncatingIfNeeded: number) }
            covered = max(covered, end)
        }
        return map
    }
}

/// A quoted passage: token indices of the opening and closing marks (`close` may be `tokens.count` when the quote runs
/// to the end of the paragraph unclosed).
struct QuoteSpan: Hashable {
    var open: Int
    var close: Int
    /// Single quote marks (‘…’ or '…').
    var single: Bool
    var inner: Range<Int> { (open + 1)..<close }
}
