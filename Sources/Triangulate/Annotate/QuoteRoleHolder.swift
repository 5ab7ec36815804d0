import TriangulateText

// "the judge said", "said the governor", "The coach had a message:": a definite role standing for the one person the
// article has named with that role or title before.
extension QuoteAttributor {
    /// The person a phrase "the ROLE" (at most two words between, "the veteran defense lawyer") starting at `from`
    /// stands for: the only person mentioned up to this paragraph whose role or title holds that word. With `to`, the
    /// phrase must fill `from..<to`; without, it is read from `from` up to the first word that is not part of it.
    func roleHolder(in paragraph: Paragraph, from: Int, to: Int? = nil) -> Speaker? {
        let tokens = paragraph.tokens
        guard from >= 0, from < tokens.count, tokens[from].kind == .word, paragraph.lower(from) == "the" else {
            return nil
        }
        var cursor = from + 1
        var role: [String]?
        let limit = min(to ?? tokens.count, from + 5)
        while cursor < limit, tokens[cursor].kind == .word {
            let word = paragraph.lower(cursor)
            // "the judge", and a title written as one ("the Secretary-General", "the Governor").
            if !tokens[cursor].capitalized {
                if lexicon.roleNouns.contains(word) { role = [word] }
            } else if lexicon.titles[word] != nil {
                role = word.split(whereSeparator: { !$0.isLetter }).map(String.init)
            } else {
                break
            }
            cursor += 1
            if role != nil, to == nil { break }
        }
        guard let role, !role.isEmpty, to.map({ cursor == $0 }) ?? true else { return nil }
        return holder(of: role, upTo: paragraph.index)
    }

    /// "…," the UNRWA official said: `from..<to` is "the", an organization's name and a role noun, and the article has
    /// named one person with a role at that organization ("John Ging, UNRWA's director of operations") whose role
    /// holds the noun, or any role for "official": that person. ("A UNRWA spokesman" is someone else: the organization.)
    func organizationRoleHolder(in paragraph: Paragraph, from: Int, to: Int) -> Speaker? {
        let tokens = paragraph.tokens
        guard from >= 0, to <= tokens.count, to - from >= 3, to - from <= 5, paragraph.lower(from) == "the",
            tokens[to - 1].kind == .word, !tokens[to - 1].capitalized,
            lexicon.roleNouns.contains(paragraph.lower(to - 1)),
            (from + 1..<to - 1).allSatisfy({ tokens[$0].kind == .word && tokens[$0].capitalized }),
            mentions(in: paragraph, from: from + 1, to: to - 1).contains(where: { $0.kind == .organization })
        else { return nil }
        let names = (from + 1..<to - 1).map { paragraph.lower($0) }
        let noun = paragraph.lower(to - 1)
        let found = holders(of: names).filter { person in
            noun == "official" || (person.role ?? "").lowercased().contains(noun)
        }
        let seen = Set(found.map(\.name).filter { (firstParagraph[$0] ?? Int.max) <= paragraph.index })
        guard seen.count == 1, let name = seen.first else { return nil }
        return Speaker(name: name, kind: .person)
    }

    /// "…," the evangelist said: a role no person of the article is given stands for the person whose quote comes
    /// right before, in this paragraph or the one before (news names a speaker first, then refers back by a role).
    /// `from..<to` must be "the" and one to three lowercase words ending in a role noun.
    func previousSpeaker(forRole paragraph: Paragraph, from: Int, to: Int) -> Speaker? {
        let tokens = paragraph.tokens
        guard from >= 0, to <= tokens.count, to - from >= 2, to - from <= 4, paragraph.lower(from) == "the",
            (from + 1..<to).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }),
            lexicon.roleNouns.contains(paragraph.lower(to - 1)), holders(of: [paragraph.lower(to - 1)]).isEmpty,
            let previous = turns.last, previous.paragraph >= paragraph.index - 1,
            let speaker = previous.speaker, speaker.kind == .person
        else { return nil }
        return speaker
    }

    /// The one person whose role or title holds the words of `role` in a row, mentioned in or before paragraph
    /// `index` and not named as dead ("killed Judge …"); of several, the one who alone among them has been quoted.
    func holder(of role: [String], upTo index: Int) -> Speaker? {
        let holders = holders(of: role)
        guard !holders.isEmpty, index >= 0, index < mentions.count else { return nil }
        let seen = Set(
            holders.map(\.name).filter { (firstParagraph[$0] ?? Int.max) <= index && !deceased.contains($0) })
        if seen.count == 1, let name = seen.first { return Speaker(name: name, kind: .person) }
        // Two judges named, one of them quoted already: "the judge" is the one who has been speaking.
        let speaking = seen.filter(quotedNames.contains)
        guard speaking.count == 1, let name = speaking.first else { return nil }
        return Speaker(name: name, kind: .person)
    }

    /// People named right after a death word, past their title ("killed Superior Court Judge X", "the late X"): not
    /// past a month or a day ("in late March Judge X ruled"), and not a name that owns something ("killed Sen. X's
    /// amendment").
    func deceasedPeople() -> Set<String> {
        var result: Set<String> = []
        for (index, list) in mentions.enumerated() {
            guard let paragraph = paragraph(at: index) else { continue }
            for mention in list where mention.kind == .person {
                let tokens = paragraph.tokens
                if mention.end < tokens.count, tokens[mention.end].kind == .possessive { continue }
                var cursor = mention.start - 1
                // Past the title ("Deputy Sgt."), not past a date word.
                while cursor >= 0,
                    paragraph.isPunct(cursor, 0x2E)
                        || (tokens[cursor].kind == .word && tokens[cursor].capitalized
                            && DateGrammar.months[paragraph.lower(cursor)] == nil
                            && DateGrammar.weekdays[paragraph.lower(cursor)] == nil)
                {
                    cursor -= 1
                }
                guard cursor >= 0, tokens[cursor].kind == .word else { continue }
                let word = paragraph.lower(cursor)
                // "the late X"; "late" alone is a time ("in late March").
                if word == "late", !(cursor > 0 && paragraph.lower(cursor - 1) == "the") { continue }
                if Self.deathWords.contains(word) { result.insert(mention.name) }
            }
        }
        return result
    }

    /// The people whose role or title holds the words of `role` in a row.
    private func holders(of role: [String]) -> [PersonRecord] {
        guard let first = role.first else { return [] }
        return (peopleByRoleWord[first] ?? []).filter { index in
            let words = roleWords[index]
            guard words.count >= role.count else { return false }
            return (0...(words.count - role.count)).contains { Array(words[$0..<($0 + role.count)]) == role }
        }.map { people[$0] }
    }

    /// Each person's role and title words (lowercased) and, per word, the people whose role or title holds it.
    static func roleIndex(_ people: [PersonRecord]) -> (words: [[String]], byWord: [String: [Int]]) {
        var byWord: [String: [Int]] = [:]
        let words = people.enumerated().map { index, person in
            let written = ((person.role ?? "") + " " + (person.title ?? "")).lowercased()
            let words = written.split(whereSeparator: { !$0.isLetter }).map(String.init)
            for word in Set(words) { byWord[word, default: []].append(index) }
            return words
        }
        return (words, byWord)
    }
}
