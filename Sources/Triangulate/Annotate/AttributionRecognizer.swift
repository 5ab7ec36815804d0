import TriangulateText
/// Where reported information is credited: "according to (a report by) X", "told X", "citing X", "X reported",
/// "a X report", "reported by X".
struct AttributionRecognizer {
    let lexicon: Lexicon

    static let reportNouns: Set<String> = Lexicon.shared.words(.reportNouns)
    static let lead: Set<String> = Lexicon.shared.words(.lead)

    func recognize(
        _ paragraph: Paragraph, sentence: Range<Int>, sentenceText: String, mentions: [Mention],
        into out: inout [Attribution]
    ) {
        let tokens = paragraph.tokens
        var index = sentence.lowerBound
        let inSentence = mentions.filter { $0.start >= sentence.lowerBound && $0.end <= sentence.upperBound }
        func source(from start: Int) -> (String, Int)? {
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
            else {
                return nil
            }
            let phraseStart =
                start < cursor && ["the", "a"].contains(paragraph.lower(cursor - 1)) ? cursor - 1 : cursor
            return (paragraph.text(from: phraseStart, through: end - 1), end)
        }
        while index < sentence.upperBound {
            guard tokens[index].kind == .word, paragraph.quote(containing: index) == nil else {
                index += 1
                continue
            }
            let word = paragraph.lower(index)
            var found: (String, Int)?
            var cue = word
            if word == "according", index + 1 < sentence.upperBound, paragraph.lower(index + 1) == "to" {
                found = source(from: index + 2)
                cue = "according to"
            } else if word == "told" || word == "tells" || word == "telling" {
                if let (name, end) = source(from: index + 1), isNamedSource(name, inSentence) { found = (name, end) }
            } else if (word == "said" || word == "say" || word == "says"), index > sentence.lowerBound,
                Self.groupSources.contains(paragraph.lower(index - 1)), paragraph.quote(containing: index - 1) == nil
            {
                // "fire officials said", "people close to the talks say": the group is the source.
                var first = index - 1
                while first > sentence.lowerBound, index - first < 3, tokens[first - 1].kind == .word,
                    !tokens[first - 1].capitalized || first - 1 == sentence.lowerBound,
                    !QuoteAttributor.functionWords.contains(paragraph.lower(first - 1)),
                    !lexicon.speechVerbs.contains(paragraph.lower(first - 1))
                {
                    first -= 1
                }
                found = (paragraph.text(from: first, through: index - 1), index + 1)
                cue = "said"
            } else if word == "citing" {
                found = source(from: index + 1)
                cue = "citing"
            } else if word == "by", index > sentence.lowerBound,
                ["reported", "published", "seen", "obtained", "reviewed", "first"].contains(paragraph.lower(index - 1))
            {
                found = source(from: index + 1)
                cue = "reported by"
            } else if Self.statementVerbs.contains(word),
                let subject = statementSubject(before: index, paragraph, sentence, inSentence)
            {
                // "The Harbor Authority said …", "Acme, which owns the site, confirmed …"
                found = (subject, index + 1)
                cue = "said"
            } else if Self.reportNouns.contains(word), index > sentence.lowerBound,
                let mention = inSentence.last(where: { $0.end == index }), mention.kind == .organization
            {
                // "a Financial Times report", "Reuters reported"
                found = (mention.name, index + 1)
                cue = "report"
            }
            if let (name, end) = found {
                out.append(Attribution(source: name, cue: cue, sentence: sentenceText))
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
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
