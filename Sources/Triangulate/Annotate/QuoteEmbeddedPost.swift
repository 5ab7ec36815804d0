import TriangulateText

/// Posts embedded in an article ("— Name (@handle) date" under a quoted line): a quote of the account.
extension QuoteAttributor {
    // MARK: Embedded posts

    /// A paragraph followed by a line "— Name (@handle) Month D, YYYY" is a post quoted from that account.
    func embeddedPost(after paragraph: Paragraph) -> Quote? {
        guard let next = self.paragraph(at: paragraph.index + 1), next.tokens.count >= 4,
            next.punctScalar(0) == 0x2014 || next.punctScalar(0) == 0x2013 || next.isPunct(0, 0x2D),
            let at = next.tokens.indices.first(where: { next.isPunct($0, 0x40) }), at >= 2, next.isPunct(at - 1, 0x28)
        else { return nil }
        let name = next.text(from: 1, through: at - 2)
        guard !name.isEmpty, paragraph.quotes.isEmpty else { return nil }
        let text = paragraph.text(from: 0, through: paragraph.tokens.count - 1)
        let kind = lexicon.outlets[name.lowercased()] != nil ? EntityKind.organization : kindOf(name) ?? .organization
        return Quote(speaker: name, speakerKind: kind, text: text, sentence: text, kind: .direct)
    }

    func kindOf(_ name: String) -> EntityKind? {
        for list in mentions { if let found = list.first(where: { $0.name == name }) { return found.kind } }
        return nil
    }
}
