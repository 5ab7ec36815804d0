import TriangulateText
/// Quotes of a story: merged across outlets by speaker and wording, with each outlet's wording as a variant.
extension Corroborate {
    struct QuoteGroup {
        var speakerKey: String?
        var speaker: String?
        var words: Set<String>
        var variants: [StoryQuote.Variant]
    }

    static func quotes(_ articles: [AnnotatedArticle], names: StoryNames, order: ArticleOrder) -> [StoryQuote] {
        var groups = group(articles, names: names)
        groups = mergeRepeated(groups)
        addUnmarked(&groups, articles, names: names)
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

    /// Quotes grouped across outlets: a quote joins the first group of another article's quotes that shares 60% of
    /// the smaller word set and is not on another side. Groups sharing a word come from an inverted index (no scan of
    /// every group per quote).
    static func group(_ articles: [AnnotatedArticle], names: StoryNames) -> [QuoteGroup] {
        var groups: [QuoteGroup] = []
        var postings: [String: [Int]] = [:]
        for item in articles {
            // The same words from the same speaker printed again in one article add nothing (a long article that
            // repeats itself would otherwise make a group per repetition, each compared with the next).
            var printed: Set<String> = []
            for quote in item.annotations.quotes {
                let words = Set(Terms.words(quote.text).filter { !Terms.stopWords.contains($0) })
                guard !words.isEmpty else { continue }
                let key = quote.speaker.flatMap { names.key(forSpeaker: $0, kind: quote.speakerKind) }
                guard printed.insert((key ?? "") + "\u{1}" + words.sorted().joined(separator: " ")).inserted else {
                    continue
                }
                var shared: [Int: Int] = [:]
                for word in words { for index in postings[word] ?? [] { shared[index, default: 0] += 1 } }
                let match = shared.keys.sorted().first { index in
                    let group = groups[index]
                    guard !group.variants.contains(where: { $0.article == item.article.id }) else { return false }
                    let overlap = Double(shared[index] ?? 0) / Double(min(group.words.count, words.count))
                    let sameSide =
                        key == nil || group.speakerKey == nil || key == group.speakerKey
                        || Self.sameSide(key, group.speakerKey, names)
                    return overlap >= 0.6 && sameSide
                }
                if let match {
                    groups[match].variants.append(.init(article: item.article.id, text: quote.text))
                    for word in words where groups[match].words.insert(word).inserted {
                        postings[word, default: []].append(match)
                    }
                    if groups[match].speakerKey == nil { groups[match].speakerKey = key }
                } else {
                    for word in words { postings[word, default: []].append(groups.count) }
                    groups.append(
                        QuoteGroup(
                            speakerKey: key, speaker: quote.speaker, words: words,
                            variants: [.init(article: item.article.id, text: quote.text)]))
                }
            }
        }
        return groups
    }

    /// The same speaker's quote printed twice in one article ("completely false" in a summary and in the body): one
    /// group. Only groups of one speaker are compared.
    static func mergeRepeated(_ groups: [QuoteGroup]) -> [QuoteGroup] {
        var merged: [QuoteGroup] = []
        var bySpeaker: [String: [Int]] = [:]
        for group in groups {
            let index = group.speakerKey.flatMap { key in
                bySpeaker[key]?.first { index in
                    let other = merged[index]
                    let overlap =
                        Double(other.words.intersection(group.words).count)
                        / Double(min(other.words.count, group.words.count))
                    return overlap >= 0.6
                }
            }
            if let index {
                for variant in group.variants
                where !merged[index].variants.contains(where: { $0.article == variant.article }) {
                    merged[index].variants.append(variant)
                }
                merged[index].words.formUnion(group.words)
            } else {
                if let key = group.speakerKey { bySpeaker[key, default: []].append(merged.count) }
                merged.append(group)
            }
        }
        return merged
    }

    /// A quote another outlet prints without quotation marks, in a sentence naming the same speaker, still counts.
    /// Each sentence with the one before it in the same paragraph ("… Jim Farley … . He also called …"). Sentences
    /// are looked up by the speaker's word (an index built once), not scanned per quote.
    static func addUnmarked(_ groups: inout [QuoteGroup], _ articles: [AnnotatedArticle], names: StoryNames) {
        // Only another article can restate a quote without its marks.
        guard articles.count >= 2 else { return }
        var needles: [Int: (needle: String, speaker: String, text: String)] = [:]
        for index in groups.indices {
            guard let shortest = groups[index].variants.min(by: { $0.text.count < $1.text.count }),
                let key = groups[index].speakerKey, let speaker = names.name(key)
            else { continue }
            let phrase = Terms.words(shortest.text)
            guard phrase.count >= 2 else { continue }
            let speakerWord =
                " " + (key.split(separator: ":").last.map(String.init) ?? speaker.display.lowercased()) + " "
            needles[index] = (" " + phrase.joined(separator: " ") + " ", speakerWord, shortest.text)
        }
        guard !needles.isEmpty else { return }
        // The windows that hold some speaker's first word, in article order, indexed by each of their words: a quote
        // is looked for only in the windows holding its rarest word (every word of it must be there).
        let firstWords = Set(needles.values.compactMap { $0.speaker.split(separator: " ").first.map(String.init) })
        var windows: [(article: String, text: String)] = []
        var byWord: [String: [Int]] = [:]
        for item in articles {
            let list = item.annotations.sentences
            for index in list.indices {
                var text = list[index].text
                if index > 0, list[index - 1].paragraph == list[index].paragraph {
                    text = list[index - 1].text + " " + text
                }
                let words = Terms.words(text)
                guard words.contains(where: firstWords.contains) else { continue }
                for word in Set(words) { byWord[word, default: []].append(windows.count) }
                windows.append((item.article.id, " " + words.joined(separator: " ") + " "))
            }
        }
        for index in needles.keys.sorted() {
            guard let (needle, speakerWord, text) = needles[index],
                let first = speakerWord.split(separator: " ").first.map(String.init)
            else { continue }
            let lists = Set(needle.split(separator: " ").map(String.init) + [first]).map { byWord[$0] ?? [] }
            guard let rarest = lists.min(by: { $0.count < $1.count }) else { continue }
            var carried = Set(groups[index].variants.map(\.article))
            for window in rarest where !carried.contains(windows[window].article) {
                if windows[window].text.includes(needle) && windows[window].text.includes(speakerWord) {
                    groups[index].variants.append(
                        .init(article: windows[window].article, text: text + " (without quotation marks)"))
                    carried.insert(windows[window].article)
                }
            }
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
