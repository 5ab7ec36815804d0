import TriangulateText
/// Turns quote spans into `Quote`s with a speaker: "…," X said / said X; X said (that) "…"; "Name, role: "…"";
/// a quote on the line after its introduction; "…" with a nearby "— Name (@handle) date" line (an embedded post);
/// and short fragments credited to the person or organization the sentence is about.
struct QuoteAttributor {
    let lexicon: Lexicon
    let paragraphs: [Paragraph]
    let mentions: [[Mention]]
    /// The article's people with their roles and titles, for "the judge said" (the one judge the article names).
    var people: [PersonRecord] = []
    /// Quotes attributed so far, in order (fragments inside the writer's sentences left out).
    var turns: [Turn] = []
    /// Names of the speakers of `turns`, for "the judge" among several (kept beside `turns`, not searched in them).
    var quotedNames: Set<String> = []
    /// Speakers' genders known cheaply (an honorific, a pronoun that took their quote).
    var genders: [String: Gender] = [:]
    /// Each person's first paragraph (for "the judge said": who has been named by then), found once per article.
    var firstParagraph: [String: Int] = [:]
    /// Organization mentions by the words of their names (see `organizationIndex`), built once per article.
    var organizationsByWord: [String: [Int]] = [:]
    /// Paragraphs holding a mention of each kind (see `paragraphIndex`), built once per article.
    var paragraphsByKind: [EntityKind: [Int]] = [:]
    /// Each person's role and title words, lowercased, and the people by each of those words (see `roleIndex`),
    /// built once per article.
    var roleWords: [[String]] = []
    var peopleByRoleWord: [String: [Int]] = [:]
    /// People the article names right after a death word ("killed Judge …"): not the holder of a role who speaks.
    var deceased: Set<String> = []

    static let subjectNouns: Set<String> = Lexicon.shared.words(.subjectNouns)
    static let institutionNouns: Set<String> = Lexicon.shared.words(.institutionNouns)
    static let skippable: Set<String> = Lexicon.shared.words(.skippable)
    static let functionWords: Set<String> = Lexicon.shared.words(.functionWords)
    static let deathWords: Set<String> = Lexicon.shared.words(.deathWords)

    struct Speaker {
        var name: String
        var kind: EntityKind
    }

    mutating func quotes() -> [Quote] {
        var result: [Quote] = []
        genders = honorificGenders()
        organizationsByWord = Self.organizationIndex(mentions)
        paragraphsByKind = Self.paragraphIndex(mentions)
        (roleWords, peopleByRoleWord) = Self.roleIndex(people)
        deceased = deceasedPeople()
        for (index, list) in mentions.enumerated() {
            for mention in list where mention.kind == .person && firstParagraph[mention.name] == nil {
                firstParagraph[mention.name] = index
            }
        }
        // Quotes left open at the end of their paragraph with no speaker yet: the paragraph that closes them names it.
        var open = OpenQuotes()
        for paragraph in paragraphs {
            for span in paragraph.quotes {
                let innerStart = max(span.open + 1, 0)
                let innerEnd = min(span.close, paragraph.tokens.count) - 1
                guard innerStart <= innerEnd else { continue }
                var text = paragraph.text(from: innerStart, through: innerEnd)
                text = text.trimming(" ,")
                let wordCount = (innerStart...innerEnd).filter { paragraph.tokens[$0].kind == .word }.count
                // Sentence punctuation with words after it: more than a phrase.
                let hasSentencePunctuation = (innerStart...innerEnd).contains { index in
                    (paragraph.isPunct(index, 0x2E) || paragraph.isPunct(index, 0x21) || paragraph.isPunct(index, 0x3F))
                        && index < innerEnd && (index + 1...innerEnd).contains { paragraph.tokens[$0].kind == .word }
                }
                // A quote that runs on from or into another paragraph is speech, however short this part of it is.
                let runsOn = span.open < 0 || span.close >= paragraph.tokens.count
                let kind: Quote.Kind = wordCount >= 6 || hasSentencePunctuation || runsOn ? .direct : .fragment
                if span.single && kind == .direct && wordCount > 12 { continue }
                var speaker = speaker(for: span, in: paragraph, kind: kind)
                if let found = speaker, isLabel(found.name) { speaker = nil }
                let ownSpeaker = speaker
                if speaker == nil, let continued = continuedSpeaker(for: span, in: paragraph) { speaker = continued }
                if speaker == nil, kind == .direct, let reported = reportedSpeaker(for: span, in: paragraph) {
                    speaker = reported
                }
                if span.open < 0, let speaker {
                    open.close(paragraph: paragraph.index, speaker: speaker, &result, &turns)
                    quotedNames.insert(speaker.name)
                }
                // A short reply that ends its paragraph ("Ruiz answered, “Yes.”") is a turn of speech too.
                let reply = ownSpeaker != nil && span.close + 2 >= paragraph.tokens.count
                if kind == .direct || reply || opensSentence(span, in: paragraph) {
                    if let name = speaker?.name { quotedNames.insert(name) }
                    turns.append(
                        Turn(
                            paragraph: paragraph.index, position: span.close, speaker: speaker,
                            unclosed: span.close >= paragraph.tokens.count))
                }
                if let speaker, speaker.kind == .person, let gender = pronounGender(after: span, in: paragraph) {
                    genders[speaker.name] = gender
                }
                let unclosed = span.close >= paragraph.tokens.count
                if unclosed, ownSpeaker == nil, kind == .direct {
                    open.add(quote: result.count, turn: turns.count - 1, paragraph: paragraph.index)
                } else if !unclosed, span.open >= 0 {
                    open.clear()
                }
                result.append(
                    Quote(
                        speaker: speaker?.name, speakerKind: speaker?.kind, text: text,
                        sentence: sentenceText(covering: span, in: paragraph), kind: kind))
            }
            if let embedded = embeddedPost(after: paragraph) { result.append(embedded) }
        }
        return result
    }

    func sentenceText(covering span: QuoteSpan, in paragraph: Paragraph) -> String {
        let first = paragraph.sentenceIndex(containing: max(span.open, 0)) ?? 0
        let last = paragraph.sentenceIndex(containing: min(span.close, paragraph.tokens.count - 1)) ?? first
        guard first < paragraph.sentences.count, last < paragraph.sentences.count else { return "" }
        return paragraph.sentenceText(paragraph.sentences[first].lowerBound..<paragraph.sentences[last].upperBound)
    }

    // MARK: Speaker rules

    /// `depth`: how many earlier quotes rule 6 has already stepped back through (bounded, so a paragraph of thousands
    /// of unattributed quotes costs linear time and stack).
    func speaker(for span: QuoteSpan, in paragraph: Paragraph, kind: Quote.Kind, depth: Int = 0) -> Speaker? {
        let tokens = paragraph.tokens
        let openSentence = paragraph.sentenceIndex(containing: max(span.open, 0)).map { paragraph.sentences[$0] }
        let closeIndex = min(span.close, tokens.count - 1)
        let closeSentence = paragraph.sentenceIndex(containing: closeIndex).map { paragraph.sentences[$0] }

        // 1. After the closing mark: `," X said` / `," said X` / `," a company spokesperson said`; after a question
        // or exclamation the segmenter ends the sentence at the mark (`?" Lynch asked.`): the next sentence then.
        if span.close < tokens.count, let closeSentence,
            let found = speakerAfter(span.close, in: paragraph, limit: attributionLimit(span, closeSentence, paragraph))
        {
            return found.name.isEmpty ? nil : found
        }
        // 2. Before the opening mark in the same sentence: `X said (that) "…"`, `X stated, adding that it "…"`.
        if span.open >= 0, let openSentence,
            let found = speakerBefore(span.open, in: paragraph, from: openSentence.lowerBound)
        {
            return found.name.isEmpty ? nil : found
        }
        if span.open >= 0, let openSentence,
            let found = accordingToSpeaker(before: span.open, in: paragraph, from: openSentence.lowerBound)
                ?? statementIssuer(in: paragraph, sentence: openSentence.lowerBound..<span.open)
        {
            // "According to X, … “…”"; "X issued a statement condemning “…”".
            return found
        }
        // 3. `Name, role: "…"` — an introduction ending in a colon.
        if span.open > 0, paragraph.isPunct(span.open - 1, 0x3A) || paragraph.isPunct(span.open - 1, 0x2C) {
            let from = openSentence?.lowerBound ?? 0
            if let person = mentions(in: paragraph, from: from, to: span.open).first(where: { $0.kind == .person }) {
                return Speaker(name: person.name, kind: .person)
            }
        }
        // 4. The whole paragraph is the quote: its introduction closes the paragraph before (with a colon, or with
        // a comma right after a speech verb: "To which she replied,").
        if span.open <= 0, paragraph.index > 0,
            let previous = self.paragraph(at: paragraph.index - 1),
            let lastToken = previous.tokens.indices.last, introduces(previous, at: lastToken),
            let lastSentence = previous.sentences.last
        {
            if let found = speakerBefore(lastToken, in: previous, from: lastSentence.lowerBound), !found.name.isEmpty {
                return found
            }
            if let issuer = statementIssuer(in: previous, sentence: lastSentence) { return issuer }
            // The introduction's subject, not a name it speaks about ("The judge had advice for anyone who deals
            // with Nolan:"): the one person the article gives that role, else a named subject.
            if let holder = roleHolder(in: previous, from: lastSentence.lowerBound) { return holder }
            if let first = mentions(in: previous, from: lastSentence.lowerBound, to: lastToken).first(where: {
                ($0.kind == .person || $0.kind == .organization) && isSubjectLike($0, in: previous)
            }) {
                return Speaker(name: first.name, kind: first.kind)
            }
        }
        // 5. Fragments and the rest: the person (else the organization) the sentence is about.
        guard let openSentence else { return nil }
        if let subject = sentenceSubject(in: paragraph, sentence: openSentence, excluding: span) { return subject }
        // 6. A quote standing alone after another quote in the paragraph continues the same speaker.
        if kind == .direct, depth < Self.continuationDepth,
            let previous = paragraph.quotes.last(where: { $0.close < span.open })
        {
            return speaker(for: previous, in: paragraph, kind: .direct, depth: depth + 1)
        }
        return nil
    }

    /// Earlier quotes of a paragraph rule 6 steps back through.
    static let continuationDepth = 4

    private func speakerAfter(_ close: Int, in paragraph: Paragraph, limit: Int) -> Speaker? {
        let tokens = paragraph.tokens
        var cursor = close + 1
        while cursor < limit, tokens[cursor].kind == .punct, !paragraph.isPunct(cursor, 0x2E) { cursor += 1 }
        guard cursor < limit else { return nil }
        // "…" and X stated …: the quote's own clause has ended; X speaks about something else.
        if tokens[cursor].kind == .word, Self.clauseOpeners.contains(paragraph.lower(cursor)) { return nil }
        if let author = documentAuthor(after: cursor, in: paragraph, limit: limit) { return author }
        // "said X" / "X said": look for a speech verb within the next few words.
        var verb: Int?
        var probe = cursor
        while probe < min(limit, cursor + 8) {
            // "…," Dorrit Quell, 42, said: the age is part of the name's phrase.
            let age = paragraph.ageApposition(at: probe)
            if age > 0 {
                probe += age
                continue
            }
            if tokens[probe].kind == .punct { break }
            if lexicon.speechVerbs.contains(paragraph.lower(probe)) {
                verb = probe
                break
            }
            probe += 1
        }
        guard let verb else { return nil }
        // A participle right after the quote ("…," warning that …) continues the writer's sentence: no speaker here.
        if verb == cursor, paragraph.lower(verb).hasSuffix("ing") { return nil }
        if verb == cursor { return speakerAfterVerb(verb, in: paragraph, limit: limit, close: close) }
        // "Vell's rep told the Star": the person whose rep it is does not speak (an organization's spokesperson speaks
        // for it: "Acme's spokesperson said").
        let subject = mentions(in: paragraph, from: cursor, to: verb).filter { !speaksThroughOther($0, in: paragraph) }
        // "…," Ann Roe, head of drama at the Northern Channel, said: the person the appositive describes.
        if let opener = appositiveOpener(in: paragraph, from: cursor, to: verb) { return opener }
        if let holder = organizationRoleHolder(in: paragraph, from: cursor, to: verb) { return holder }
        if let last = subject.last(where: { $0.kind == .person || $0.kind == .organization }) {
            return Speaker(name: last.name, kind: last.kind)
        }
        if let last = subject.last, last.end >= verb - 1, let named = unclassifiedSpeaker(last) { return named }
        if verb - cursor == 1, let pronoun = pronounSpeaker(paragraph, cursor) { return pronoun }
        if let holder = roleHolder(in: paragraph, from: cursor, to: verb) { return holder }
        if let previous = previousSpeaker(forRole: paragraph, from: cursor, to: verb) { return previous }
        if let noun = nounPhraseSpeaker(paragraph, from: cursor, to: verb, before: close) { return noun }
        return unnamedSubject(in: paragraph, from: cursor, to: verb)
    }

    /// The last speech verb before the quote in its sentence, and who does it.
    private func speakerBefore(_ open: Int, in paragraph: Paragraph, from start: Int) -> Speaker? {
        let tokens = paragraph.tokens
        var verb: Int?
        var cursor = open - 1
        while cursor >= start {
            if tokens[cursor].kind == .word, paragraph.quote(containing: cursor) == nil,
                lexicon.speechVerbs.contains(paragraph.lower(cursor)), !isNounUse(cursor, in: paragraph)
            {
                verb = cursor
                break
            }
            cursor -= 1
        }
        guard let verb else { return nil }
        // Skip adverbs and auxiliaries between subject and verb ("Ford has firmly denied").
        let subjectEnd = self.subjectEnd(before: verb, in: paragraph, from: start)
        guard subjectEnd >= start else { return nil }
        // "Ann Roe, Controller Northern Channel says:", "Ann Roe, head of Northern Drama said": the person the
        // sentence opens with, not the organization of her title (which the verb may have made look like a person).
        if let mention = mentionEnding(at: subjectEnd, in: paragraph),
            let opener = appositiveOpener(in: paragraph, from: start, to: mention.start),
            !(start..<mention.start).contains(where: {
                paragraph.tokens[$0].kind == .word && Self.determiners.contains(paragraph.lower($0))
            })
        {
            return opener
        }
        if let mention = mentionEnding(at: subjectEnd, in: paragraph),
            mention.kind == .person || mention.kind == .organization
        {
            return Speaker(name: mention.name, kind: mention.kind)
        }
        if let mention = mentionEnding(at: subjectEnd, in: paragraph), let named = unclassifiedSpeaker(mention) {
            return named
        }
        if let pronoun = pronounSpeaker(paragraph, subjectEnd) { return pronoun }
        // "the 55-year-old said": a person the article has named, referred to by age.
        if tokens[subjectEnd].kind == .word, paragraph.lower(subjectEnd).hasSuffix("-year-old"), subjectEnd > start,
            paragraph.lower(subjectEnd - 1) == "the",
            let person = latest(.person, before: subjectEnd, in: paragraph, preferActing: true)
        {
            return person
        }
        if paragraph.isPunct(subjectEnd, 0x2C) {
            if let opener = appositiveOpener(in: paragraph, from: start, to: subjectEnd) { return opener }
            // "X, who sits on the board, called …": the name before the relative clause.
            var probe = subjectEnd - 1
            while probe > start {
                let word = paragraph.lower(probe)
                if (word == "who" || word == "which"), paragraph.isPunct(probe - 1, 0x2C),
                    let mention = mentionEnding(at: probe - 2, in: paragraph),
                    mention.kind == .person || mention.kind == .organization
                {
                    return Speaker(name: mention.name, kind: mention.kind)
                }
                probe -= 1
            }
            if let described = appositiveSubject(in: paragraph, from: start, to: subjectEnd) { return described }
            // A participle after a comma ("…, saying", "…, adding that"): the clause's subject.
            return clauseSubject(in: paragraph, from: start, before: subjectEnd)
        }
        if let holder = roleHolder(in: paragraph, from: max(start, subjectEnd - 3), to: subjectEnd + 1)
            ?? (max(start, subjectEnd - 4)...max(start, subjectEnd - 2)).lazy.compactMap({
                self.organizationRoleHolder(in: paragraph, from: $0, to: subjectEnd + 1)
            }).first
        {
            return holder
        }
        if let noun = nounPhraseSpeaker(paragraph, from: max(start, subjectEnd - 4), to: subjectEnd + 1, before: open) {
            return noun
        }
        if tokens[subjectEnd].kind == .word, Self.documentNouns.contains(paragraph.lower(subjectEnd)) {
            // "a report claiming …": a document, not a speaker, says it; nobody later in the sentence does.
            return Self.nobody
        }
        return nil
    }

    /// Marks "the quote's subject is not a speaker": stops the fallbacks.
    static let nobody = Speaker(name: "", kind: .other)

    static let documentNouns: Set<String> = Lexicon.shared.words(.documentNouns)
    static let clauseOpeners: Set<String> = Lexicon.shared.words(.clauseOpeners)
    static let determiners: Set<String> = Lexicon.shared.words(.determiners)
    static let standInNouns: Set<String> = Lexicon.shared.words(.standInNouns)
    static let lyNouns: Set<String> = Lexicon.shared.words(.lyNouns)
    static let unnamedOpeners: Set<String> = Lexicon.shared.words(.unnamedOpeners)
    static let anonymousSources: Set<String> = Lexicon.shared.words(.anonymousSources)
    static let copulas: Set<String> = Lexicon.shared.words(.copulas)

    /// "the report", "a claim", "the FT report is": a reporting verb's form used as a noun.
    func isNounUse(_ index: Int, in paragraph: Paragraph) -> Bool {
        if index > 0, paragraph.tokens[index - 1].kind == .word, Self.determiners.contains(paragraph.lower(index - 1)) {
            return true
        }
        if index + 1 < paragraph.tokens.count, paragraph.tokens[index + 1].kind == .word,
            Self.copulas.contains(paragraph.lower(index + 1))
        {
            return true
        }
        return false
    }

    /// The nearest person or organization before `limit` standing as a subject: followed by a verb-like word.
    private func clauseSubject(in paragraph: Paragraph, from start: Int, before limit: Int) -> Speaker? {
        let candidates = mentions(in: paragraph, from: start, to: limit).filter {
            $0.kind == .person || $0.kind == .organization
        }
        let tokens = paragraph.tokens
        for mention in candidates.reversed() {
            var next = mention.end
            while next < limit, tokens[next].kind == .word, Self.skippable.contains(paragraph.lower(next)) { next += 1 }
            guard next < limit, tokens[next].kind == .word, !tokens[next].capitalized else { continue }
            if !Self.functionWords.contains(paragraph.lower(next)) {
                return Speaker(name: mention.name, kind: mention.kind)
            }
        }
        // Pronoun subjects ("he didn't want …, calling …").
        var cursor = limit - 1
        while cursor >= start {
            if let pronoun = pronounSpeaker(paragraph, cursor) { return pronoun }
            cursor -= 1
        }
        return candidates.first.map { Speaker(name: $0.name, kind: $0.kind) }
    }

    private func sentenceSubject(in paragraph: Paragraph, sentence: Range<Int>, excluding span: QuoteSpan) -> Speaker? {
        // Scare quotes in a sentence where nobody speaks ("the “Big Three” carmakers") have no speaker.
        let speaks = sentence.contains {
            paragraph.tokens[$0].kind == .word && paragraph.quote(containing: $0) == nil
                && lexicon.speechVerbs.contains(paragraph.lower($0)) && !isNounUse($0, in: paragraph)
        }
        guard speaks else { return nil }
        // "X and Y are accused of acting “…”, the report said": a document speaks (through the organization named
        // with it, "the Carvel League report said"), never the people the sentence is about.
        if let verb = sentence.first(where: { index in
            index > sentence.lowerBound && paragraph.tokens[index].kind == .word
                && paragraph.quote(containing: index) == nil && lexicon.speechVerbs.contains(paragraph.lower(index))
                && paragraph.tokens[index - 1].kind == .word
                && Self.documentNouns.contains(paragraph.lower(index - 1))
        }) {
            return documentIssuer(endingBefore: verb - 1, in: paragraph, sentence: sentence)
        }
        let list = mentions(in: paragraph, from: sentence.lowerBound, to: sentence.upperBound).filter {
            !($0.start > span.open && $0.start < span.close)
        }
        if let person = list.first(where: { $0.kind == .person }) { return Speaker(name: person.name, kind: .person) }
        // A pronoun opening the sentence, not one of the quoted words ("He controls it all,” the aide added).
        let quotedStart = sentence.lowerBound > span.open && sentence.lowerBound < span.close
        if !quotedStart, let pronoun = pronounSpeaker(paragraph, sentence.lowerBound) { return pronoun }
        if let org = list.first(where: { $0.kind == .organization }) {
            return Speaker(name: org.name, kind: .organization)
        }
        return nil
    }
}
