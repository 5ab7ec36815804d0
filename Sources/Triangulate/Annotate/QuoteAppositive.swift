import TriangulateText

// Speakers named beside the verb rather than as its plain subject: "…, while John Cerar, the former commander for
// firearms training, said “…”" (the person an appositive describes), "Name, a role at Org, said" (the name opening
// the sentence), "According to X, … “…”".
extension QuoteAttributor {
    /// The last person mention in `start..<end` followed by a comma and an appositive (a phrase opening with a
    /// determiner, a role noun or a title) that runs up to `end`, the comma before the verb; nil when there is none.
    func appositiveSubject(in paragraph: Paragraph, from start: Int, to end: Int) -> Speaker? {
        let tokens = paragraph.tokens
        guard end < tokens.count, paragraph.isPunct(end, 0x2C) else { return nil }
        let candidates = mentions(in: paragraph, from: start, to: end).filter { $0.kind == .person }
        guard let mention = candidates.last, mention.end < end, paragraph.isPunct(mention.end, 0x2C),
            mention.end + 1 < end, tokens[mention.end + 1].kind == .word
        else { return nil }
        let opener = paragraph.lower(mention.end + 1)
        guard
            Self.determiners.contains(opener) || lexicon.roleNouns.contains(opener)
                || lexicon.titles[opener] != nil
        else { return nil }
        // One appositive: no quotation and no further comma-separated clause inside it.
        let inside = (mention.end + 1)..<end
        guard !inside.contains(where: { paragraph.quote(containing: $0) != nil || paragraph.isPunct($0, 0x2C) })
        else { return nil }
        return Speaker(name: mention.name, kind: .person)
    }

    /// "According to X, … “…”": X, a person or organization named right after "according to".
    func accordingToSpeaker(before open: Int, in paragraph: Paragraph, from start: Int) -> Speaker? {
        var cursor = start
        while cursor + 2 < open {
            if paragraph.lower(cursor) == "according", paragraph.lower(cursor + 1) == "to",
                let mention = mentions[paragraph.index].first(where: {
                    $0.start >= cursor + 2 && $0.start <= cursor + 4 && $0.end <= open
                }),
                mention.kind != .place
            {
                if mention.kind == .person || mention.kind == .organization {
                    return Speaker(name: mention.name, kind: mention.kind)
                }
                return unclassifiedSpeaker(mention)
            }
            cursor += 1
        }
        return nil
    }

    /// "Name, a role at Org, said": the person whose name opens the sentence, followed by a comma.
    func appositiveOpener(in paragraph: Paragraph, from start: Int, to end: Int) -> Speaker? {
        guard
            let first = mentions[paragraph.index].first(where: {
                $0.start >= start && $0.end <= end && paragraph.quote(containing: $0.start) == nil
            }), first.start == start, paragraph.isPunct(first.end, 0x2C)
        else { return nil }
        if first.kind == .person { return Speaker(name: first.name, kind: .person) }
        // A name the recognizer could not classify ("Corvin Ashdale, Controller …"): two or three words.
        let words = first.name.split(separator: " ").count
        guard first.kind == .other, words >= 2, words <= 3 else { return nil }
        return unclassifiedSpeaker(first)
    }
}
