/// Where reported information is credited: "according to (a report by) X", "told X", "citing X", "X reported",
/// "a X report", "reported by X".
struct AttributionRecognizer {
    let lexicon: Lexicon

    static let reportNouns: Set<String> = ["report", "reports", "reported", "reporting", "article", "story", "investigation", "analysis"]
    static let lead: Set<String> = [
        "a", "an", "the", "report", "reports", "by", "in", "from", "of", "published", "documents", "seen", "data",
        "article", "story", "statement", "filing", "filings", "analysis", "investigation", "research", "sources",
    ]

    func recognize(
        _ paragraph: Paragraph, sentence: Range<Int>, sentenceText: String, mentions: [Mention], into out: inout [Attribution]
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
            if tokens[cursor].capitalized, let outlet = lexicon.outlets[paragraph.lower(cursor)] { return (outlet, cursor + 1) }
            // A description: "four people familiar with the matter", "the publication", "people close to the talks".
            var end = cursor
            while end < sentence.upperBound, end - cursor < 10, tokens[end].kind != .punct { end += 1 }
            guard end > cursor else { return nil }
            let phraseStart = start < cursor && ["the", "a"].contains(paragraph.lower(cursor - 1)) ? cursor - 1 : cursor
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
            } else if word == "citing" || word == "cited" {
                found = source(from: index + 1)
                cue = "citing"
            } else if word == "by", index > sentence.lowerBound,
                ["reported", "published", "seen", "obtained", "reviewed", "first"].contains(paragraph.lower(index - 1))
            {
                found = source(from: index + 1)
                cue = "reported by"
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

    private func isNamedSource(_ name: String, _ mentions: [Mention]) -> Bool {
        lexicon.outlets[name.lowercased()] != nil || mentions.contains { $0.name == name && $0.kind == .organization }
    }
}
