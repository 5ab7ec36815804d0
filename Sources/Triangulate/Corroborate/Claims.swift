import TriangulateText
/// A clause of one article, with what it is about: the unit claims are aligned on.
struct Claim {
    var index: Int
    var article: String
    /// The sentence as the article wrote it (evidence).
    var sentence: String
    /// The clause inside the sentence.
    var text: String
    /// The paragraph of the article holding the sentence (nil for the headline).
    var paragraph: Int?
    var stems: Set<String>
    /// Stem → a word that produced it (for readable subjects).
    var words: [String: String]
    var classes: Set<Predicates.Class>
    /// Story name keys in order of appearance, with their word position in the clause.
    var names: [(key: String, at: Int)]
    /// Word position of each predicate class's first occurrence.
    var positions: [Predicates.Class: Int]
    var quantities: [Quantity]
    var dates: [DateMention]
    /// Mostly quoted speech: kept for facts, left out of conflicts (an expert's opinion is not a reported fact).
    var quoted: Bool
    /// The organization "the company" / "the firm" stands for: the latest one named earlier in the article.
    var impliedSubject: String?

    /// Sorted, for order-independent (and so deterministic) similarity sums.
    var sortedStems: [String] = []
    var sortedNames: [String] = []

    /// Names standing just before the predicate of `kind`: the clause's subjects ("Ford and Xiaomi denied …").
    func subjects(of kind: Predicates.Class, _ storyNames: StoryNames) -> [String] {
        guard let limit = positions[kind] else { return [] }
        let named = names.filter { $0.at < limit && $0.at >= limit - 8 }.map(\.key).filter { key in
            let kind = storyNames.name(key)?.kind
            return kind == .organization || kind == .person
        }
        if named.isEmpty, let impliedSubject, let at = genericSubjectAt, at < limit, at >= limit - 4 {
            return [impliedSubject]
        }
        return named
    }

    /// Who denies, confirms, scales back … in this clause, per predicate class.
    var actors: [Predicates.Class: Set<String>] = [:]

    /// Word position of "the company" (or firm, carmaker …) in the clause.
    var genericSubjectAt: Int?
}

enum ClaimExtractor {
    static let genericOrganizationNouns: Set<String> = Lexicon.shared.words(.genericOrganizationNouns)
    /// Clause breaks inside a sentence: "…, while BYD declined to comment", "…; the company …".
    static let clauseBreaks = ["; ", ", while ", ", but ", ", whereas ", " while "]
    static let clauseBreakBytes = clauseBreaks.map { Array($0.utf8) }

    /// The claims of an article: its headline and every sentence of at least `minimumWords` words (headlines one
    /// fewer) that ends like a sentence or is long, split into clauses.
    static func claims(
        of item: AnnotatedArticle, names: StoryNames, stemmer: Stemmer, startIndex: Int, minimumWords: Int = 5
    ) -> [Claim] {
        var claims: [Claim] = []
        var lastOrganization: String?
        let notes = item.annotations
        // Each sentence's numbers and dates, looked up by its text (a sentence printed twice holds them once).
        var quantitiesBySentence: [String: [Quantity]] = [:]
        for quantity in notes.quantities where !(quantitiesBySentence[quantity.sentence]?.contains(quantity) ?? false) {
            quantitiesBySentence[quantity.sentence, default: []].append(quantity)
        }
        var datesBySentence: [String: [DateMention]] = [:]
        for date in notes.dates where !(datesBySentence[date.sentence]?.contains(date) ?? false) {
            datesBySentence[date.sentence, default: []].append(date)
        }
        // The headline states the article's main claim; then every sentence of the body.
        let texts =
            (item.article.title.map { [($0, Int?.none)] } ?? [])
            + notes.sentences.map { ($0.text, Int?.some($0.paragraph)) }
        for (position, (text, paragraph)) in texts.enumerated() {
            let isTitle = position == 0 && item.article.title != nil
            // Headings and fragments are not claims.
            let wordCount = text.split(separator: " ").count
            guard wordCount >= (isTitle ? minimumWords - 1 : minimumWords), let last = text.last,
                isTitle || minimumWords < 5 || ".!?\"”’)".contains(last) || wordCount >= 12
            else { continue }
            let quantities = quantitiesBySentence[text] ?? []
            let dates = datesBySentence[text] ?? []
            for clause in split(text) {
                let clauseWords = Terms.words(clause)
                let analysis = Predicates.analyze(clauseWords)
                let classes = analysis.classes.subtracting(Predicates.datingClasses)
                var stems: Set<String> = []
                var originals: [String: String] = [:]
                // Digits other than years are left to the quantity features ("2,000" is not the words "2" and "000").
                for word in analysis.rest
                where !Terms.stopWords.contains(word) && word.count > 1
                    && (word.count == 4 || !word.allSatisfy(\.isNumber))
                {
                    let stem = stemmer.stem(word)
                    stems.insert(stem)
                    if originals[stem] == nil { originals[stem] = word }
                }
                let found = names.find(in: clauseWords)
                let clauseQuantities = quantities.filter { clause.includes($0.text) }
                let clauseDates = dates.filter { clause.includes($0.text) }
                var claim =
                    Claim(
                        index: startIndex + claims.count, article: item.article.id, sentence: text, text: clause,
                        paragraph: paragraph,
                        stems: stems, words: originals, classes: classes, names: found, positions: analysis.positions,
                        quantities: clauseQuantities, dates: clauseDates, quoted: unquotedWords(clause) < 5)
                claim.impliedSubject = lastOrganization
                claim.genericSubjectAt = (1..<max(1, clauseWords.count)).first { index in
                    clauseWords[index - 1] == "the" && Self.genericOrganizationNouns.contains(clauseWords[index])
                }
                if let organization = found.first(where: { names.name($0.key)?.kind == .organization }) {
                    lastOrganization = organization.key
                }
                for kind in classes.intersection(Predicates.statusClasses.union(Predicates.directionClasses)) {
                    let subjects = claim.subjects(of: kind, names)
                    if !subjects.isEmpty { claim.actors[kind] = Set(subjects) }
                }
                claim.sortedStems = stems.sorted()
                claim.sortedNames = Set(found.map(\.key)).sorted()
                claims.append(claim)
            }
        }
        return claims
    }

    static func split(_ sentence: String) -> [String] {
        var parts = [sentence]
        for (separator, needle) in zip(clauseBreaks, clauseBreakBytes) {
            parts = parts.flatMap { part -> [String] in
                guard part.containsBytes(needle), !insideQuote(part, separator)
                else {
                    return [part]
                }
                let pieces = part.splitting(on: separator)
                return pieces.count > 1 && pieces.allSatisfy({ $0.split(separator: " ").count >= 3 }) ? pieces : [part]
            }
        }
        return parts.map { $0.trimming(" ,;") }.filter { !$0.isEmpty }
    }

    /// True when every occurrence of `separator` sits inside quotation marks.
    static func insideQuote(_ text: String, _ separator: String) -> Bool {
        guard let range = text.firstRange(of: separator) else { return false }
        let before = text[..<range.lowerBound]
        let opens = before.filter { $0 == "“" }.count + before.filter { $0 == "\"" }.count % 2
        let closes = before.filter { $0 == "”" }.count
        return opens > closes
    }

    /// `phrase` first occurs inside quotation marks in `text`.
    static func isQuoted(_ phrase: String, in text: String) -> Bool {
        guard let range = text.firstRange(of: phrase) else { return false }
        var inside = false
        for character in text[..<range.lowerBound] {
            if character == "“" {
                inside = true
            } else if character == "”" {
                inside = false
            } else if character == "\"" {
                inside.toggle()
            }
        }
        return inside
    }

    /// Words of the clause outside quotation marks: under five, the clause is quoted speech with a short attribution.
    static func unquotedWords(_ text: String) -> Int {
        // No quotation mark (straight, or the curly ones' UTF-8 lead byte): every word is the outlet's.
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0xE2 }) { return Terms.words(text).count }
        var inside = false
        var outside = ""
        for character in text {
            if character == "“" || character == "”" || character == "\"" {
                inside = character == "“" ? true : character == "”" ? false : !inside
                outside.append(" ")
                continue
            }
            if !inside { outside.append(character) }
        }
        return Terms.words(outside).count
    }
}

extension String {
    /// `needle` occurs in `haystack` (plain byte comparison).
    static func containsBytes<Bytes: RandomAccessCollection<UInt8>>(_ haystack: Bytes, _ needle: [UInt8]) -> Bool
    where Bytes.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var k = 1
                while k < needle.count && haystack[index + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// `needle` occurs in the string's UTF-8 (no copy of a native string's bytes).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        utf8.withContiguousStorageIfAvailable { Self.containsBytes($0, needle) }
            ?? Self.containsBytes(Array(utf8), needle)
    }

    func splitting(on separator: String) -> [String] {
        // Most clauses hold no separator: a byte scan answers that quickly.
        guard containsBytes(Array(separator.utf8)) else { return [self] }
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
