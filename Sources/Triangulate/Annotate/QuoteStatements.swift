import TriangulateText

// Written statements as speakers: who issued a statement, letter or press release speaks the quotation credited to it
// ("…," the letter read; read the press release; a statement by Ann Roe:).
extension QuoteAttributor {
    /// "Jackson released a statement through the team", "a statement by Ann Roe", "In a statement released on
    /// Monday, the ministry urged…": who issues a statement speaks the quotation that follows it.
    func statementIssuer(in paragraph: Paragraph, sentence: Range<Int>) -> Speaker? {
        for noun in sentence where paragraph.tokens[noun].kind == .word {
            guard Self.statementNouns.contains(paragraph.lower(noun)) else { continue }
            if let named = namedIssuer(of: noun, in: paragraph, sentence: sentence) { return named }
            for verb in stride(from: noun - 1, through: max(sentence.lowerBound, noun - 3), by: -1) {
                guard paragraph.tokens[verb].kind == .word, Self.issueVerbs.contains(paragraph.lower(verb)) else {
                    continue
                }
                let end = subjectEnd(before: verb, in: paragraph, from: sentence.lowerBound)
                guard end >= sentence.lowerBound else { return nil }
                if let subject = mentionEnding(at: end, in: paragraph), subject.kind == .person, !isLabel(subject.name)
                {
                    return Speaker(name: subject.name, kind: .person)
                }
                if let subject = mentionEnding(at: end, in: paragraph), subject.kind == .organization,
                    !isLabel(subject.name)
                {
                    return Speaker(name: subject.name, kind: .organization)
                }
                // A place never speaks; a country that issues a statement does so through its government.
                if let subject = mentionEnding(at: end, in: paragraph), subject.kind == .place {
                    return Speaker(name: subject.name + " government", kind: .organization)
                }
                // "The company issued a statement": the organization the noun stands for ("her office" stands for
                // nobody named).
                if let first = (max(sentence.lowerBound, end - 3)...end).last(where: {
                    paragraph.tokens[$0].kind == .word && ["the", "a", "an"].contains(paragraph.lower($0))
                }), let noun = nounPhraseSpeaker(paragraph, from: first, to: end + 1, before: verb) {
                    return noun
                }
                // "The school's principal, Ann Roe of the Design Academy, wrote a letter": the appositive's person,
                // not a possessor ("the school's").
                guard paragraph.isPunct(end, 0x2C) || mentionEnding(at: end, in: paragraph) != nil else { return nil }
                let person = mentions(in: paragraph, from: sentence.lowerBound, to: verb).last { mention in
                    mention.kind == .person && !isLabel(mention.name)
                        && !(mention.end < paragraph.tokens.count && paragraph.tokens[mention.end].kind == .possessive)
                }
                return person.map { Speaker(name: $0.name, kind: .person) }
            }
        }
        return nil
    }

    /// "a statement by Ann Roe" / "from the ministry"; "In a statement (released on Monday), the ministry urged…":
    /// the person or organization named right after "by" / "from", or the subject right after the opening phrase.
    private func namedIssuer(of noun: Int, in paragraph: Paragraph, sentence: Range<Int>) -> Speaker? {
        let tokens = paragraph.tokens
        func speaker(at index: Int) -> Speaker? {
            guard let mention = mentions(in: paragraph, from: index, to: min(sentence.upperBound, index + 8)).first,
                mention.start <= index + 1, mention.kind == .person || mention.kind == .organization,
                !isLabel(mention.name)
            else { return nil }
            return Speaker(name: mention.name, kind: mention.kind)
        }
        if noun + 2 < sentence.upperBound, tokens[noun + 1].kind == .word,
            ["by", "from"].contains(paragraph.lower(noun + 1))
        {
            return speaker(at: noun + 2)
        }
        guard tokens[sentence.lowerBound].kind == .word, paragraph.lower(sentence.lowerBound) == "in",
            noun <= sentence.lowerBound + 3,
            let comma = (noun + 1..<min(sentence.upperBound, noun + 10)).first(where: { paragraph.isPunct($0, 0x2C) })
        else { return nil }
        return speaker(at: comma + 1)
    }

    /// `"…," the letter read`: a written statement quoted as speaking is its issuer's, named in this paragraph or
    /// up to two paragraphs before ("Ann Roe wrote a letter …"). Nil when the quote is not attributed to a document
    /// or its issuer is not found.
    func documentAuthor(after cursor: Int, in paragraph: Paragraph, limit: Int) -> Speaker? {
        let tokens = paragraph.tokens
        func isWord(_ index: Int, in list: Set<String>) -> Bool {
            index < limit && tokens[index].kind == .word && list.contains(paragraph.lower(index))
        }
        // `the letter read`, `the press release said`; inverted, `read the statement`.
        var quoted = false
        if let noun = statementPhraseEnd(from: cursor, in: paragraph, limit: limit),
            isWord(noun + 1, in: Self.documentVerbs)
        {
            quoted = true
        } else if isWord(cursor, in: Self.documentVerbs),
            statementPhraseEnd(from: cursor + 1, in: paragraph, limit: limit) != nil
        {
            quoted = true
        }
        guard quoted else { return nil }
        for index in stride(from: paragraph.index, through: max(0, paragraph.index - 2), by: -1) {
            guard let earlier = index == paragraph.index ? paragraph : self.paragraph(at: index) else { continue }
            for sentence in earlier.sentences.reversed() where sentence.upperBound <= cursor || index < paragraph.index
            {
                if let issuer = statementIssuer(in: earlier, sentence: sentence) { return issuer }
            }
        }
        return nil
    }

    /// The statement noun ending a phrase "(the) (press) statement" that starts at `from`, if there is one.
    func statementPhraseEnd(from: Int, in paragraph: Paragraph, limit: Int) -> Int? {
        var noun = from
        if noun < limit, paragraph.tokens[noun].kind == .word, Self.determiners.contains(paragraph.lower(noun)) {
            noun += 1
        }
        for candidate in noun..<min(limit, noun + 2) {
            guard paragraph.tokens[candidate].kind == .word else { return nil }
            if Self.statementNouns.contains(paragraph.lower(candidate)) { return candidate }
        }
        return nil
    }

    /// Who issued the document whose noun is at `noun` ("the Carvel League report said"): the organization named
    /// right before the noun; for "the report" alone, the organization named so before the same noun earlier in this
    /// paragraph or the one before ("The Carvel League report says …"). Nil when there is none.
    func documentIssuer(endingBefore noun: Int, in paragraph: Paragraph, sentence: Range<Int>) -> Speaker? {
        func issuer(before index: Int, in holder: Paragraph, from start: Int) -> Speaker? {
            mentions(in: holder, from: max(start, index - 5), to: index).last {
                $0.kind == .organization && $0.end == index
            }.map { Speaker(name: $0.name, kind: .organization) }
        }
        if let named = issuer(before: noun, in: paragraph, from: sentence.lowerBound) { return named }
        let word = paragraph.lower(noun)
        for index in stride(from: paragraph.index, through: max(0, paragraph.index - 1), by: -1) {
            guard let holder = index == paragraph.index ? paragraph : self.paragraph(at: index) else { continue }
            let end = index == paragraph.index ? sentence.lowerBound : holder.tokens.count
            for position in stride(from: end - 1, through: 1, by: -1)
            where holder.tokens[position].kind == .word && holder.lower(position) == word {
                if let found = issuer(before: position, in: holder, from: 0) { return found }
            }
        }
        return nil
    }

    static let statementNouns: Set<String> = Lexicon.shared.words(.statementNouns)
    static let issueVerbs: Set<String> = Lexicon.shared.words(.issueVerbs)
    static let documentVerbs: Set<String> = Lexicon.shared.words(.documentVerbs)
}
