import TriangulateText
/// Where reported information is credited: "according to (a report by) X", "told X", "citing X", "X reported",
/// "a X report", "reported by X".
struct AttributionRecognizer {
    let lexicon: Lexicon

    static let reportNouns: Set<String> = Lexicon.shared.words(.reportNouns)
    static let lead: Set<String> = Lexicon.shared.words(.lead)

    /// Words before "by" that make it a report's credit ("reported by", "first seen by").
    static let creditVerbs: Set<String> = Lexicon.shared.words(.creditVerbs)

    func recognize(
        _ paragraph: Paragraph, sentence: Range<Int>, sentenceText: String, mentions: [Mention],
        into out: inout [Attribution]
    ) {
        let inSentence = mentions.filter { $0.start >= sentence.lowerBound && $0.end <= sentence.upperBound }
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard paragraph.tokens[index].kind == .word, paragraph.quote(containing: index) == nil,
                let (name, end, cue) = credit(at: index, paragraph, sentence, inSentence)
            else {
                index += 1
                continue
            }
            out.append(Attribution(source: name, cue: cue, sentence: sentenceText))
            index = max(end, index + 1)
        }
    }

    /// The source a cue word at `index` credits, where the credit ends, and the cue's canonical form.
    private func credit(
        at index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ inSentence: [Mention]
    ) -> (String, Int, String)? {
        let word = paragraph.lower(index)
        func from(_ start: Int) -> (String, Int)? { source(from: start, paragraph, sentence, inSentence) }
        if word == "according", index + 1 < sentence.upperBound, paragraph.lower(index + 1) == "to" {
            return from(index + 2).map { ($0.0, $0.1, "according to") }
        }
        if word == "told" || word == "tells" || word == "telling" {
            guard let (name, end) = from(index + 1), isNamedSource(name, inSentence) else { return nil }
            return (name, end, word)
        }
        if word == "said" || word == "say" || word == "says", index > sentence.lowerBound,
            Self.groupSources.contains(paragraph.lower(index - 1)), paragraph.quote(containing: index - 1) == nil
        {
            return (groupSource(before: index, paragraph, sentence), index + 1, "said")
        }
        if word == "citing" { return from(index + 1).map { ($0.0, $0.1, "citing") } }
        if word == "by", index > sentence.lowerBound, Self.creditVerbs.contains(paragraph.lower(index - 1)) {
            return from(index + 1).map { ($0.0, $0.1, "reported by") }
        }
        if Self.statementVerbs.contains(word),
            let subject = statementSubject(before: index, paragraph, sentence, inSentence)
        {
            // "The Harbor Authority said …", "Acme, which owns the site, confirmed …"
            return (subject, index + 1, "said")
        }
        if Self.reportNouns.contains(word), index > sentence.lowerBound,
            let mention = inSentence.last(where: { $0.end == index }), mention.kind == .organization
        {
            // "a Financial Times report", "Reuters reported"
            return (mention.name, index + 1, "report")
        }
        return nil
    }

    /// "fire officials said", "people close to the talks say": the group right before the verb is the source.
    private func groupSource(before index: Int, _ paragraph: Paragraph, _ sentence: Range<Int>) -> String {
        let tokens = paragraph.tokens
        var first = index - 1
        while first > sentence.lowerBound, index - first < 3, tokens[first - 1].kind == .word,
            !tokens[first - 1].capitalized || first - 1 == sentence.lowerBound,
            !QuoteAttributor.functionWords.contains(paragraph.lower(first - 1)),
            !lexicon.speechVerbs.contains(paragraph.lower(first - 1))
        {
            first -= 1
        }
        return paragraph.text(from: first, through: index - 1)
    }

    /// The source named from `start` on: a name, an outlet, or a description ("four people familiar with the
    /// matter"), after leading words like "a report by".
    private func source(
        from start: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ inSentence: [Mention]
    ) -> (String, Int)? {
        let tokens = paragraph.tokens
        var cursor = start
        while cursor < sentence.upperBound, tokens[cursor].kind == .word, !tokens[cursor].capitalized,
            Self.lead.contains(paragraph.lower(cursor))
        {
            cursor += 1
        }
        guard cursor < sentence.upperBound else { return nil }
        if let mention = inSentence.first(where: { $0.start == cursor }),
            mention.kind == .organization || mention.kind == .person || mention.kind == .other
        {
            return (mention.name, mention.end)
        }
        if tokens[cursor].capitalized, let outlet = lexicon.outlets[paragraph.lower(cursor)] {
            return (outlet, cursor + 1)
        }
        // A description: "four people familiar with the matter", "the publication", "people close to the talks".
        var end = cursor
        while end < sentence.upperBound, end - cursor < 10, tokens[end].kind != .punct { end += 1 }
        guard end > cursor, (cursor..<end).contains(where: { Self.sourceNouns.contains(paragraph.lower($0)) })
        else { return nil }
        let phraseStart = start < cursor && ["the", "a"].contains(paragraph.lower(cursor - 1)) ? cursor - 1 : cursor
        return (paragraph.text(from: phraseStart, through: end - 1), end)
    }

    /// Words that make a description a source ("four people familiar …", "the publication", "court filings").
    static let sourceNouns: Set<String> = Lexicon.shared.words(.sourceNouns)
    static let statementVerbs: Set<String> = Lexicon.shared.words(.statementVerbs)

    /// The organization that is the subject of a statement verb: right before it, or before a ", which …," clause.
    private func statementSubject(
        before verb: Int, _ paragraph: Paragraph, _ sentence: Range<Int>, _ mentions: [Mention]
    ) -> String? {
        guard verb > sentence.lowerBound, paragraph.quote(containing: verb) == nil else { return nil }
        var end = verb - 1
        if paragraph.isPunct(end, 0x2C) {
            var probe = end - 1
            while probe > sentence.lowerBound,
                !(paragraph.lower(probe) == "which" && paragraph.isPunct(probe - 1, 0x2C))
            {
                probe -= 1
            }
            guard probe > sentence.lowerBound else { return nil }
            end = probe - 2
        }
        return mentions.first { $0.end - 1 == end && $0.kind == .organization }?.name
    }

    static let groupSources: Set<String> = Lexicon.shared.words(.groupSources)

    /// "told Reuters", "told the Courier": a named outlet or organization, not a person.
    private func isNamedSource(_ name: String, _ mentions: [Mention]) -> Bool {
        if lexicon.outlets[name.lowercased()] != nil { return true }
        return mentions.contains { $0.name == name && ($0.kind == .organization || $0.kind == .other) }
    }
}
