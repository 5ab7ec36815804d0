import TriangulateText
/// Speakers read from the quote's surroundings rather than its own sentence: pronouns ("he said") resolved to the
/// person last speaking or acting, quotes that continue the previous speaker's words, bare surnames next to a reporting
/// verb, and the labels ("R-Ohio", an outlet, a day) that are never speakers.
extension QuoteAttributor {
    enum Gender { case male, female }

    /// A quote already attributed: where it closed and who spoke it.
    struct Turn {
        var paragraph: Int
        var position: Int
        var speaker: Speaker?
        /// The quote ran to the end of its paragraph without a closing mark.
        var unclosed = false
    }

    static let objectMarkers: Set<String> = Lexicon.shared.words(.objectMarkers)
    static let subordinators: Set<String> = Lexicon.shared.words(.subordinators)
    static let withheldSpeechVerbs: Set<String> = Lexicon.shared.words(.withheldSpeechVerbs)
    static let decliningVerbs: Set<String> = Lexicon.shared.words(.decliningVerbs)
    static let questionAuxiliaries: Set<String> = Lexicon.shared.words(.questionAuxiliaries)
    static let maleHonorifics: Set<String> = Lexicon.shared.words(.maleHonorifics)
    static let femaleHonorifics: Set<String> = Lexicon.shared.words(.femaleHonorifics)

    /// A quote that is its whole sentence (or runs on from an earlier paragraph) with no reporting verb of its own.
    /// The opening mark starts its sentence, or the quote began in an earlier paragraph.
    func opensSentence(_ span: QuoteSpan, in paragraph: Paragraph) -> Bool {
        guard span.open >= 0 else { return true }
        guard let index = paragraph.sentenceIndex(containing: span.open) else { return false }
        // Only marks before it (the first of two apostrophes typed for one double mark).
        return (paragraph.sentences[index].lowerBound..<span.open).allSatisfy { paragraph.tokens[$0].kind == .punct }
    }

    func isStandalone(_ span: QuoteSpan, in paragraph: Paragraph) -> Bool {
        let tokens = paragraph.tokens
        guard opensSentence(span, in: paragraph) else { return false }
        let closeIndex = min(span.close, tokens.count - 1)
        let end = paragraph.sentenceIndex(containing: closeIndex).map { paragraph.sentences[$0].upperBound }
        let start = span.open >= 0 ? span.open : 0
        for index in start..<(end ?? tokens.count) where tokens[index].kind == .word {
            guard paragraph.quote(containing: index) == nil else { continue }
            if index > span.close { return false }
            if lexicon.speechVerbs.contains(paragraph.lower(index)) { return false }
        }
        return true
    }

    /// Quotes that ran to the end of their paragraph with no speaker of their own, waiting for the paragraph whose
    /// closing mark ends them ("“I'm half-dead in my tent. / I want to go home,” said Mapahai"): at most four
    /// paragraphs back. The closing paragraph's speaker replaces one guessed from before (the speaker of the quote
    /// before, or of the reported speech before): the attribution that ends a quote names who says all of it.
    struct OpenQuotes {
        private var waiting: [(quote: Int, turn: Int, paragraph: Int)] = []

        mutating func add(quote: Int, turn: Int, paragraph: Int) { waiting.append((quote, turn, paragraph)) }
        mutating func clear() { waiting.removeAll() }

        /// The quote closing in `paragraph` has `speaker`: so have the open quotes it ends.
        mutating func close(paragraph: Int, speaker: Speaker, _ quotes: inout [Quote], _ turns: inout [Turn]) {
            for item in waiting where item.paragraph >= paragraph - 4 && item.quote < quotes.count {
                quotes[item.quote].speaker = speaker.name
                quotes[item.quote].speakerKind = speaker.kind
                if turns.indices.contains(item.turn) { turns[item.turn].speaker = speaker }
            }
            waiting.removeAll()
        }
    }

    /// A quote that opens its paragraph and stands alone, after a paragraph of reported speech with no quote of its
    /// own ("…, said Eddie Chan, an analyst." / "“ATI has a strong portfolio.”"): in news writing the quote is the
    /// words of the person whose speech ends the paragraph before.
    func reportedSpeaker(for span: QuoteSpan, in paragraph: Paragraph) -> Speaker? {
        guard span.open >= 0, paragraph.sentenceIndex(containing: span.open) == 0, isStandalone(span, in: paragraph),
            let previous = self.paragraph(at: paragraph.index - 1),
            // A few quoted words inside its sentence ("said casting him was an “incendiary combination”") leave the
            // paragraph reported speech.
            previous.quotes.allSatisfy({ isPhrase($0, in: previous) })
        else { return nil }
        return speechSubject(of: previous, lookBack: Self.continuationDepth)
    }

    /// A quote of a few words inside a sentence of the writer's: not a turn of speech.
    func isPhrase(_ span: QuoteSpan, in paragraph: Paragraph) -> Bool {
        guard span.open >= 0, span.close < paragraph.tokens.count, !opensSentence(span, in: paragraph) else {
            return false
        }
        return (span.open..<span.close).filter { paragraph.tokens[$0].kind == .word }.count < 6
    }

    /// The person whose reported speech the last sentence of `paragraph` tells: "…, said Warren", "Warren said …",
    /// "Snider, who attended the news conference, said he backed King" (the name opening the sentence), "he said"
    /// (the pronoun resolved, at most `lookBack` paragraphs further back).
    func speechSubject(of paragraph: Paragraph, lookBack: Int) -> Speaker? {
        guard let last = paragraph.sentences.last else { return nil }
        if let issuer = statementIssuer(in: paragraph, sentence: last) { return issuer }
        let tokens = paragraph.tokens
        for verb in mainClause(last, in: paragraph) where tokens[verb].kind == .word {
            guard lexicon.speechVerbs.contains(paragraph.lower(verb)), !isNounUse(verb, in: paragraph) else { continue }
            // "…, said Warren": a name after the verb speaks only when nothing stands before the verb ("Maddox said
            // Corwen had been…" and "fans will agree that Corwen…" are not Corwen's words).
            // ("Stella Maddox, the lead writer, said casting Corwen…": the comma ends an appositive about the subject,
            // not a clause of the speaker's words as in "…sold by Intel, said Chan".)
            let inverted =
                verb == last.lowerBound
                || (tokens[verb - 1].kind == .punct
                    && !(paragraph.isPunct(verb - 1, 0x2C)
                        && (appositiveOpener(in: paragraph, from: last.lowerBound, to: verb - 1) != nil
                            || appositiveSubject(in: paragraph, from: last.lowerBound, to: verb - 1) != nil)))
            if inverted, let after = mentions(in: paragraph, from: verb + 1, to: min(last.upperBound, verb + 6)).first,
                after.kind == .person, after.start <= verb + 2, !isLabel(after.name),
                // "agreed with Quist's decision": the object of the verb, not its speaker.
                isSubjectLike(after, in: paragraph)
            {
                return Speaker(name: after.name, kind: .person)
            }
            if let speaker = subjectSpeaker(before: verb, in: paragraph, sentence: last, lookBack: lookBack) {
                return speaker
            }
        }
        // "He would not specify how many were inside", "Ruiz declined to say": speech withheld is still speech.
        if let start = withheldSpeech(in: mainClause(last, in: paragraph), of: paragraph) {
            return subjectSpeaker(before: start, in: paragraph, sentence: last, lookBack: lookBack)
        }
        return nil
    }

    /// The person who is the subject of the speech verb (or withheld speech) at `verb` in `sentence`: the name right
    /// before it, the name opening the sentence before an appositive or relative clause, or "he"/"she" resolved at
    /// most `lookBack` paragraphs back.
    func subjectSpeaker(before verb: Int, in paragraph: Paragraph, sentence: Range<Int>, lookBack: Int) -> Speaker? {
        let tokens = paragraph.tokens
        let end = subjectEnd(before: verb, in: paragraph, from: sentence.lowerBound)
        guard end >= sentence.lowerBound else { return nil }
        if let before = mentionEnding(at: end, in: paragraph), before.kind == .person, !isLabel(before.name) {
            return Speaker(name: before.name, kind: .person)
        }
        // "Snider, who attended …, said": the subject before the relative clause or appositive, a person near the
        // start of the sentence ("Athletic director Gene Smith, who replaced …, said").
        if paragraph.isPunct(end, 0x2C),
            let opener = mentions(in: paragraph, from: sentence.lowerBound, to: end).first(where: { $0.kind == .person }
            ),
            opener.start <= sentence.lowerBound + 3, !isLabel(opener.name),
            opener.end < tokens.count, paragraph.isPunct(opener.end, 0x2C)
        {
            return Speaker(name: opener.name, kind: .person)
        }
        let word = tokens[end].kind == .word ? paragraph.lower(end) : ""
        if word == "he" || word == "she", lookBack > 0 {
            return person(forPronoun: word, at: end, in: paragraph, lookBack: lookBack - 1)
        }
        return nil
    }

    /// Where speech withheld starts in `clause`: "would not specify", "did not say", "declined to discuss" (gazetteer
    /// `withheld-speech-verbs`), from the auxiliary or the verb of declining.
    func withheldSpeech(in clause: Range<Int>, of paragraph: Paragraph) -> Int? {
        let tokens = paragraph.tokens
        for index in clause where index >= clause.lowerBound + 1 && tokens[index].kind == .word {
            guard Self.withheldSpeechVerbs.contains(paragraph.lower(index)) else { continue }
            let before = paragraph.lower(index - 1)
            if before == "to", index - 2 >= clause.lowerBound, Self.decliningVerbs.contains(paragraph.lower(index - 2))
            {
                return index - 2
            }
            guard before == "not" || before == "never" else { continue }
            let auxiliary = index - 2
            return auxiliary >= clause.lowerBound && tokens[auxiliary].kind == .word
                && Self.questionAuxiliaries.contains(paragraph.lower(auxiliary)) ? auxiliary : index - 1
        }
        return nil
    }

    /// The tokens of `sentence` past a subordinate clause that opens it ("When the prosecutor asked whether …, Ruiz
    /// answered"): the speech of the clause's verb is not what the sentence reports.
    func mainClause(_ sentence: Range<Int>, in paragraph: Paragraph) -> Range<Int> {
        guard !sentence.isEmpty, paragraph.tokens[sentence.lowerBound].kind == .word,
            Self.subordinators.contains(paragraph.lower(sentence.lowerBound)),
            let comma = sentence.first(where: { paragraph.isPunct($0, 0x2C) })
        else { return sentence }
        return (comma + 1)..<sentence.upperBound
    }

    /// "said Coast Guard spokesman Arik Dov", "said Senate Finance Committee Chairman Walter Krogan": in the noun
    /// phrase right after the verb (words only, up to a dozen), a name after a role noun is the person speaking,
    /// whether the recognizer took it for a person or not, rather than the organization before the role.
    func nameAfterRole(in paragraph: Paragraph, after verb: Int, limit: Int) -> Speaker? {
        let end = min(limit, verb + 13)
        var phraseEnd = verb + 1
        while phraseEnd < end {
            let kind = paragraph.tokens[phraseEnd].kind
            // "said Biancardi's attorney, James Zeszutek": a comma only right after the role.
            let roleComma =
                paragraph.isPunct(phraseEnd, 0x2C) && phraseEnd > verb + 1
                && lexicon.roleNouns.contains(paragraph.lower(phraseEnd - 1))
            guard kind == .word || kind == .possessive || paragraph.isPunct(phraseEnd, 0x2E) || roleComma else { break }
            phraseEnd += 1
        }
        for mention in mentions(in: paragraph, from: verb + 2, to: phraseEnd) {
            var before = mention.start - 1
            if paragraph.isPunct(before, 0x2C) { before -= 1 }
            guard before > verb, paragraph.tokens[before].kind == .word,
                lexicon.roleNouns.contains(paragraph.lower(before)),
                mention.kind != .place, !isLabel(mention.name)
            else { continue }
            return Speaker(name: mention.name, kind: .person)
        }
        return nil
    }

    /// The paragraph numbered `index`: at that position, as Annotate stores them (a scan only if not), so looking
    /// one paragraph back costs the same in a paragraph of thousands.
    func paragraph(at index: Int) -> Paragraph? {
        guard index >= 0, index < paragraphs.count else { return nil }
        return paragraphs[index].index == index ? paragraphs[index] : paragraphs.first { $0.index == index }
    }

    /// The speaker of the quote right before, when it is in the same or the previous paragraph.
    func continuedSpeaker(for span: QuoteSpan, in paragraph: Paragraph) -> Speaker? {
        guard let last = turns.last, let speaker = last.speaker else { return nil }
        // A quote left open runs on through the paragraphs after it: a closing mark with no opening one ends it, and
        // a paragraph that opens a quote again continues it ("“We trained all winter. / Nobody believed us. / “Now they do.”").
        let reach = last.unclosed ? 4 : 1
        guard last.paragraph >= paragraph.index - reach else { return nil }
        // A paragraph between them that reports someone's speech ("However, Okonjo said …") ends the run.
        if span.open >= 0, last.paragraph + 1 < paragraph.index,
            (last.paragraph + 1..<paragraph.index).contains(where: { index in
                self.paragraph(at: index).map { speechSubject(of: $0, lookBack: 0) != nil } ?? false
            })
        {
            return nil
        }
        guard isStandalone(span, in: paragraph) else { return nil }
        return speaker
    }

    /// "he"/"she": the person last quoted or last acting as a subject in this paragraph before the pronoun, else the
    /// one whose speech the previous paragraph reports, else in the previous paragraph (its last speaker first), else
    /// a few paragraphs further back. `lookBack` bounds the chain of "he said" paragraphs followed back.
    /// Any other `word` ("the 29-year-old") is resolved the same way without a gender.
    func person(forPronoun word: String, at index: Int, in paragraph: Paragraph, lookBack: Int = 4) -> Speaker? {
        let gender: Gender? = word == "she" ? .female : word == "he" ? .male : nil
        if let found = lastPerson(in: paragraph.index, before: index, gender: gender, preferSpeakers: false) {
            return found
        }
        // Only objects before it in this paragraph ("for riders like X, …, she said"): the last of them.
        if let object = mentions[paragraph.index].last(where: {
            $0.kind == .person && $0.end <= index && paragraph.quote(containing: $0.start) == nil
                && compatible($0.name, gender) && !isLabel($0.name)
        }) {
            return Speaker(name: object.name, kind: .person)
        }
        // "Snider … said he backed King." / "“I don't question Billy,” he said.": the one whose speech the paragraph
        // before reports.
        if lookBack > 0, let previous = self.paragraph(at: paragraph.index - 1),
            previous.quotes.isEmpty, let subject = speechSubject(of: previous, lookBack: lookBack - 1),
            compatible(subject.name, gender)
        {
            return subject
        }
        // "Corwen is best known for his role as Hal Brenner." / "“…,” he said": the sentences' subject.
        if let topic = sentenceTopic(before: index, in: paragraph, gender: gender) { return topic }
        var back = paragraph.index - 1
        while back >= max(0, paragraph.index - 4) {
            if let found = lastPerson(in: back, before: Int.max, gender: gender, preferSpeakers: true) { return found }
            back -= 1
        }
        return nil
    }

    private func lastPerson(in index: Int, before limit: Int, gender: Gender?, preferSpeakers: Bool) -> Speaker? {
        guard index >= 0, index < paragraphs.count, index < mentions.count else { return nil }
        let paragraph = paragraphs[index]
        let turn = turns.last {
            $0.paragraph == index && $0.position < limit && $0.speaker?.kind == .person
                && compatible($0.speaker?.name ?? "", gender) && !isLabel($0.speaker?.name ?? "")
        }
        let mention = mentions[index].last {
            $0.kind == .person && $0.end <= limit && paragraph.quote(containing: $0.start) == nil
                && isSubjectLike($0, in: paragraph) && compatible($0.name, gender) && !isLabel($0.name)
        }
        if preferSpeakers, let speaker = turn?.speaker { return speaker }
        switch (turn, mention) {
        case let (turn?, mention?):
            return turn.position > mention.start ? turn.speaker : Speaker(name: mention.name, kind: .person)
        case let (turn?, nil): return turn.speaker
        case let (nil, mention?): return Speaker(name: mention.name, kind: .person)
        default: return nil
        }
    }

    func compatible(_ name: String, _ gender: Gender?) -> Bool {
        guard let gender, let known = genders[name] else { return true }
        return known == gender
    }

    /// Not the object of a preposition or a verb ("a meeting with Judge X"), nor a possessive ("X's lawyer").
    func isSubjectLike(_ mention: Mention, in paragraph: Paragraph) -> Bool {
        if mention.end < paragraph.tokens.count, paragraph.tokens[mention.end].kind == .possessive { return false }
        var cursor = mention.start - 1
        // Past the title or role before the name ("with director Per Halvorsen").
        while cursor >= 0, paragraph.tokens[cursor].kind == .word,
            paragraph.tokens[cursor].capitalized
                || lexicon.titles[paragraph.lower(cursor)] != nil || lexicon.roleNouns.contains(paragraph.lower(cursor))
        {
            cursor -= 1
        }
        while cursor >= 0, paragraph.isPunct(cursor, 0x2E) { cursor -= 1 }
        // "aimed at the Orbis Foundation": the article belongs to the name.
        if cursor > 0, paragraph.tokens[cursor].kind == .word, Self.determiners.contains(paragraph.lower(cursor)) {
            cursor -= 1
        }
        // "users of Sky Browser 8 and Sky Browser 9": a name after "and" / "or" takes the place of the one before it.
        while cursor > 0, paragraph.tokens[cursor].kind == .word, ["and", "or"].contains(paragraph.lower(cursor)) {
            var before = cursor - 1
            while before >= 0, paragraph.tokens[before].kind == .number || paragraph.tokens[before].capitalized {
                before -= 1
            }
            guard before < cursor - 1 else { break }
            cursor = before
        }
        // "Sky Browser (SB)": a short form in brackets restates the name before it.
        if cursor >= 0, cursor == mention.start - 1, paragraph.isPunct(cursor, 0x28) { return false }
        guard cursor >= 0, paragraph.tokens[cursor].kind == .word else { return true }
        // Prepositions and verbs that take an object ("aimed at", "told", "attacks targeting the X servers").
        return !Self.objectMarkers.contains(paragraph.lower(cursor))
    }

    /// Genders that cost nothing to know: an honorific before a mention ("Mr. X", "Ms. Y").
    func honorificGenders() -> [String: Gender] {
        var result: [String: Gender] = [:]
        for (index, list) in mentions.enumerated() where index < paragraphs.count {
            let paragraph = paragraphs[index]
            for mention in list where mention.kind == .person {
                var cursor = mention.start - 1
                while cursor >= 0, paragraph.isPunct(cursor, 0x2E) { cursor -= 1 }
                guard cursor >= 0, paragraph.tokens[cursor].kind == .word else { continue }
                let word = paragraph.lower(cursor)
                if Self.maleHonorifics.contains(word) { result[mention.name] = .male }
                if Self.femaleHonorifics.contains(word) { result[mention.name] = .female }
            }
        }
        return result
    }

    /// The pronoun right after the quote ("…," she said) tells the speaker's gender.
    func pronounGender(after span: QuoteSpan, in paragraph: Paragraph) -> Gender? {
        var cursor = span.close + 1
        while cursor < paragraph.tokens.count, paragraph.tokens[cursor].kind == .punct { cursor += 1 }
        guard cursor < paragraph.tokens.count, paragraph.tokens[cursor].kind == .word else { return nil }
        switch paragraph.lower(cursor) {
        case "he": return .male
        case "she": return .female
        default: return nil
        }
    }

    /// A name the recognizer could not classify, standing right next to a reporting verb: a person, resolved to the
    /// full name when the article introduced one with that surname.
    func unclassifiedSpeaker(_ mention: Mention) -> Speaker? {
        guard mention.kind == .other, !isLabel(mention.name) else { return nil }
        let suffix = " " + mention.name
        let prefix = mention.name + " "
        for test in [{ (name: String) in name.hasSuffix(suffix) }, { (name: String) in name.hasPrefix(prefix) }] {
            for list in mentions {
                if let full = list.first(where: { $0.kind == .person && test($0.name) }) {
                    return Speaker(name: full.name, kind: .person)
                }
            }
        }
        guard mention.name.first?.isUppercase == true else { return nil }
        return Speaker(name: mention.name, kind: .person)
    }

    /// A tag or a word that is never the one speaking: a party-and-state tag, an outlet, a place, a day, an acronym.
    func isLabel(_ name: String) -> Bool {
        let lower = name.lowercased()
        if Self.isPartyTag(name) { return true }
        if lexicon.outlets[lower] != nil || lexicon.places[lower] != nil || lexicon.nonSpeakers.contains(lower) {
            return true
        }
        return lexicon.commonAcronyms.contains(name)
    }

    /// "R-Ohio", "D-Calif.", "R-OH", "I-Vt": a party initial, a hyphen, a state.
    static func isPartyTag(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 8, "RDI".unicodeScalars.contains(scalars[0]),
            scalars[1] == "-", scalars[2].properties.isUppercase
        else { return false }
        return !name.contains(" ")
    }
}
