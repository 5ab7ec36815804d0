import TriangulateText

// Who a pronoun, a noun phrase ("a company spokesperson", "the carmaker") or a position in the text stands for: the
// mentions of the article looked up for a quote's speaker.
extension QuoteAttributor {
    /// "he"/"she" → the latest person mentioned before; "it" → the latest organization.
    func pronounSpeaker(_ paragraph: Paragraph, _ index: Int) -> Speaker? {
        guard index >= 0, index < paragraph.tokens.count, paragraph.tokens[index].kind == .word else { return nil }
        let word = paragraph.lower(index)
        switch word {
        case "he", "she":
            return person(forPronoun: word, at: index, in: paragraph) ?? latest(.person, before: index, in: paragraph)
        case "it", "they": return latest(.organization, before: index, in: paragraph)
        case "the" where paragraph.ageAdjective(at: index + 1):
            // "said the 29-year-old": the person the article last named, as "he" or "she" would be.
            return person(forPronoun: word, at: index, in: paragraph)
        default: return nil
        }
    }

    /// "a company spokesperson", "a spokesperson for X", "the carmaker": an organization named in the phrase, else the
    /// latest organization whose name holds the phrase's noun ("police" → "New York Police Department"), else the
    /// latest organization mentioned before the quote.
    func nounPhraseSpeaker(_ paragraph: Paragraph, from: Int, to: Int, before: Int) -> Speaker? {
        guard from < to else { return nil }
        let words = (from..<to).filter { paragraph.tokens[$0].kind == .word }.map { paragraph.lower($0) }
        let heads = Set(words.filter(Self.subjectNouns.contains))
        guard !heads.isEmpty else { return nil }
        if let org = mentions(in: paragraph, from: from, to: to).first(where: { $0.kind == .organization }) {
            return Speaker(name: org.name, kind: .organization)
        }
        if let holding = latestOrganization(holding: heads, before: before, in: paragraph) { return holding }
        if let institution = words.first(where: Self.institutionNouns.contains) {
            return Speaker(name: institution.prefix(1).uppercased() + institution.dropFirst(), kind: .organization)
        }
        return latest(.organization, before: before, in: paragraph)
    }

    /// The latest organization mentioned before `index` whose name holds one of `heads`: in this paragraph, else in
    /// the nearest earlier paragraph that has one, found through `organizationsByWord` (a walk back through every
    /// paragraph made a long article's quotes cost quadratic time).
    func latestOrganization(holding heads: Set<String>, before index: Int, in paragraph: Paragraph) -> Speaker? {
        func holds(_ name: String) -> Bool {
            name.lowercased().split(separator: " ").contains { heads.contains(String($0)) }
        }
        if let found = mentions[paragraph.index].last(where: {
            $0.kind == .organization && $0.end <= index && paragraph.quote(containing: $0.start) == nil
                && holds($0.name)
        }) {
            return Speaker(name: found.name, kind: .organization)
        }
        var nearest = -1
        for head in heads {
            if let earlier = Self.lastBefore(paragraph.index, in: organizationsByWord[head] ?? []) {
                nearest = max(nearest, earlier)
            }
        }
        guard nearest >= 0, let found = mentions[nearest].last(where: { $0.kind == .organization && holds($0.name) })
        else { return nil }
        return Speaker(name: found.name, kind: .organization)
    }

    /// Paragraph indices (ascending, once each) of the organization mentions holding each lowercased name word.
    static func organizationIndex(_ mentions: [[Mention]]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (paragraph, list) in mentions.enumerated() {
            for mention in list where mention.kind == .organization {
                for word in mention.name.lowercased().split(separator: " ") {
                    let key = String(word)
                    if index[key]?.last != paragraph { index[key, default: []].append(paragraph) }
                }
            }
        }
        return index
    }

    /// The latest mention of `kind` before `index`: in this paragraph (outside quotes), else the last one of the
    /// nearest earlier paragraph that has one, found through `paragraphsByKind` (not a walk back through every
    /// paragraph, which an article without organizations would pay for each quote).
    /// Organizations: the nearest one that acts (a subject, not the object of a preposition: "While Acme claims it has
    /// seen attacks aimed at Sky Browser", "limited to users of Sky Browser"), up to three paragraphs back that name
    /// one; else the nearest one. People too with `preferActing` ("the 55-year-old said": the one the article has been
    /// about, not a title it mentioned in passing).
    func latest(
        _ kind: EntityKind, before index: Int, in paragraph: Paragraph, preferActing: Bool = false
    ) -> Speaker? {
        let here = mentions[paragraph.index].filter {
            $0.kind == kind && $0.end <= index && paragraph.quote(containing: $0.start) == nil
        }
        func speaker(_ mention: Mention?) -> Speaker? { mention.map { Speaker(name: $0.name, kind: kind) } }
        guard kind == .organization || preferActing else {
            if let last = here.last { return speaker(last) }
            guard let earlier = Self.lastBefore(paragraph.index, in: paragraphsByKind[kind] ?? []) else { return nil }
            return speaker(mentions[earlier].last { $0.kind == kind })
        }
        if let acting = here.last(where: { isSubjectLike($0, in: paragraph) }) { return speaker(acting) }
        var nearest = speaker(here.last)
        var cursor = paragraph.index
        for _ in 0..<3 {
            guard let earlier = Self.lastBefore(cursor, in: paragraphsByKind[kind] ?? []),
                let holder = self.paragraph(at: earlier)
            else { break }
            let found = mentions[earlier].filter { $0.kind == kind }
            if let acting = found.last(where: { isSubjectLike($0, in: holder) }) { return speaker(acting) }
            nearest = nearest ?? speaker(found.last)
            cursor = earlier
        }
        return nearest
    }

    /// The largest value of the ascending `list` below `limit`.
    static func lastBefore(_ limit: Int, in list: [Int]) -> Int? {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? list[low - 1] : nil
    }

    /// Paragraph indices (ascending, once each) holding a mention of each kind.
    static func paragraphIndex(_ mentions: [[Mention]]) -> [EntityKind: [Int]] {
        var index: [EntityKind: [Int]] = [:]
        for (paragraph, list) in mentions.enumerated() {
            for kind in Set(list.map(\.kind)) { index[kind, default: []].append(paragraph) }
        }
        return index
    }

    func mentions(in paragraph: Paragraph, from: Int, to: Int) -> [Mention] {
        mentions[paragraph.index].filter {
            $0.start >= from && $0.end <= to && paragraph.quote(containing: $0.start) == nil
        }
    }

    func mentionEnding(at index: Int, in paragraph: Paragraph) -> Mention? {
        mentions[paragraph.index].first {
            $0.end - 1 == index || ($0.end == index && paragraph.tokens[index].kind == .possessive)
        }
    }

    /// The last token before `verb` (not before `start`) past the adverbs and auxiliaries between a subject and its
    /// verb ("Acme has firmly denied"): where the subject ends; `start - 1` when nothing else is left.
    func subjectEnd(before verb: Int, in paragraph: Paragraph, from start: Int) -> Int {
        var end = verb - 1
        while end >= start, paragraph.tokens[end].kind == .word, Self.skippable.contains(paragraph.lower(end)) {
            end -= 1
        }
        // "Rosa Feld quietly answered": an adverb in -ly right after a name (not "the Feld family said").
        if end > start, isLyAdverb(end, in: paragraph), paragraph.tokens[end - 1].kind == .word,
            paragraph.tokens[end - 1].capitalized
        {
            end -= 1
        }
        return end
    }

    /// A lowercase word in -ly that is not one of the gazetteer's nouns in -ly (family, ally, assembly …).
    func isLyAdverb(_ index: Int, in paragraph: Paragraph) -> Bool {
        guard paragraph.tokens[index].kind == .word, !paragraph.tokens[index].capitalized else { return false }
        let word = paragraph.lower(index)
        return word.count > 3 && word.hasSuffix("ly") && !Self.lyNouns.contains(word)
    }

    /// `," said X` / `," said a spokesperson for X`: the speaker named after a verb right after the closing mark.
    func speakerAfterVerb(_ verb: Int, in paragraph: Paragraph, limit: Int, close: Int) -> Speaker? {
        if let named = nameAfterRole(in: paragraph, after: verb, limit: limit) { return named }
        let clauseEnd = (verb + 1..<limit).first { paragraph.isPunct($0, 0x2C) } ?? limit
        // "said Vell's rep": the person whose rep it is does not speak.
        let after = mentions(in: paragraph, from: verb + 1, to: min(clauseEnd, verb + 8)).filter {
            !speaksThroughOther($0, in: paragraph)
        }
        if let person = after.first(where: { $0.kind == .person }) { return Speaker(name: person.name, kind: .person) }
        let wider = mentions(in: paragraph, from: verb + 1, to: min(limit, verb + 8)).filter {
            !speaksThroughOther($0, in: paragraph)
        }
        if let first = wider.first(where: { $0.kind == .person || $0.kind == .organization }) {
            return Speaker(name: first.name, kind: first.kind)
        }
        if let first = after.first, first.start <= verb + 3, let named = unclassifiedSpeaker(first) { return named }
        if let pronoun = pronounSpeaker(paragraph, verb + 1) { return pronoun }
        if let holder = roleHolder(in: paragraph, from: verb + 1) { return holder }
        return nounPhraseSpeaker(paragraph, from: verb + 1, to: min(limit, verb + 6), before: close)
    }

    /// "Vell's rep", "Vell's longtime publicist": a person named in the possessive before a stand-in noun.
    func speaksThroughOther(_ mention: Mention, in paragraph: Paragraph) -> Bool {
        let tokens = paragraph.tokens
        guard mention.kind == .person, mention.end < tokens.count else { return false }
        return standInFollows(possessive: mention.end, in: paragraph, before: tokens.count)
    }

    /// The token at `possessive` is a possessive mark followed, within three tokens before `limit`, by a stand-in
    /// noun ("'s rep", "'s longtime publicist").
    func standInFollows(possessive: Int, in paragraph: Paragraph, before limit: Int) -> Bool {
        let tokens = paragraph.tokens
        guard possessive < tokens.count, tokens[possessive].kind == .possessive else { return false }
        return (possessive + 1..<min(limit, tokens.count, possessive + 4)).contains {
            tokens[$0].kind == .word && Self.standInNouns.contains(paragraph.lower($0))
        }
    }

    /// "…," one man told reporter Ada Quist / "…," a neighbor said: the quote's own clause names its speaker only by
    /// a noun phrase that opens with a determiner, a number or a possessive pronoun and that the article never ties
    /// to a name. That speaker is unnamed (an empty name, which the caller reports as none), not the person the
    /// sentence goes on to name. A pronoun behind adverbs ("she quietly said") is still resolved.
    func unnamedSubject(in paragraph: Paragraph, from: Int, to verb: Int) -> Speaker? {
        let words = (from..<verb).filter { index in
            paragraph.tokens[index].kind == .word && !Self.skippable.contains(paragraph.lower(index))
                && !isLyAdverb(index, in: paragraph)
        }
        if words.count == 1, let pronoun = pronounSpeaker(paragraph, words[0]) { return pronoun }
        // "the source said", "a senior White House source told": a speaker withheld on purpose.
        if let last = words.last, words.count <= 5, !paragraph.tokens[last].capitalized,
            Self.anonymousSources.contains(paragraph.lower(last))
        {
            return Speaker(name: "", kind: .person)
        }
        // "Vell's rep told the Star": someone speaking for the one named (recognized as a person or not).
        if (from..<verb).contains(where: { standInFollows(possessive: $0, in: paragraph, before: verb) }) {
            return Speaker(name: "", kind: .person)
        }
        guard let first = words.first, Self.unnamedOpeners.contains(paragraph.lower(first)),
            words.dropFirst().contains(where: {
                !paragraph.tokens[$0].capitalized && !Terms.stopWords.contains(paragraph.lower($0))
            })
        else { return nil }
        return Speaker(name: "", kind: .person)
    }
}
