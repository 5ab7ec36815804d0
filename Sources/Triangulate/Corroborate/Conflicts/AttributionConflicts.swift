import TriangulateText

/// Who said it: outlets print one quotation and credit it to different people ("…," general manager A. Smith said /
/// "…," general manager A. Butler said). A quotation is the same when the two share at least 80% of the smaller one's
/// content words and that one has at least `minimumWords`; each credited speaker must be named in the quote's own
/// sentence (a speaker found from the paragraph before, or from a pronoun, is an inference of ours, not the outlet's
/// claim); an article that credits the words to both speakers, or names the other speaker in the quote's sentence
/// ("said producers A and B"), takes no side.
enum AttributionConflicts {
    static let minimumWords = 5

    struct Credit {
        var article: String
        var speaker: String
        var sentence: String
        var text: String
        var words: Set<String>
        /// The story names the sentence holds outside the quotation.
        var named: Set<String>
    }

    static func find(_ articles: [AnnotatedArticle], names: StoryNames, order: ArticleOrder) -> [Conflict] {
        var credits: [Credit] = []
        for item in articles {
            var printed: Set<String> = []
            for quote in item.annotations.quotes where quote.kind == .direct && quote.speakerKind == .person {
                guard let speaker = quote.speaker, let key = names.key(forSpeaker: speaker, kind: .person),
                    let surname = Terms.words(speaker).last
                else { continue }
                let outside = wordsOutside(quote.text, in: quote.sentence)
                guard outside.contains(surname) else { continue }
                let words = Set(Terms.words(quote.text).filter { !Terms.stopWords.contains($0) })
                guard words.count >= minimumWords,
                    printed.insert(key + "\u{1}" + words.sorted().joined(separator: " ")).inserted
                else { continue }
                credits.append(
                    Credit(
                        article: item.article.id, speaker: key, sentence: quote.sentence, text: quote.text,
                        words: words, named: Set(names.find(in: outside).map(\.key))))
            }
        }
        guard credits.count >= 2 else { return [] }
        // One quotation: credits joined through an index of their words (not every pair compared).
        var sets = DisjointSets(count: credits.count)
        var postings: [String: [Int]] = [:]
        for (index, credit) in credits.enumerated() {
            var shared: [Int: Int] = [:]
            for word in credit.words { for other in postings[word] ?? [] { shared[other, default: 0] += 1 } }
            for (other, count) in shared where credits[other].article != credit.article {
                guard 5 * count >= 4 * min(credit.words.count, credits[other].words.count) else { continue }
                let (x, y) = (sets.root(index), sets.root(other))
                if x != y { sets.attach(max(x, y), to: min(x, y)) }
            }
            for word in credit.words { postings[word, default: []].append(index) }
        }
        var quotations: [Int: [Int]] = [:]
        for index in credits.indices { quotations[sets.root(index), default: []].append(index) }
        return quotations.keys.sorted().compactMap { root in
            conflict(quotations[root] ?? [], credits, names: names, order: order)
        }
    }

    /// The words of `sentence` outside every occurrence of the quotation's words.
    static func wordsOutside(_ quotation: String, in sentence: String) -> [String] {
        var words = Terms.words(sentence)
        let quoted = Terms.words(quotation)
        guard !quoted.isEmpty else { return words }
        while let at = ConflictContext.position(of: quoted, in: words) {
            words.removeSubrange(at..<(at + quoted.count))
        }
        return words
    }

    /// The positions of one quotation's credits, one per speaker, when two or more outlets disagree.
    static func conflict(_ members: [Int], _ credits: [Credit], names: StoryNames, order: ArticleOrder) -> Conflict? {
        var bySpeaker: [String: [Int]] = [:]
        for index in members { bySpeaker[credits[index].speaker, default: []].append(index) }
        // Each article's speakers among the quotation's: the ones it credits and the ones it names beside the words.
        let speakers = Set(bySpeaker.keys)
        var speakersOf: [String: Set<String>] = [:]
        for index in members {
            let credit = credits[index]
            speakersOf[credit.article, default: []].formUnion(
                credit.named.intersection(speakers).union([credit.speaker]))
        }
        let positions: [Conflict.Position] = bySpeaker.keys.sorted().compactMap { speaker in
            let mine = (bySpeaker[speaker] ?? []).filter { speakersOf[credits[$0].article]?.count == 1 }
            guard !mine.isEmpty else { return nil }
            let display = names.name(speaker)?.display ?? speaker
            return Conflict.Position(
                statement: "Credited to \(display)", sources: order.ordered(mine.map { credits[$0].article }),
                evidence: Corroborate.unique(mine.map { credits[$0].sentence }))
        }
        guard positions.count >= 2, positions.count <= 3, let first = members.first else { return nil }
        let words = credits[first].text.split(separator: " ")
        let opening = words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
        return Conflict(id: "", subject: "Who said “\(opening)”", kind: .attribution, positions: positions)
    }
}
