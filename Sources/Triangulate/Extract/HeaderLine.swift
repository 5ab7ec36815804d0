import TriangulateText
/// Metadata lines found at the top of plain-text articles.
enum HeaderLine: Equatable {
    case outlet(String)
    case published(CalendarDate)
    case byline(name: String, role: String?)
    /// A byline naming only a desk or role ("Startups Reporter").
    case desk(String)

    static let deskWords: Set<String> = Lexicon.shared.words(.deskWords)
    static let dateKeys = ["published", "updated", "posted", "date", "last updated", "first published", "posted on"]
    static let outletKeys = ["outlet", "publication", "publisher", "site", "newspaper"]
    static let authorKeys = ["author", "authors", "byline", "written by", "words by"]

    static func parse(_ line: String) -> HeaderLine? {
        let words = line.split(separator: " ")
        guard !words.isEmpty, words.count <= 16 else { return nil }
        let lower = line.lowercased()

        if let (key, value) = keyValue(line), !value.isEmpty {
            if outletKeys.contains(key) { return .outlet(value) }
            if authorKeys.contains(key) { return byline(from: value) }
            if dateKeys.contains(key), let date = leadingDate(value) { return .published(date) }
        }
        // "Updated 4 March 2026", "Published March 4, 2026 10:30 a.m."
        for key in dateKeys where lower.hasPrefix(key + " ") {
            if let date = leadingDate(String(line.dropFirst(key.count + 1))) { return .published(date) }
        }
        if let date = leadingDate(line), words.count <= 9 { return .published(date) }
        if lower.hasPrefix("by ") || lower.hasPrefix("written by ") {
            let value = String(line.dropFirst(lower.hasPrefix("by ") ? 3 : 11))
            return byline(from: value)
        }
        if words.count <= 6, let last = words.last?.lowercased(), deskWords.contains(last),
            words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" || $0 == "and" })
        {
            return .desk(line)
        }
        return nil
    }

    /// "Key: value" where the key is one or two lowercase words.
    static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].lowercased().trimming(" ")
        guard !key.isEmpty, key.split(separator: " ").count <= 2 else { return nil }
        return (key, line[line.index(after: colon)...].trimming(" "))
    }

    /// A date at the start of `text`, complete with its year (a header date without a year is not a publication date).
    static func leadingDate(_ text: String) -> CalendarDate? {
        let trimmed = text.trimming(" :,-–—")
        guard let (date, _) = DateGrammar.parseLeadingDate(trimmed), date.isComplete else { return nil }
        return date
    }

    /// "Emily Carter | Business & Economy Reporter", "Emily Carter, Reuters", "Emily Carter and Ana Ruiz".
    static func byline(from value: String) -> HeaderLine? {
        let separators: [String] = [" | ", " – ", " — ", " - ", " · ", " • ", ", "]
        var name = value.trimming(" ")
        var role: String?
        for separator in separators {
            if let range = name.firstRange(of: separator) {
                role = String(name[range.upperBound...]).trimming(" ")
                name = String(name[..<range.lowerBound]).trimming(" ")
                break
            }
        }
        let nameWords = name.split(separator: " ")
        guard !nameWords.isEmpty, nameWords.count <= 10,
            nameWords.allSatisfy({ word in
                word.first?.isUppercase == true
                    || ["and", "&", "de", "van", "von", "der", "da", "di", "la", "le"].contains(word)
            })
        else { return nil }
        return .byline(name: name, role: role?.isEmpty == true ? nil : role)
    }
}
