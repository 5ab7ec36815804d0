import TriangulateText
/// What happened on a weekday a claim names: the nearest verb of the day's own clause, as its predicate class or
/// stem. "identified him Tuesday" → "identifi"; "broke out early Tuesday" and "started shortly before midnight on
/// Monday" → "#start" (one happening, two days: a conflict); "continued for a second day on Wednesday" and
/// "identified him Tuesday" are two happenings of one story, not one day in dispute.
enum DayAnchor {
    static let irregularPast: Set<String> = Lexicon.shared.words(.irregularPastVerbs)
    static let speechVerbs = Lexicon.shared.speechVerbs
    static let clauseOpeners: Set<String> = Lexicon.shared.words(.dayClauseOpeners)
    /// Punctuation that ends a clause around the day (not the colon: "12:01 a.m. Monday").
    static let breaks: Set<Character> = [",", ";", "—", "–", "\"", "“", "”"]

    /// The anchor of the day written `phrase` in `text`, from verbs at most `window` words away (the left one first
    /// at equal distance), not past a clause break; nil when none is found.
    static func find(_ phrase: String, in text: String, stemmer: Stemmer, window: Int = 8) -> String? {
        switch sides(phrase, in: text, stemmer: stemmer, window: window, infinitives: true) {
        // A day mostly follows its verb ("started shortly before midnight on Monday inside a building stacked with…"):
        // a verb after it wins only when nearer by two.
        case (let l?, let r?): return l.distance <= r.distance + 1 ? l.anchor : r.anchor
        case (let l?, nil): return l.anchor
        case (nil, let r?): return r.anchor
        case (nil, nil): return nil
        }
    }

    /// The nearest verb on each side of the day (either may be a participle used as an adjective: "cited the
    /// warehouse on August 21 for blocked fire lanes"), for a test that accepts either.
    static func candidates(_ phrase: String, in text: String, stemmer: Stemmer, window: Int = 8) -> Set<String> {
        let (left, right) = sides(phrase, in: text, stemmer: stemmer, window: window)
        return Set([left?.anchor, right?.anchor].compactMap { $0 })
    }

    /// `infinitives`: an intent verb's infinitive names the happening ("expected to appear" → "appear"); calendar
    /// days keep the intent verb ("set to resume on January 14" and "set to return on January 15" are one session).
    private static func sides(
        _ phrase: String, in text: String, stemmer: Stemmer, window: Int, infinitives: Bool = false
    ) -> (left: (distance: Int, anchor: String)?, right: (distance: Int, anchor: String)?) {
        guard !phrase.isEmpty, let range = text.range(of: phrase) else { return (nil, nil) }
        let before = text[..<range.lowerBound]
        let after = text[range.upperBound...]
        let left = Terms.words(
            String(before[(before.lastIndex(where: breaks.contains).map(before.index(after:)) ?? before.startIndex)...])
        )
        let right = Terms.words(String(after[..<(after.firstIndex(where: breaks.contains) ?? after.endIndex)]))
        return (
            nearest(left, leftSide: true, stemmer: stemmer, window: window, infinitives: infinitives),
            nearest(right, leftSide: false, stemmer: stemmer, window: window, infinitives: infinitives)
        )
    }

    /// The verb nearest the day among `words` (one side of it in reading order) within `window`, before a clause
    /// opener that follows the day, with its distance.
    private static func nearest(
        _ words: [String], leftSide: Bool, stemmer: Stemmer, window: Int, infinitives: Bool
    ) -> (
        distance: Int, anchor: String
    )? {
        // Class phrases ("broke out") are found in reading order.
        let classAt = Predicates.analyze(words).classAt
        for distance in 0..<min(window, words.count) {
            let position = leftSide ? words.count - 1 - distance : distance
            let word = words[position]
            // After the day, a clause opener starts another clause ("walked out Monday after talks collapsed"). Before it,
            // the same words are mostly prepositions ("started shortly before midnight on Monday").
            if !leftSide, clauseOpeners.contains(word) { return nil }
            guard isVerb(word) else { continue }
            // A verb of saying dates the saying: marked, so that it never counts as the happening's name.
            if speechVerbs.contains(word) { return (distance, "~" + stemmer.stem(word)) }
            // "expected to appear in court Monday", "expected to face charges Friday": the infinitive happens.
            if infinitives, intentVerbs.contains(word), position + 2 < words.count, words[position + 1] == "to",
                !Terms.stopWords.contains(words[position + 2])
            {
                return (distance, stemmer.stem(words[position + 2]))
            }
            return (distance, classAt[position]?.rawValue ?? stemmer.stem(word))
        }
        return nil
    }

    static let intentVerbs: Set<String> = Lexicon.shared.words(.intentVerbs)

    /// Past forms: regular ("-ed", five letters or more) and the gazetteer's irregular ones.
    static func isVerb(_ word: String) -> Bool {
        irregularPast.contains(word) || (word.count >= 5 && word.hasSuffix("ed"))
    }
}
