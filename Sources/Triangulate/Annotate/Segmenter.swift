import TriangulateText
/// Finds quote spans and sentence boundaries in a tokenized paragraph.
enum Segmenter {
    // MARK: Quotes

    static let leftDouble: UInt32 = 0x201C
    static let rightDouble: UInt32 = 0x201D
    static let leftSingle: UInt32 = 0x2018
    static let rightSingle: UInt32 = 0x2019

    static func findQuotes(_ paragraph: Paragraph) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var open: Int?
        let tokens = paragraph.tokens
        for index in tokens.indices where tokens[index].kind == .punct {
            let scalar = paragraph.punctScalar(index)
            switch scalar {
            case leftDouble:
                if open == nil, spans.isEmpty, closesEarlierQuote(index, in: paragraph),
                    !((index + 1)..<tokens.count).contains(where: {
                        tokens[$0].kind == .punct && paragraph.punctScalar($0) == rightDouble
                    })
                {
                    // `We are better than this, “said Ada.`: a closing mark typed the wrong way round, ending a quote
                    // an earlier paragraph opened (`He said, “We told them.”` still opens one: its close follows).
                    spans.append(QuoteSpan(open: -1, close: index, single: false))
                } else if open == nil {
                    open = index
                } else if let start = open,
                    closesAsTypo(index, in: paragraph) || endsWithAttribution(index, in: paragraph)
                {
                    // `“…, “said X`: a closing mark typed (or converted) the wrong way round.
                    spans.append(QuoteSpan(open: start, close: index, single: false))
                    open = nil
                }
            case rightDouble:
                if let start = open {
                    spans.append(QuoteSpan(open: start, close: index, single: false))
                    open = nil
                } else if spans.isEmpty, index > 0 {
                    // A closing mark with no opening: the quote began in an earlier paragraph.
                    spans.append(QuoteSpan(open: -1, close: index, single: false))
                }
            case 0x22:  // straight double quote: opens after a space, a bracket or a dash; closes otherwise
                if let start = open {
                    spans.append(QuoteSpan(open: start, close: index, single: false))
                    open = nil
                } else if spans.isEmpty, index > 0, index == tokens.count - 1 {
                    // `I can't wait to get started. "`: a mark ending the paragraph opens nothing; it closes the
                    // quote an earlier paragraph opened.
                    spans.append(QuoteSpan(open: -1, close: index, single: false))
                } else if spans.isEmpty, closesEarlierQuote(index, in: paragraph) {
                    // `…all I will say, "Varnell said.`, `…of South Sudan, "Deng, the governor, said.`: the quote
                    // began in an earlier paragraph (after a full stop, `. "We were promised…," Reyna said` opens one).
                    spans.append(QuoteSpan(open: -1, close: index, single: false))
                } else {
                    open = index
                }
            case 0x27 where isDoubledApostrophe(index, in: paragraph):
                // `''We wanted to finish it early.`: two apostrophes typed for an opening double mark.
                if open == nil { open = index + 1 }
            default: break
            }
        }
        if let start = open, start + 1 < tokens.count {
            spans.append(
                QuoteSpan(open: start, close: missingClose(after: start, in: paragraph) ?? tokens.count, single: false))
        }
        spans.removeAll { $0.inner.isEmpty }
        spans.append(contentsOf: findSingleQuotes(paragraph, outside: spans))
        spans.sort { $0.open < $1.open }
        return spans
    }

    /// A quotation over several paragraphs: the first opens a quote it does not close, the last closes one it did not
    /// open, and the paragraphs between, which carry no marks, are quoted words too (the convention repeats no mark
    /// for them). Up to `maximumBridged` paragraphs are bridged: a quotation told one sentence per paragraph runs to
    /// ten (measured on the odd speaker sets: 3 → 10 located 13 more gold quotes, 9 more right, none lost).
    static let maximumBridged = 10
    static func bridgeQuotes(_ paragraphs: inout [Paragraph]) {
        var index = 0
        while index < paragraphs.count {
            defer { index += 1 }
            guard let last = paragraphs[index].quotes.last, last.open >= 0,
                last.close >= paragraphs[index].tokens.count
            else { continue }
            var next = index + 1
            while next < min(paragraphs.count, index + maximumBridged + 2), paragraphs[next].quotes.isEmpty,
                !paragraphs[next].tokens.isEmpty
            {
                next += 1
            }
            guard next > index + 1, next < paragraphs.count, next <= index + maximumBridged + 1,
                paragraphs[next].quotes.first?.open == -1
            else { continue }
            for middle in (index + 1)..<next {
                paragraphs[middle].quotes = [
                    QuoteSpan(open: -1, close: paragraphs[middle].tokens.count, single: false)
                ]
                paragraphs[middle].sentences = findSentences(paragraphs[middle])
            }
            index = next - 1
        }
    }

    /// Two adjacent apostrophes opening a word at the start of a paragraph or after a space: a double mark typed with
    /// two single ones (the span opens at the second).
    static func isDoubledApostrophe(_ index: Int, in paragraph: Paragraph) -> Bool {
        let tokens = paragraph.tokens
        guard index + 2 < tokens.count, paragraph.isPunct(index + 1, 0x27),
            tokens[index + 1].start == tokens[index].end, tokens[index + 2].start == tokens[index + 1].end,
            tokens[index + 2].kind == .word || tokens[index + 2].kind == .number
        else { return false }
        let start = tokens[index].start
        return start == 0 || paragraph.bytes[start - 1] == 0x20
    }

    /// A mark, not after a full stop, that ends a clause and is followed by an attribution (`, "said X.`,
    /// `, "Deng, the governor, said.`): it closes a quote an earlier paragraph opened.
    /// After a subject and its reporting verb (`Quist said,`, `he said,`) the mark opens the quote it introduces
    /// (`all I will say, "Varnell said.` still closes one).
    static func closesEarlierQuote(_ index: Int, in paragraph: Paragraph) -> Bool {
        guard index > 0, !paragraph.isPunct(index - 1, 0x2E) else { return false }
        let tokens = paragraph.tokens
        if index > 2, paragraph.isPunct(index - 1, 0x2C), tokens[index - 2].kind == .word,
            Lexicon.shared.speechVerbs.contains(paragraph.lower(index - 2)), tokens[index - 3].kind == .word,
            tokens[index - 3].capitalized || ["he", "she", "they"].contains(paragraph.lower(index - 3))
        {
            return false
        }
        return closesAsTypo(index, in: paragraph, within: 3) || endsWithAttribution(index, in: paragraph)
    }

    /// An opening mark inside an open quote that ends a clause (after `,` `.` `?` `!`) and is followed, within four
    /// words, by a reporting verb (`“said X`, `“he said`, `“Meyer says`): it closes the quote.
    static func closesAsTypo(_ index: Int, in paragraph: Paragraph, within words: Int = 4) -> Bool {
        guard index > 0, [0x2C, 0x2E, 0x3F, 0x21].contains(where: { paragraph.isPunct(index - 1, $0) }) else {
            return false
        }
        var cursor = index + 1
        while cursor < min(paragraph.tokens.count, index + 1 + words), paragraph.tokens[cursor].kind == .word {
            if Lexicon.shared.speechVerbs.contains(paragraph.lower(cursor)) { return true }
            cursor += 1
        }
        return false
    }

    /// A mark after a comma or end mark followed by nothing but an attribution to the paragraph's end: up to eight
    /// words and commas, a reporting verb, at most five more words, then the last full stop (`, "Deng, the governor,
    /// said.`, `, "one woman in the town told reporters.`). A mark opening a quote is followed by the quote's words.
    static func endsWithAttribution(_ index: Int, in paragraph: Paragraph) -> Bool {
        guard index > 0, [0x2C, 0x3F, 0x21].contains(where: { paragraph.isPunct(index - 1, $0) }) else { return false }
        return attributionTail(after: index, in: paragraph, words: 8)
    }

    /// `“It is important to patch now, Ada Ruiz, head of research at Tarn Labs, says.`: a quote whose closing mark
    /// was left out, ended by an attribution in its last sentence. The comma before the name, where the quote closes.
    static func missingClose(after open: Int, in paragraph: Paragraph) -> Int? {
        let tokens = paragraph.tokens
        var comma = tokens.count - 2
        while comma > open + 1 {
            if paragraph.isPunct(comma, 0x2E) || paragraph.isPunct(comma, 0x3F) || paragraph.isPunct(comma, 0x21) {
                return nil
            }
            if paragraph.isPunct(comma, 0x2C), tokens[comma + 1].kind == .word, tokens[comma + 1].capitalized,
                attributionTail(after: comma, in: paragraph, words: 14)
            {
                return comma
            }
            comma -= 1
        }
        return nil
    }

    /// Up to `words` words and commas after `index`, a reporting verb, at most five more words, then the paragraph's
    /// end or its last token, a full stop.
    private static func attributionTail(after index: Int, in paragraph: Paragraph, words limit: Int) -> Bool {
        let tokens = paragraph.tokens
        var cursor = index + 1
        var words = 0
        var verb: Int?
        while cursor < tokens.count, words <= limit {
            switch tokens[cursor].kind {
            case .word where Lexicon.shared.speechVerbs.contains(paragraph.lower(cursor)): verb = cursor
            case .word, .number: words += 1
            case .possessive: break
            default: if !paragraph.isPunct(cursor, 0x2C) { return false }
            }
            if verb != nil { break }
            cursor += 1
        }
        guard let verb, words > 0 else { return false }
        var end = verb + 1
        while end < tokens.count, tokens[end].kind != .punct, end - verb <= 5 { end += 1 }
        if end == tokens.count { return true }
        return paragraph.isPunct(end, 0x2E) && end == tokens.count - 1
    }

    /// ‘…’ and '…' around at most 12 words, opening after a space, closing before a non-letter; never inside a
    /// double-quoted span (a quote within a quote is part of the outer quote).
    static func findSingleQuotes(_ paragraph: Paragraph, outside doubles: [QuoteSpan]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        let tokens = paragraph.tokens
        let bytes = paragraph.bytes
        var index = 0
        while index < tokens.count {
            let scalar = paragraph.punctScalar(index)
            guard scalar == leftSingle || scalar == 0x27,
                doubles.allSatisfy({ !($0.open < index && index < $0.close) }),
                index + 1 < tokens.count, tokens[index + 1].kind == .word || tokens[index + 1].kind == .number,
                tokens[index].start == 0 || [0x20, 0x28, 0x5B].contains(bytes[tokens[index].start - 1])
            else {
                index += 1
                continue
            }
            var close: Int?
            var words = 0
            var cursor = index + 1
            while cursor < tokens.count, words <= 12 {
                let candidate = paragraph.punctScalar(cursor)
                if candidate == rightSingle || candidate == 0x27 {
                    let after = tokens[cursor].end
                    if after >= bytes.count || !Tokenizer.isLetter(bytes, after) {
                        close = cursor
                        break
                    }
                }
                if candidate == leftDouble || candidate == rightDouble || candidate == 0x22 { break }
                if tokens[cursor].kind == .word { words += 1 }
                cursor += 1
            }
            if let close, close > index + 1 {
                spans.append(QuoteSpan(open: index, close: close, single: true))
                index = close + 1
            } else {
                index += 1
            }
        }
        return spans
    }

    // MARK: Sentences

    /// Abbreviations that never end a sentence.
    static let neverFinal: Set<String> = Lexicon.shared.words(.neverFinal)
    /// Abbreviations that end a sentence only when a typical sentence opener follows.
    static let maybeFinal: Set<String> = Lexicon.shared.words(.maybeFinal)
    static let sentenceOpeners: Set<String> = Lexicon.shared.words(.sentenceOpeners)

    /// Longest quoted passage (in bytes) kept inside one sentence even when it holds sentence punctuation.
    static let maxUnsplitQuoteBytes = 300

    static func findSentences(_ paragraph: Paragraph) -> [Range<Int>] {
        let tokens = paragraph.tokens
        guard !tokens.isEmpty else { return [] }
        let protected = paragraph.quotes.filter { span in
            guard span.open >= 0, span.close < tokens.count else { return false }
            return tokens[span.close].start - tokens[span.open].end <= maxUnsplitQuoteBytes
        }
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            // Inside a short quote no sentence ends, unless the quote's closing mark ends it too ("… “false.” Next").
            if let end = boundary(after: index, in: paragraph),
                !protected.contains(where: { $0.open < index && index < $0.close && end <= $0.close })
            {
                sentences.append(start..<end)
                start = end
                index = end
                continue
            }
            index += 1
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }

    /// If a sentence ends at token `index`, the token index where the next sentence starts.
    static func boundary(after index: Int, in paragraph: Paragraph) -> Int? {
        let tokens = paragraph.tokens
        let token = tokens[index]
        var terminal = false
        var dottedWord = false
        if token.kind == .punct {
            let scalar = paragraph.punctScalar(index)
            terminal = scalar == 0x2E || scalar == 0x21 || scalar == 0x3F || scalar == 0x2026
        } else if token.kind == .word, token.dotted {
            terminal = true
            dottedWord = true
        }
        guard terminal else { return nil }
        // Absorb further terminal marks and closing quotes/brackets.
        var end = index + 1
        while end < tokens.count, tokens[end].kind == .punct, tokens[end].start == tokens[end - 1].end {
            let scalar = paragraph.punctScalar(end)
            let closing: Set<UInt32> = [0x2E, 0x21, 0x3F, 0x2026, 0x22, 0x27, rightDouble, rightSingle, 0x29, 0x5D]
            guard closing.contains(scalar) else { break }
            end += 1
        }
        guard end < tokens.count else { return nil }  // the paragraph's end closes the last sentence anyway
        let next = tokens[end]
        // The next sentence must start with a capital, a digit or an opening mark, after a space.
        guard next.start > tokens[end - 1].end else { return nil }
        let opensSentence =
            next.capitalized || next.kind == .number
            || (next.kind == .punct
                && [0x22, 0x27, leftDouble, leftSingle, 0x28, 0x2014].contains(paragraph.punctScalar(end)))
        guard opensSentence else { return nil }
        let nextLower = paragraph.lower(end)
        if dottedWord {
            return sentenceOpeners.contains(nextLower) ? end : nil
        }
        if paragraph.punctScalar(index) == 0x2E, index > 0, tokens[index - 1].end == token.start {
            let previous = index - 1
            let word = paragraph.lower(previous)
            if tokens[previous].kind == .word {
                if neverFinal.contains(word) { return nil }
                if word == "no", next.kind == .number { return nil }  // "No. 3"
                if maybeFinal.contains(word) { return sentenceOpeners.contains(nextLower) ? end : nil }
                // An initial: one capital letter ("John F. Kennedy", "J. R. Hollis").
                if tokens[previous].end - tokens[previous].start == 1, tokens[previous].capitalized { return nil }
            }
        }
        return end
    }
}
