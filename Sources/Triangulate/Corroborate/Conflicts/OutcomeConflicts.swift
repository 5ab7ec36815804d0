import TriangulateText
/// Outcomes in dispute: related claims of different articles say one thing happened and did not happen ("was charged
/// with three counts" vs "has not yet been charged"): a content word both share, negated in one and not in the other.
enum OutcomeConflicts {
    /// Negations of a verb ("no" negates nouns: "no plans" is not an outcome).
    static let negations: Set<String> = Lexicon.shared.words(.outcomeConflictsNegations)
    /// Words that may stand between the negation and the participle ("has not yet been charged").
    static let between: Set<String> = Lexicon.shared.words(.between)
    /// Auxiliaries after a subject ("no gun has", "nobody was").
    static let auxiliaries: Set<String> = Lexicon.shared.words(.auxiliaries)
    /// Subjects that negate their clause ("nobody", "nothing").
    static let subjectNegations: Set<String> = Lexicon.shared.words(.subjectNegations)
    /// Determiners that negate the subject they open ("no gun has been recovered").
    static let negatingDeterminers: Set<String> = Lexicon.shared.words(.negatingDeterminers)
    /// Outcomes news reports as having happened or not, besides the predicate classes' ("recovered", "indicted").
    static let outcomeParticiples: Set<String> = Lexicon.shared.words(.outcomeParticiples)

    /// Participles of a clause ("charged", "arrested", "sworn"), each with whether a verb negation stands before it
    /// (with only auxiliaries between), and the phrase from the negation to the word.
    static func polarities(_ claim: Claim, stemmer: Stemmer) -> [String: Polarity] {
        let words = Terms.words(claim.text)
        var result: [String: Polarity] = [:]
        var mixed: Set<String> = []
        for (index, word) in words.enumerated() where !Terms.stopWords.contains(word) && word.count > 3 {
            // Topic classes ("charged", "arrested") and the gazetteer's outcome participles ("recovered",
            // "indicted") are outcomes; status and direction words are other conflicts, and any other participle
            // ("determined", "submitted", "scored") too often says two things of two subjects to be disputed.
            guard
                outcomeParticiples.contains(word)
                    || ((word.hasSuffix("ed") || word.hasSuffix("en"))
                        && Predicates.words[word].map(Predicates.topicClasses.contains) ?? false)
            else { continue }
            let stem = stemmer.stem(word)
            guard claim.stems.contains(stem) else { continue }
            var start = index - 1
            while start >= 0, between.contains(words[start]) { start -= 1 }
            var negation = start >= 0 && negations.contains(words[start]) ? start : nil
            var subject: String?
            // "No gun has been recovered", "nobody was charged": the subject negates the clause.
            if negation == nil, start >= 1, auxiliaries.contains(words[start]) {
                if subjectNegations.contains(words[start - 1]) {
                    negation = start - 1
                } else if start >= 2, negatingDeterminers.contains(words[start - 2]),
                    !Terms.stopWords.contains(words[start - 1])
                {
                    negation = start - 2
                    subject = stemmer.stem(words[start - 1])
                }
            }
            let phrase = negation.map { words[$0...index].joined(separator: " ") } ?? word
            if let known = result[stem], known.negated != (negation != nil) { mixed.insert(stem) }
            result[stem] = Polarity(negated: negation != nil, phrase: phrase, subject: subject)
        }
        for stem in mixed { result[stem] = nil }
        return result
    }

    /// A participle's polarity in a claim: negated or not, the words from the negation to it, and the noun a "no"
    /// subject names ("no gun has been recovered": gun), which the other account must mention too.
    struct Polarity {
        var negated: Bool
        var phrase: String
        var subject: String?
    }

    /// Whether a word of stem `noun` stands within `window` words of a word of stem `verb` in the claim.
    static func near(_ noun: String, _ verb: String, in claim: Claim, _ stemmer: Stemmer, window: Int = 3) -> Bool {
        let stems = Terms.words(claim.text).map { stemmer.stem($0) }
        return stems.indices.contains { index in
            stems[index] == verb
                && stems[max(0, index - window)...min(stems.count - 1, index + window)].contains(noun)
        }
    }

    /// Two accounts of one outcome, each in the outlet's own words: a participle inside quotation marks is someone's
    /// words ("we should strengthen it, not weaken it"), and one said of different people is two outcomes ("Voss
    /// was charged with arson", "Hale has not been charged").
    static func settled(
        _ left: Polarity, in a: Claim, _ right: Polarity, in b: Claim, _ context: ConflictContext
    ) -> Bool {
        guard !ClaimExtractor.isQuoted(left.phrase, in: a.text), !ClaimExtractor.isQuoted(right.phrase, in: b.text),
            let x = left.phrase.split(separator: " ").last, let y = right.phrase.split(separator: " ").last
        else { return false }
        return ConflictContext.sameActors(
            context.actors(before: String(x), in: a), context.actors(before: String(y), in: b))
    }

    static func find(_ context: ConflictContext) -> [Conflict] {
        struct Mention {
            var claim: Int
            var stem: String
            var negated: Bool
            var phrase: String
        }
        var mentions: [Mention] = []
        var index: [String: Int] = [:]  // "claim|stem" → mention
        var cache: [Int: [String: Polarity]] = [:]
        func polarity(_ claim: Int) -> [String: Polarity] {
            if let known = cache[claim] { return known }
            let value = polarities(context.claims[claim], stemmer: context.stemmer)
            cache[claim] = value
            return value
        }
        func mention(_ claim: Int, _ stem: String, _ value: Polarity) -> Int {
            let key = "\(claim)|\(stem)"
            if let known = index[key] { return known }
            index[key] = mentions.count
            mentions.append(Mention(claim: claim, stem: stem, negated: value.negated, phrase: value.phrase))
            return mentions.count - 1
        }
        var links: [(Int, Int)] = []
        for (a, b, _) in context.reportedPairs(minimum: context.configuration.alignThreshold) {
            let x = polarity(a)
            let y = polarity(b)
            for (stem, left) in x.sorted(by: { $0.key < $1.key }) {
                guard let right = y[stem], left.negated != right.negated else { continue }
                // "No decision has been reached" says nothing of "reached a deal", even in a sentence that mentions a
                // decision elsewhere: the other account must tie the noun to the same verb.
                if let subject = left.subject, !near(subject, stem, in: context.claims[b], context.stemmer) { continue }
                if let subject = right.subject, !near(subject, stem, in: context.claims[a], context.stemmer) {
                    continue
                }
                guard settled(left, in: context.claims[a], right, in: context.claims[b], context) else { continue }
                links.append((mention(a, stem, left), mention(b, stem, right)))
            }
        }
        let slots = SlotGrouping.positions(
            count: mentions.count, links: links, article: { context.claims[mentions[$0].claim].article },
            agree: { mentions[$0].negated == mentions[$1].negated && mentions[$0].stem == mentions[$1].stem })
        return slots.compactMap { positions in
            let first = mentions[positions[0][0]]
            guard positions.allSatisfy({ mentions[$0[0]].stem == first.stem }) else { return nil }
            let word = context.claims[first.claim].words[first.stem] ?? first.stem
            return Conflict(
                id: "", subject: "Whether \(word)", kind: .outcome,
                positions: positions.map { indices in
                    let mention = mentions[indices[0]]
                    return context.position(
                        mention.negated ? mention.phrase : word, indices.map { mentions[$0].claim })
                })
        }
    }
}
