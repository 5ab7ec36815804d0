import TriangulateText

// "…, while John Cerar, the former commander for firearms training, said “…”": the person an appositive describes
// is the subject of the verb after it, wherever the sentence began.
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
}
