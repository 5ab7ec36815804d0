import TriangulateText
/// Absolute dates ("February 2, 2026", "January 31", "January 2025", "2024") and relative ones ("Monday",
/// "last month", "this year", "over the weekend"), resolved against the publication date when there is one.
struct DateRecognizer {
    let published: CalendarDate?

    static let yearPrepositions: Set<String> = Lexicon.shared.words(.yearPrepositions)

    /// Words before a bare month name that make it a date ("in December", "last March").
    static let monthCues: Set<String> = Lexicon.shared.words(.monthCues)
    /// "last", "next", "this": part of the date they shift ("last Monday").
    static let shiftWords: Set<String> = Lexicon.shared.words(.shiftWords)
    /// "over", "at", "on", "during" the weekend.
    static let weekendPrepositions: Set<String> = Lexicon.shared.words(.weekendPrepositions)

    /// One sentence being read: where it ends and the text every mention in it carries.
    struct Span {
        let paragraph: Paragraph
        let sentence: Range<Int>
        let text: String
        var end: Int { sentence.upperBound }

        func year(at position: Int) -> Int? {
            let tokens = paragraph.tokens
            guard position < end, tokens[position].kind == .number, tokens[position].end - tokens[position].start == 4,
                let value = Int(paragraph.text(position)), DateGrammar.plausibleYears.contains(value)
            else { return nil }
            return value
        }

        func day(at position: Int) -> Int? {
            guard position < end, paragraph.tokens[position].kind == .number || paragraph.tokens[position].kind == .word
            else { return nil }
            return DateGrammar.dayNumber(paragraph.lower(position))
        }

        /// The lowercased word before `index` in the sentence, or "".
        func previous(_ index: Int) -> String { index > sentence.lowerBound ? paragraph.lower(index - 1) : "" }

        /// A mention of tokens `start...last`, and the index reading goes on from (the token after `last`).
        func found(
            _ start: Int, _ last: Int, _ value: CalendarDate?, _ granularity: DateMention.Granularity, relative: Bool
        ) -> (DateMention, Int) {
            let mention = DateMention(
                text: paragraph.text(from: start, through: last), value: value, granularity: granularity,
                relative: relative, sentence: text)
            return (mention, last + 1)
        }
    }

    func recognize(_ paragraph: Paragraph, sentence: Range<Int>, sentenceText: String, into out: inout [DateMention]) {
        let span = Span(paragraph: paragraph, sentence: sentence, text: sentenceText)
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            if let (mention, next) = date(at: index, span) {
                out.append(mention)
                index = next
            } else {
                index += 1
            }
        }
    }

    private func date(at index: Int, _ span: Span) -> (DateMention, Int)? {
        let paragraph = span.paragraph
        let token = paragraph.tokens[index]
        // ISO date token "2026-02-02".
        if token.kind == .word, token.hasDigit, let iso = DateGrammar.parseISO(paragraph.text(index)) {
            return span.found(index, index, iso, .day, relative: false)
        }
        if token.kind == .word, token.capitalized, let month = DateGrammar.months[paragraph.lower(index)] {
            return monthLed(at: index, month: month, span)
        }
        if let found = dayLed(at: index, span) { return found }
        // Weekdays: the most recent such day on or before publication ("on Monday").
        if token.capitalized, let weekday = DateGrammar.weekdays[paragraph.lower(index)] {
            let previous = span.previous(index)
            let start = Self.shiftWords.contains(previous) ? index - 1 : index
            return span.found(start, index, resolveWeekday(weekday, shift: previous), .day, relative: true)
        }
        if let found = relative(at: index, span) { return found }
        // A bare year after a preposition ("in 2024", "since 2019") or before a capitalized word ("its 2024 EV launch").
        if let value = span.year(at: index) {
            let previous = span.previous(index)
            let next = index + 1 < span.end ? paragraph.tokens[index + 1] : nil
            let nextIsNoun = next.map { $0.kind == .word && !$0.capitalized } ?? false
            if Self.yearPrepositions.contains(previous) || !nextIsNoun || previous.hasSuffix("'s") {
                return span.found(index, index, CalendarDate(year: value), .year, relative: false)
            }
        }
        return nil
    }

    /// "February 2, 2026", "Feb. 2", "January 2025", "in December".
    private func monthLed(at index: Int, month: Int, _ span: Span) -> (DateMention, Int)? {
        let paragraph = span.paragraph
        var cursor = index + 1
        if paragraph.isPunct(cursor, 0x2E), paragraph.lower(index).count <= 4 { cursor += 1 }  // "Feb."
        if let dayValue = span.day(at: cursor) {
            var last = cursor
            var yearValue: Int?
            var after = cursor + 1
            if paragraph.isPunct(after, 0x2C) { after += 1 }
            if let value = span.year(at: after) {
                yearValue = value
                last = after
            }
            guard CalendarDate.isValid(year: yearValue ?? 2000, month: month, day: dayValue) else { return nil }
            let resolved =
                yearValue.map { CalendarDate(year: $0, month: month, day: dayValue) }
                ?? inferYear(month: month, day: dayValue)
            return span.found(index, last, resolved, .day, relative: yearValue == nil)
        }
        if let value = span.year(at: cursor) {
            return span.found(index, cursor, CalendarDate(year: value, month: month), .month, relative: false)
        }
        // A bare month name needs a cue: "in December", "last March". "May" additionally needs one.
        let previous = span.previous(index)
        guard Self.monthCues.contains(previous) else { return nil }
        let start = Self.shiftWords.contains(previous) ? index - 1 : index
        return span.found(start, index, resolveMonth(month, shift: previous), .month, relative: true)
    }

    /// "2 February 2026", "31 January".
    private func dayLed(at index: Int, _ span: Span) -> (DateMention, Int)? {
        let (paragraph, tokens) = (span.paragraph, span.paragraph.tokens)
        // The month first: a capitalized next word is rare, and the day's spelled-out forms cost a lookup per word.
        guard tokens[index].kind == .number || tokens[index].kind == .word, index + 1 < span.end,
            tokens[index + 1].capitalized, let month = DateGrammar.months[paragraph.lower(index + 1)],
            let dayValue = DateGrammar.dayNumber(paragraph.lower(index))
        else { return nil }
        var last = index + 1
        var yearValue: Int?
        if let value = span.year(at: index + 2) {
            yearValue = value
            last = index + 2
        }
        guard CalendarDate.isValid(year: yearValue ?? 2000, month: month, day: dayValue) else { return nil }
        let resolved =
            yearValue.map { CalendarDate(year: $0, month: month, day: dayValue) }
            ?? inferYear(month: month, day: dayValue)
        return span.found(index, last, resolved, .day, relative: yearValue == nil)
    }

    /// "today", "yesterday", "last year", "next month", "this week", "over the weekend".
    private func relative(at index: Int, _ span: Span) -> (DateMention, Int)? {
        let paragraph = span.paragraph
        let lower = paragraph.lower(index)
        switch lower {
        case "today", "yesterday", "tomorrow", "tonight":
            let offset = lower == "yesterday" ? -1 : lower == "tomorrow" ? 1 : 0
            return span.found(index, index, published?.adding(days: offset), .day, relative: true)
        case "last", "this", "next", "past":
            guard index + 1 < span.end else { return nil }
            let shift = lower == "last" || lower == "past" ? -1 : lower == "next" ? 1 : 0
            switch paragraph.lower(index + 1) {
            case "year":
                let value = published?.year.map { CalendarDate(year: $0 + shift) }
                return span.found(index, index + 1, value, .year, relative: true)
            case "month": return span.found(index, index + 1, shiftMonth(shift), .month, relative: true)
            case "week": return span.found(index, index + 1, weekStart(shift), .week, relative: true)
            case "weekend":
                return span.found(index, index + 1, weekend(shift == 0 ? -1 : shift), .weekend, relative: true)
            default: return nil
            }
        case "weekend":
            // "over the weekend", "at the weekend": the latest weekend before publication.
            guard index >= 2, paragraph.lower(index - 1) == "the",
                Self.weekendPrepositions.contains(paragraph.lower(index - 2))
            else { return nil }
            return span.found(index - 2, index, weekend(-1), .weekend, relative: true)
        default: return nil
        }
    }

    /// A month and day without a year: the year that puts it nearest the publication date ("December 31" in a
    /// January article is the previous December; "on January 14" two days after publication is this January).
    private func inferYear(month: Int, day: Int) -> CalendarDate? {
        guard let published, let year = published.year, let anchor = published.dayNumber else {
            return CalendarDate(year: nil, month: month, day: day)
        }
        let candidates = [year - 1, year, year + 1].filter { CalendarDate.isValid(year: $0, month: month, day: day) }
        return candidates.map { CalendarDate(year: $0, month: month, day: day) }.min {
            abs(($0.dayNumber ?? 0) - anchor) < abs(($1.dayNumber ?? 0) - anchor)
        }
    }

    private func resolveMonth(_ month: Int, shift: String) -> CalendarDate? {
        guard let published, let year = published.year, let current = published.month else {
            return CalendarDate(year: nil, month: month)
        }
        switch shift {
        case "next": return CalendarDate(year: month > current ? year : year + 1, month: month)
        case "this": return CalendarDate(year: year, month: month)
        default: return CalendarDate(year: month <= current ? year : year - 1, month: month)
        }
    }

    private func resolveWeekday(_ weekday: Int, shift: String) -> CalendarDate? {
        guard let published, let today = published.weekday else { return nil }
        var back = (today - weekday + 7) % 7
        if shift == "next" {
            let forward = (weekday - today + 7) % 7
            return published.adding(days: forward == 0 ? 7 : forward)
        }
        if shift == "last" && back == 0 { back = 7 }
        return published.adding(days: -back)
    }

    private func shiftMonth(_ shift: Int) -> CalendarDate? {
        guard let published, let year = published.year, let month = published.month else { return nil }
        let index = year * 12 + (month - 1) + shift
        return CalendarDate(year: index / 12, month: index % 12 + 1)
    }

    private func weekStart(_ shift: Int) -> CalendarDate? {
        guard let published, let weekday = published.weekday else { return nil }
        return published.adding(days: -weekday + 7 * shift)
    }

    /// The Saturday of the latest weekend before publication (shift -1) or the next one (shift 1).
    private func weekend(_ shift: Int) -> CalendarDate? {
        guard let published, let weekday = published.weekday else { return nil }
        if shift > 0 { return published.adding(days: (5 - weekday + 7) % 7 == 0 ? 7 : (5 - weekday + 7) % 7) }
        let back = (weekday - 5 + 7) % 7
        return published.adding(days: -(back == 0 ? 7 : back))
    }
}
