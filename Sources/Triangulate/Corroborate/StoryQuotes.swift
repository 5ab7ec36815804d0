import TriangulateText
/// Quotes of a story: merged across outlets by speaker and wording, with each outlet's wording as a variant.
extension Corroborate {
    static func quotes(_ articles: [AnnotatedArticle], names: StoryNames, order: [String]) -> [StoryQuote] {
        struct Group {
            var speakerKey: String?
            var speaker: String?
            var words: Set<String>
            var variants: [StoryQuote.Variant]
        }
        var groups: [Group] = []
        for item in articles {
            for quote in item.annotations.quotes {
                let words = Set(Terms.words(quote.text).filter { !Terms.stopWords.contains($0) })
                guard !words.isEmpty else { continue }
                let key = quote.speaker.flatMap { names.key(forSpeaker: $0, kind: quote.speakerKind) }
                let match = groups.indices.first { index in
                    let group = groups[index]
                    guard !group.variants.contains(where: { $0.article == item.article.id }) else { return false }
                    let overlap =
                        Double(group.words.intersection(words).count) / Double(min(group.words.count, words.count))
                    let sameSide =
                        key == nil || group.speakerKey == nil || key == group.speakerKey
                        || Self.sameSide(key, group.speakerKey, names)
                    return overlap >= 0.6 && sameSide
                }
                if let match {
                    groups[match].variants.append(.init(article: item.article.id, text: quote.text))
                    groups[match].words.formUnion(words)
                    if groups[match].speakerKey == nil { groups[match].speakerKey = key }
                } else {
                    groups.append(
                        Group(
                            speakerKey: key, speaker: quote.speaker, words: words,
                            variants: [.init(article: item.article.id, text: quote.text)]))
                }
            }
        }
        // A quote another outlet prints without quotation marks still counts as that outlet carrying it.
        // The same speaker's quote printed twice in one article ("completely false" in a summary and in the body):
        // one group.
        var merged: [Group] = []
        for group in groups {
            if let index = merged.indices.first(where: { index in
                let other = merged[index]
                guard let key = group.speakerKey, other.speakerKey == key else { return false }
                let overlap =
                    Double(other.words.intersection(group.words).count)
                    / Double(min(other.words.count, group.words.count))
                return overlap >= 0.6
            }) {
                for variant in group.variants
                where !merged[index].variants.contains(where: { $0.article == variant.article }) {
                    merged[index].variants.append(variant)
                }
                merged[index].words.formUnion(group.words)
            } else {
                merged.append(group)
            }
        }
        groups = merged
        // A quote another outlet prints without quotation marks, in a sentence naming the same speaker, still counts.
        // Each sentence with the one before it in the same paragraph ("… Jim Farley … . He also called …").
        let sentences = articles.map { item in
            let list = item.annotations.sentences
            return (
                item.article.id,
                list.indices.map { index -> String in
                    var text = list[index].text
                    if index > 0, list[index - 1].paragraph == list[index].paragraph {
                        text = list[index - 1].text + " " + text
                    }
                    return " " + Terms.words(text).joined(separator: " ") + " "
                }
            )
        }
        for index in groups.indices {
            guard let shortest = groups[index].variants.min(by: { $0.text.count < $1.text.count }),
                let key = groups[index].speakerKey, let speaker = names.name(key)
            else { continue }
            let phrase = Terms.words(shortest.text)
            guard phrase.count >= 2 else { continue }
            let needle = " " + phrase.joined(separator: " ") + " "
            let speakerWord =
                " " + (key.split(separator: ":").last.map(String.init) ?? speaker.display.lowercased()) + " "
            for (id, list) in sentences where !groups[index].variants.contains(where: { $0.article == id }) {
                if list.contains(where: { $0.includes(needle) && $0.includes(speakerWord) }) {
                    groups[index].variants.append(
                        .init(article: id, text: shortest.text + " (without quotation marks)"))
                }
            }
        }
        return groups.map { group in
            let name = group.speakerKey.flatMap { names.name($0) }
            let longest =
                group.variants.filter { !$0.text.hasSuffix("(without quotation marks)") }
                .max { $0.text.count < $1.text.count }?.text ?? group.variants[0].text
            return StoryQuote(
                speaker: name?.display ?? group.speaker, role: name?.role, text: longest,
                sources: ordered(group.variants.map(\.article), order), variants: group.variants)
        }
    }

    /// A person whose role names an organization speaks for it ("Ford's Director of Public Relations" for Ford).
    static func sameSide(_ a: String?, _ b: String?, _ names: StoryNames) -> Bool {
        guard let a, let b, let first = names.name(a), let second = names.name(b) else { return false }
        func speaksFor(_ person: StoryNames.Name, _ organization: StoryNames.Name) -> Bool {
            guard person.kind == .person, organization.kind == .organization, let role = person.role else {
                return false
            }
            let orgWord = organization.display.split(separator: " ").first.map(String.init) ?? organization.display
            return role.contains(orgWord)
        }
        return speaksFor(first, second) || speaksFor(second, first)
    }

}
