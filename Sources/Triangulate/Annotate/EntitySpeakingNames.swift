import TriangulateText

// One unknown word that speaks: "While Halvard says it has seen attacks…", "…, Halvard said."
extension EntityRecognizer {
    /// An unclassified one-word name right before a verb of saying is an organization, in every mention of the
    /// article (news introduces a person by full name first) — unless a title, role word or first name goes with it,
    /// it opens a sentence ("Prosecutors said"), or it ends a longer name of the article ("Jermayne Timmons" makes
    /// "Timmons told police" a surname).
    func markSpeakingOrganizations(
        _ paragraphs: [Paragraph], _ mentions: inout [[Mention]], people: [String: PersonRecord]
    ) {
        var nameParts: Set<String> = []
        for list in mentions {
            for mention in list where mention.name.contains(" ") {
                if let last = mention.name.split(separator: " ").last { nameParts.insert(String(last)) }
            }
        }
        for name in people.keys { name.split(separator: " ").forEach { nameParts.insert(String($0)) } }
        var speaking: Set<String> = []
        for paragraph in paragraphs where mentions.indices.contains(paragraph.index) {
            // A sentence's first word is capitalized whatever it is ("Prosecutors said").
            let starts = Set(paragraph.sentences.map(\.lowerBound))
            for mention in mentions[paragraph.index]
            where mention.kind == .other && !mention.name.contains(" ") && !starts.contains(mention.start) {
                guard paragraph.isWord(mention.end), lexicon.speechVerbs.contains(paragraph.lower(mention.end)),
                    paragraph.isWord(mention.start), !paragraph.tokens[mention.start].allCaps,
                    !lexicon.firstNames.contains(mention.name), !lexicon.surnameFirst.contains(mention.name),
                    !nameParts.contains(mention.name), !isCommon(mention.name.lowercased()),
                    context.surnames[mention.name] == nil,
                    context.kinds[mention.name].map({ $0 == .organization }) ?? true
                else { continue }
                let before = mention.start - 1
                if paragraph.isWord(before),
                    lexicon.roleNouns.contains(paragraph.lower(before))
                        || lexicon.titles[paragraph.lower(before)] != nil
                {
                    continue
                }
                speaking.insert(mention.name)
            }
        }
        guard !speaking.isEmpty else { return }
        for index in mentions.indices {
            for position in mentions[index].indices
            where mentions[index][position].kind == .other && speaking.contains(mentions[index][position].name) {
                mentions[index][position].kind = .organization
                mentions[index][position].confident = true
            }
        }
    }
}
