import TriangulateModel
/// Month names and the absolute date forms shared by Extract (header date lines) and Annotate (dates in text).
public enum DateGrammar {
    /// Lowercased month names and abbreviations (with or without a trailing dot) → month number.
    public static let months: [String: Int] = {
        let names = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"],
            ["november", "nov"], ["december", "dec"],
        ]
        var table: [String: Int] = [:]
        for (index, forms) in names.enumerated() {
            for form in forms {
                table[form] = index + 1
                if form.count <= 4 && form != "may" && form != "june" && form != "july" {
                    table[form + "."] = index + 1
                }
            }
        }
        return table
    }()

    public static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    /// Years outside this window are not read as years.
    public static let plausibleYears = 1900...2100

    /// Parses a string that starts with an absolute date in one of the common news forms:
    /// "February 2, 2026", "Feb. 2, 2026", "2 February 2026", "Monday, February 2, 2026", "2026-02-02", "February 2".
    /// Returns the date and how many characters of `text` it used. Trailing text (a time, a time zone) is ignored.
    public static func parseLeadingDate(_ text: String) -> (date: CalendarDate, length: Int)? {
        let words = splitWords(text)
        guard !words.isEmpty else { return nil }
        var index = 0
        if weekdays[words[0].lower.trimmingSuffix(",")] != nil { index = 1 }
        guard index < words.count else { return nil }
        // ISO 2026-02-02 (optionally followed by T… time)
        if let iso = parseISO(words[index].raw) { return (iso, words[index].end) }
        // Month Day(, Year)
        if let month = months[words[index].lower.trimmingSuffix(",")], index + 1 < words.count,
            let day = dayNumber(words[index + 1].lower)
        {
            if index + 2 < words.count, let year = Int(words[index + 2].lower.trimmingSuffix(",").trimmingSuffix(".")),
                plausibleYears.contains(year), CalendarDate.isValid(year: year, month: month, day: day)
            {
                return (CalendarDate(year: year, month: month, day: day), words[index + 2].end)
            }
            guard CalendarDate.isValid(year: 2000, month: month, day: day) else { return nil }
            return (CalendarDate(year: nil, month: month, day: day), words[index + 1].end)
        }
        // Day Month(,) Year
        if let day = dayNumber(words[index].lower), index + 1 < words.count,
            let month = months[words[index + 1].lower.trimmingSuffix(",")]
        {
            if index + 2 < words.count, let year = Int(words[index + 2].lower.trimmingSuffix(",").trimmingSuffix(".")),
                plausibleYears.contains(year), CalendarDate.isValid(year: year, month: month, day: day)
            {
                return (CalendarDate(year: year, month: month, day: day), words[index + 2].end)
            }
            guard CalendarDate.isValid(year: 2000, month: month, day: day) else { return nil }
            return (CalendarDate(year: nil, month: month, day: day), words[index + 1].end)
        }
        return nil
    }

    /// "2026-02-02" or "2026-02-02T10:00:00Z".
    public static func parseISO(_ raw: String) -> CalendarDate? {
        let utf8 = Array(raw.utf8)
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            plausibleYears.contains(year), CalendarDate.isValid(year: year, month: month, day: day)
        else { return nil }
        if utf8.count > 10 && utf8[10] != UInt8(ascii: "T") && utf8[10] != UInt8(ascii: " ") { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// "2", "02", "2nd", "31st," → day number 1…31.
    public static func dayNumber(_ word: String) -> Int? {
        var digits = 0
        var value = 0
        var rest = Substring(word)
        // At most three digits are read: a longer run is not a day, and cannot overflow.
        while let first = rest.first, let digit = first.wholeNumberValue, first.isASCII, digits < 3 {
            value = value * 10 + digit
            digits += 1
            rest = rest.dropFirst()
        }
        if let first = rest.first, first.isASCII, first.isNumber { return nil }
        guard digits >= 1 && digits <= 2 && (1...31).contains(value) else { return nil }
        let suffix = rest.trimming(",.")
        return ["", "st", "nd", "rd", "th"].contains(suffix) ? value : nil
    }

    package struct Word {
        package var raw: String
        package var lower: String
        package var end: Int
    }

    private static func splitWords(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = ""
        var offset = 0
        for character in text {
            offset += 1
            if character == " " || character == "\u{00A0}" || character == "\t" {
                if !current.isEmpty { words.append(Word(raw: current, lower: current.lowercased(), end: offset - 1)) }
                current = ""
            } else {
                current.append(character)
            }
            if words.count > 6 { break }
        }
        if !current.isEmpty { words.append(Word(raw: current, lower: current.lowercased(), end: offset)) }
        return words
    }
}
