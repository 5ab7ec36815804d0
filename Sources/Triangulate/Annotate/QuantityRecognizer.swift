import TriangulateText
/// Money, percentages and counts with their values: "$3.5 billion" → 3.5e9 USD, "100%" → 100 percent,
/// "four people" → 4 people.
struct QuantityRecognizer {
    let lexicon: Lexicon

    /// Currency signs ("$"), the letters before a dollar sign ("US$", "C$") and currency words, from the gazetteer.
    static let currencySymbols = Lexicon.shared.currencies["symbols"] ?? [:]
    static let currencyPrefixes = Lexicon.shared.currencies["prefixes"] ?? [:]
    static let currencyWords = Lexicon.shared.currencies["words"] ?? [:]
    static let scales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
        "b": 1e9, "tn": 1e12, "mln": 1e6, "bln": 1e9,
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let qualifiers: Set<String> = Lexicon.shared.words(.qualifiers)
    /// Words after a number that do not make it a count of things.
    static let nonCountNouns: Set<String> = Lexicon.shared.words(.nonCountNouns)
    static let irregularPlurals: Set<String> = Lexicon.shared.words(.irregularPlurals)
    /// States that stand for the people in them after a number ("30 dead", "55 wounded").
    static let casualtyNouns: Set<String> = Lexicon.shared.words(.casualtyNouns)
    static let scaleNouns: Set<String> = Lexicon.shared.words(.scaleNouns)
    /// "others", "more": the same thing as the figure before.
    static let otherNouns: Set<String> = Lexicon.shared.words(.otherNouns)
    /// "12 of their 15 games": the determiners between a part and its whole.
    static let partDeterminers: Set<String> = Lexicon.shared.words(.partDeterminers)

    func recognize(_ paragraph: Paragraph, sentence: Range<Int>, sentenceText: String, into out: inout [Quantity]) {
        var index = sentence.lowerBound
        let first = out.count
        while index < sentence.upperBound {
            if var (quantity, next) = quantity(at: index, paragraph, sentence, sentenceText) {
                if quantity.kind == .count {
                    // "30 dead and 55 wounded": people, counted by their state; "55 others": what the figure
                    // before counted.
                    if Self.casualtyNouns.contains(quantity.unit) {
                        quantity.unit = Quantity.peopleUnit
                    } else if Self.otherNouns.contains(quantity.unit),
                        let before = out[first...].last(where: { $0.kind == .count })
                    {
                        quantity.unit = before.unit
                    }
                }
                out.append(quantity)
                index = next
            } else if let (part, whole, next) = partOfWhole(at: index, paragraph, sentence, sentenceText) {
                out += [part, whole]
                index = next
            } else {
                index += 1
            }
        }
    }

    /// "178 of 369 punches", "12 of their 15 games": the first number counts what the second does (a part of the
    /// whole), so "landed 178 punches" elsewhere agrees with it.
    private func partOfWhole(
        at index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ sentenceText: String
    ) -> (Quantity, Quantity, Int)? {
        guard index + 2 < sentence.upperBound, let part = numberValue(paragraph, index), !isClockPart(index, paragraph),
            paragraph.tokens[index + 1].kind == .word, paragraph.lower(index + 1) == "of"
        else { return nil }
        var start = index + 2
        if paragraph.tokens[start].kind == .word, Self.partDeterminers.contains(paragraph.lower(start)) { start += 1 }
        guard start < sentence.upperBound, paragraph.tokens[start].kind == .number,
            let (whole, next) = quantity(at: start, paragraph, sentence, sentenceText), whole.kind == .count,
            whole.upper == nil, part <= whole.value
        else { return nil }
        return (make(paragraph, index, index, part, whole.unit, .count, sentence, sentenceText), whole, next)
    }

    private func numberValue(_ paragraph: Paragraph, _ index: Int) -> Double? {
        let token = paragraph.tokens[index]
        if token.kind == .number {
            var digits = ""
            for byte in paragraph.bytes[token.start..<token.end] where byte != 0x2C {
                digits.unicodeScalars.append(Unicode.Scalar(byte))
            }
            return Double(digits)
        }
        return nil
    }

    /// A number joined by a colon to another ("7:41 left", "at 2:53", "a 3:1 ratio"): a clock time or a ratio, not a
    /// count of what follows it.
    private func isClockPart(_ index: Int, _ paragraph: Paragraph) -> Bool {
        let tokens = paragraph.tokens
        guard tokens[index].kind == .number else { return false }
        func joined(_ left: Int, _ right: Int) -> Bool {
            left >= 0 && right < tokens.count && tokens[left].end == tokens[right].start
        }
        let before =
            index >= 2 && paragraph.isPunct(index - 1, 0x3A) && tokens[index - 2].kind == .number
            && joined(index - 2, index - 1) && joined(index - 1, index)
        let after =
            index + 2 < tokens.count && paragraph.isPunct(index + 1, 0x3A) && tokens[index + 2].kind == .number
            && joined(index, index + 1) && joined(index + 1, index + 2)
        return before || after
    }

    private func quantity(
        at index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ sentenceText: String
    )
        -> (Quantity, Int)?
    {
        let end = sentence.upperBound
        // Money with a leading symbol: "$3.5 billion", "US$ 40", "€120 million".
        if paragraph.tokens[index].kind == .punct, let code = Self.currencySymbols[paragraph.text(index)] {
            return symbolMoney(at: index, code: code, paragraph, sentence, sentenceText)
        }
        if let pair = pairOfNumbers(at: index, paragraph, sentence, sentenceText) { return pair }
        if let joined = hyphenatedScale(at: index, paragraph, sentence) {
            return (
                make(paragraph, index, joined.through, joined.value, joined.noun, .count, sentence, sentenceText),
                joined.through + 1
            )
        }
        if isClockPart(index, paragraph) { return nil }
        guard let value = numberValue(paragraph, index) ?? wordNumber(paragraph, index, sentence) else { return nil }
        var last = index
        var amount = value
        if last + 1 < end, let scale = Self.scales[paragraph.lower(last + 1)], scale >= 1e3,
            paragraph.lower(last + 1).count > 2
        {
            amount *= scale
            last += 1
        }
        func found(_ through: Int, _ unit: String, _ kind: Quantity.Kind) -> (Quantity, Int) {
            (make(paragraph, index, through, amount, unit, kind, sentence, sentenceText), through + 1)
        }
        // Percent: "70%", "4.5 percent", "12 per cent".
        if last + 1 < end, paragraph.isPunct(last + 1, 0x25) { return found(last + 1, "percent", .percent) }
        if last + 1 < end, paragraph.lower(last + 1) == "percent" { return found(last + 1, "percent", .percent) }
        if last + 2 < end, paragraph.lower(last + 1) == "per", paragraph.lower(last + 2) == "cent" {
            return found(last + 2, "percent", .percent)
        }
        // Money with a trailing currency word: "40 million euros".
        if last + 1 < end, let code = Self.currencyWords[paragraph.lower(last + 1)] {
            return found(last + 1, code, .money)
        }
        if let scale = scale(around: index, last: last, paragraph, sentence) {
            return found(scale.through, scale.noun, .count)
        }
        // "two Israeli tank shells", "three Kenyan runners": a nationality between the number and the plural it counts
        // (not "two Americans", a plural nationality: `headNoun` starts past a plural).
        if last + 1 < end, paragraph.tokens[last + 1].kind == .word, paragraph.tokens[last + 1].capitalized,
            lexicon.demonyms[paragraph.lower(last + 1)] != nil,
            countsSomething(at: index, last: last, value: value, paragraph, sentence),
            let head = headNoun(after: last + 1, value: value, paragraph, sentence)
        {
            return found(head, paragraph.lower(head), .count)
        }
        guard let noun = countedNoun(at: index, last: last, value: value, paragraph, sentence) else { return nil }
        if let head = headNoun(after: last + 1, value: value, paragraph, sentence) {
            return found(head, paragraph.lower(head), .count)
        }
        return found(last + 1, noun, .count)
    }

    /// The scale a figure is read on: right after it ("7.6 magnitude", "7.6-magnitude"), right before it
    /// ("magnitude 7.6", "magnitude-7.6"), or after the second figure of a pair ("7.6 and 7.5 magnitude"). `through`
    /// is the last token of the quantity.
    private func scale(
        around index: Int, last: Int, _ paragraph: Paragraph, _ sentence: Range<Int>
    )
        -> (noun: String, through: Int)?
    {
        guard paragraph.tokens[index].kind == .number, last == index else { return nil }
        func scaleNoun(at position: Int) -> String? {
            guard position >= sentence.lowerBound, position < sentence.upperBound, paragraph.isWord(position) else {
                return nil
            }
            let word = paragraph.lower(position)
            return Self.scaleNouns.contains(word) ? word : nil
        }
        let hyphenAfter = index + 1 < sentence.upperBound && paragraph.isPunct(index + 1, 0x2D)
        if let noun = scaleNoun(at: index + (hyphenAfter ? 2 : 1)) { return (noun, index + (hyphenAfter ? 2 : 1)) }
        let hyphenBefore = index - 1 >= sentence.lowerBound && paragraph.isPunct(index - 1, 0x2D)
        if let noun = scaleNoun(at: index - (hyphenBefore ? 2 : 1)) { return (noun, index) }
        // "7.6 and 7.5 magnitude": the pair shares the scale named after the second.
        if index + 3 < sentence.upperBound, paragraph.isWord(index + 1),
            ["and", "or", "to"].contains(paragraph.lower(index + 1)), paragraph.tokens[index + 2].kind == .number
        {
            let hyphen = paragraph.isPunct(index + 3, 0x2D)
            if let noun = scaleNoun(at: index + (hyphen ? 4 : 3)) { return (noun, index) }
        }
        return nil
    }

    /// A figure and its scale written as one hyphenated word: "6.1-magnitude"; "magnitude-7.3", which the tokenizer
    /// leaves as "magnitude-7", ".", "3".
    private func hyphenatedScale(
        at index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>
    )
        -> (value: Double, noun: String, through: Int)?
    {
        let tokens = paragraph.tokens
        guard tokens[index].kind == .word, tokens[index].hasDigit else { return nil }
        let word = paragraph.lower(index)
        guard let hyphen = word.lastIndex(of: "-") else { return nil }
        let left = String(word[..<hyphen])
        let right = String(word[word.index(after: hyphen)...])
        if Self.scaleNouns.contains(right), let value = Double(left) { return (value, right, index) }
        guard Self.scaleNouns.contains(left), !right.isEmpty, right.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        // "magnitude-7" "." "3", written together: 7.3.
        if index + 2 < sentence.upperBound, paragraph.isPunct(index + 1, 0x2E), tokens[index + 2].kind == .number,
            tokens[index + 1].start == tokens[index].end, tokens[index + 2].start == tokens[index + 1].end,
            let value = Double(right + "." + paragraph.text(index + 2))
        {
            return (value, left, index + 2)
        }
        return Double(right).map { ($0, left, index) }
    }

    /// "$3.5 billion", "US$ 40": the sign at `index`, a number, an optional scale.
    private func symbolMoney(
        at index: Int, code: String, _ paragraph: Paragraph, _ sentence: Range<Int>, _ sentenceText: String
    ) -> (Quantity, Int)? {
        let tokens = paragraph.tokens
        let end = sentence.upperBound
        var currency = code
        var start = index
        if index > sentence.lowerBound, tokens[index - 1].end == tokens[index].start,
            tokens[index - 1].kind == .word,
            let prefixed = Self.currencyPrefixes[paragraph.lower(index - 1)], code == "USD"
        {
            currency = prefixed
            start = index - 1
        }
        guard index + 1 < end, let value = numberValue(paragraph, index + 1) else { return nil }
        var last = index + 1
        var amount = value
        if last + 1 < end, let scale = Self.scales[paragraph.lower(last + 1)] {
            amount *= scale
            last += 1
        }
        return (make(paragraph, start, last, amount, currency, .money, sentence, sentenceText), last + 1)
    }

    /// The noun a number at `index` (through `last`, its scale included) counts ("four people", "200 workers"), or
    /// nil when it counts nothing: a year, a number in a name ("Local 882"), a number before a function word.
    private func countedNoun(
        at index: Int, last: Int, value: Double, _ paragraph: Paragraph, _ sentence: Range<Int>
    ) -> String? {
        let tokens = paragraph.tokens
        let isDigits = tokens[index].kind == .number
        guard countsSomething(at: index, last: last, value: value, paragraph, sentence),
            last + 1 < sentence.upperBound, tokens[last + 1].kind == .word, !tokens[last + 1].capitalized || isDigits
        else { return nil }
        let noun = paragraph.lower(last + 1)
        guard !Self.nonCountNouns.contains(noun), DateGrammar.months[noun] == nil,
            !noun.hasSuffix("ly") || noun == "family"
        else { return nil }
        guard !tokens[last + 1].capitalized else { return nil }
        // "nine voting to convict", "three remaining": a participle, not a counted noun ("one building" is).
        if value != 1, noun.hasSuffix("ing"), !Self.casualtyNouns.contains(noun) { return nil }
        return noun
    }

    /// Whether the number at `index` (through `last`) can count something, whatever follows it: not a year, not the
    /// end of a range or date ("2008-09", "9/11"), not part of a name ("Local 882", "Resolution 2334").
    private func countsSomething(
        at index: Int, last: Int, value: Double, _ paragraph: Paragraph, _ sentence: Range<Int>
    ) -> Bool {
        let tokens = paragraph.tokens
        guard tokens[index].kind == .number else { return true }
        // A year is a date, not a count.
        if last == index, value >= 1900, value <= 2100, value == value.rounded(),
            tokens[index].end - tokens[index].start == 4
        {
            return false
        }
        if index > sentence.lowerBound, paragraph.isPunct(index - 1, 0x2D) || paragraph.isPunct(index - 1, 0x2F) {
            return false
        }
        return
            !(index - 1 > sentence.lowerBound && tokens[index - 1].kind == .word && tokens[index - 1].capitalized
            && !Self.qualifiers.contains(paragraph.lower(index - 1))
            && DateGrammar.months[paragraph.lower(index - 1)] == nil)
    }

    /// The plural noun a number counts past one or two lowercase modifiers ("seven young children", "three
    /// artillery shells", "four consecutive life sentences"), when the word right after the number is not itself a
    /// plural: the position of that noun, or nil.
    private func headNoun(after first: Int, value: Double, _ paragraph: Paragraph, _ sentence: Range<Int>) -> Int? {
        guard value != 1, !Self.isPlural(paragraph.lower(first)), Self.scales[paragraph.lower(first)] == nil else {
            return nil
        }
        let tokens = paragraph.tokens
        var position = first + 1
        while position < min(sentence.upperBound, first + 3) {
            let token = tokens[position]
            guard token.kind == .word, !token.capitalized, tokens[position - 1].end < token.start else { return nil }
            let word = paragraph.lower(position)
            guard !Self.nonCountNouns.contains(word), !Terms.stopWords.contains(word) else { return nil }
            if Self.isPlural(word) { return position }
            position += 1
        }
        return nil
    }

    /// A plural-looking noun: an irregular plural, or a word ending in a plural -s ("shells", "bodies"; not "-ss",
    /// "-us", "-is" or an adverb's "-ly").
    static func isPlural(_ word: String) -> Bool {
        if irregularPlurals.contains(word) { return true }
        guard word.count > 3, word.hasSuffix("s") else { return false }
        return !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && !word.hasSuffix("'s")
    }

    /// Two figures joined by a hyphen or en dash, no spaces: a range before a counted noun ("3-5 years"), else a
    /// vote tally or score ("a 348-77 vote", "passed 88-11", "won 20-13").
    private func pairOfNumbers(
        at index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ sentenceText: String
    ) -> (Quantity, Int)? {
        let tokens = paragraph.tokens
        guard let (low, high) = Self.figurePair(Array(paragraph.bytes[tokens[index].start..<tokens[index].end])) else {
            return nil
        }
        let after = index + 1
        if after < sentence.upperBound, tokens[after].kind == .word, !tokens[after].capitalized, low < high {
            let noun = paragraph.lower(after)
            if !Self.nonCountNouns.contains(noun), DateGrammar.months[noun] == nil {
                var range = make(paragraph, index, after, low, noun, .count, sentence, sentenceText)
                range.upper = high
                return (range, after + 1)
            }
        }
        // Years ("2019-2024") are not tallies.
        guard low < 1900 || low > 2100 else { return nil }
        var tally = make(paragraph, index, index, low, "tally", .count, sentence, sentenceText)
        tally.upper = high
        return (tally, index + 1)
    }

    /// "348-77" (one token: digits, a hyphen, digits) as its two figures; at most six digits each.
    static func figurePair(_ bytes: [UInt8]) -> (Double, Double)? {
        guard let dash = bytes.firstIndex(of: 0x2D), dash > 0, dash < bytes.count - 1, dash <= 6,
            bytes.count - dash - 1 <= 6
        else { return nil }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard bytes[..<dash].allSatisfy(isDigit), bytes[(dash + 1)...].allSatisfy(isDigit) else { return nil }
        let value = { (digits: ArraySlice<UInt8>) in digits.reduce(0.0) { $0 * 10 + Double($1 - 0x30) } }
        return (value(bytes[..<dash]), value(bytes[(dash + 1)...]))
    }

    /// Lowercase number words ("four", "twenty-five", "a dozen"); a capitalized one only at the start of a sentence.
    private func wordNumber(_ paragraph: Paragraph, _ index: Int, _ sentence: Range<Int>) -> Double? {
        let token = paragraph.tokens[index]
        guard token.kind == .word, !token.capitalized || index == sentence.lowerBound else { return nil }
        let lower = paragraph.lower(index)
        if let value = Self.numberWords[lower] { return value }
        // Called for every word: split only words that hold a hyphen ("twenty-five").
        guard paragraph.bytes[token.start..<token.end].contains(0x2D) else { return nil }
        let parts = lower.split(separator: "-")
        if parts.count == 2, let tens = Self.numberWords[String(parts[0])],
            let ones = Self.numberWords[String(parts[1])],
            tens >= 20, ones < 10
        {
            return tens + ones
        }
        return nil
    }

    private func make(
        _ paragraph: Paragraph, _ start: Int, _ last: Int, _ value: Double, _ unit: String, _ kind: Quantity.Kind,
        _ sentence: Range<Int>, _ sentenceText: String
    ) -> Quantity {
        var qualifier: String?
        let article = start > sentence.lowerBound ? paragraph.lower(start - 1) : ""
        let anchor = article == "a" || article == "an" ? start - 1 : start
        let before = max(sentence.lowerBound, anchor - 3)
        if before < anchor {
            for length in stride(from: min(3, anchor - before), through: 1, by: -1) {
                let phrase = (anchor - length..<anchor).map { paragraph.lower($0) }.joined(separator: " ")
                if Self.qualifiers.contains(phrase) {
                    qualifier = phrase
                    break
                }
            }
        }
        return Quantity(
            text: paragraph.text(from: start, through: last), value: value, unit: unit, kind: kind,
            qualifier: qualifier,
            sentence: sentenceText)
    }
}
