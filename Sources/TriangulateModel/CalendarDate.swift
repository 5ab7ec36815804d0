/// A calendar date at day, month or year granularity, with the year possibly unknown
/// ("January 31" in an article with no publication date).
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int?, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// True when year, month and day are all known.
    public var isComplete: Bool { year != nil && month != nil && day != nil }

    /// ISO 8601 at the known granularity: `2026-01-31`, `2026-01`, `2026`, or `--01-31` when the year is unknown.
    public var iso: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch (year, month, day) {
        case let (year?, month?, day?): return "\(year)-\(two(month))-\(two(day))"
        case let (year?, month?, nil): return "\(year)-\(two(month))"
        case let (year?, nil, _): return "\(year)"
        case let (nil, month?, day?): return "--\(two(month))-\(two(day))"
        case let (nil, month?, nil): return "--\(two(month))"
        case (nil, nil, _): return ""
        }
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year ?? 0, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year ?? 0, rhs.month ?? 0, rhs.day ?? 0)
    }

    // MARK: Day arithmetic (proleptic Gregorian, no Foundation: deterministic and allocation-free)

    /// Days since 1970-01-01 for a complete date.
    public var dayNumber: Int? {
        guard let year, let month, let day else { return nil }
        return Self.daysFromCivil(year: year, month: month, day: day)
    }

    public init(dayNumber: Int) {
        let (year, month, day) = Self.civilFromDays(dayNumber)
        self.init(year: year, month: month, day: day)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int? {
        guard let number = dayNumber else { return nil }
        return ((number % 7) + 7 + 3) % 7
    }

    public func adding(days: Int) -> CalendarDate? {
        guard let number = dayNumber else { return nil }
        return CalendarDate(dayNumber: number + days)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// In JSON a date is its ISO form at the known granularity (`2026-01-31`, `2026-01`, `2026`, `--01-31`, `--01`).
extension CalendarDate {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = Self(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an ISO calendar date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Parses what `iso` prints; nil for anything else.
    public init?(iso text: String) {
        func number(_ part: Substring, digits: Int) -> Int? {
            guard part.count == digits, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        if text.hasPrefix("--") {
            let parts = text.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let month = number(parts[0], digits: 2), (1...12).contains(month)
            else { return nil }
            let day = parts.count == 2 ? number(parts[1], digits: 2) : nil
            if parts.count == 2 && day == nil { return nil }
            self.init(year: nil, month: month, day: day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let year = number(parts[0], digits: 4) else { return nil }
        let month = parts.count > 1 ? number(parts[1], digits: 2) : nil
        let day = parts.count > 2 ? number(parts[2], digits: 2) : nil
        if parts.count > 1 && month == nil || parts.count > 2 && day == nil { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !Self.isValid(year: year, month: month, day: day) { return nil }
        self.init(year: year, month: month, day: day)
    }
}
