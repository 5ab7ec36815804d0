import TriangulateText
import Foundation

/// Settings of the Corroborate stage; the defaults here are the ones `analyze` uses.
public struct CorroborateConfiguration: Sendable, Hashable {
    /// Similarity two claims need to state the same fact (see `ClaimSpace`).
    public var alignThreshold: Double
    /// Mean cosine between the claims of two groups (average link) needed for the groups to become one fact.
    public var groupCoherence: Double
    /// The same, when the two groups share an article: a second claim of one article joins a fact only when it
    /// restates it (headline and lede).
    public var sameArticleCoherence: Double
    /// What each kind of evidence weighs in the similarity.
    public var weights: AlignmentWeights
    /// Similarity kept when two claims give different values of one unit (they may be a conflict, not one fact).
    public var numberMismatchFactor: Double
    /// Similarity every member of a fact needs with the fact's central claim (its statement) to stay in it; 0 keeps
    /// every member the grouping joined.
    public var memberSupport: Double
    /// Cosine over words alone (no names, numbers or dates) every member of a fact needs with its central claim:
    /// two sentences naming the same people and saying different things about them are two facts.
    public var memberWords: Double
    /// Earlier holders of a feature (the latest ones) a claim retrieves as candidates (keeps cost near-linear).
    public var candidateFeatureCap: Int
    /// Earlier claims each claim is compared with, the best by shared rare features.
    public var candidatesPerClaim: Int
    /// Similarity two claims of different articles need for their numbers, days, places and outcomes to be compared.
    public var conflictPairThreshold: Double
    /// Similarity (before numbers are compared) two claims need for their numbers or days to be one slot.
    public var slotPairThreshold: Double
    /// Similarity two claims of different articles need for the days they give to be read as one slot filled
    /// differently: weekdays name many events, so days need claims closer than numbers do. (An answer — denied /
    /// did not respond — or a direction — scaling back / expanding — needs its two claims to be a related pair at
    /// all, `conflictPairThreshold`.)
    public var wordSlotPairThreshold: Double
    /// Largest ratio between two figures read as one quantity in dispute (see `NumericConflicts.comparable`).
    public var conflictRatio: Double
    /// Overlap of the words around two numbers (or of two claims with dates) needed to read them as the same slot.
    public var conflictThreshold: Double
    /// Features (words, names, numbers, dates, predicate classes) two claims must share to be aligned, or all the
    /// features of the one with fewer: one or two shared words ("has to stop", "express outrage") can score high
    /// between two short clauses that say different things. 1 turns the check off (a sentence encoder's cosine is
    /// evidence of its own: `meaning`).
    public var minimumShared: Int
    /// Share of an article's word 8-grams found in another for it to count as a copy.
    public var copyContainment: Double
    /// People no other outlet mentions, from one article, that raise the unverified-person severity.
    public var unverifiedCluster: Int
    /// A static sentence-embedding table (`make embeddings`, `analyze --embeddings FILE`) whose cosine joins the
    /// lexical similarity (`weights.embedding`); nil, the default, aligns on lexical evidence alone (BENCHMARKS.md says
    /// why).
    public var embeddings: StaticEmbeddings?
    /// A sentence encoder (the MiniLM transformer of TriangulateMiniLM, `analyze --minilm DIR`) used instead of
    /// `embeddings` when set: its cosine joins the lexical similarity as the table's does.
    public var encoder: SentenceEncoding?

    public init(
        alignThreshold: Double = 0.3, groupCoherence: Double = 0.15, sameArticleCoherence: Double = 0.15,
        weights: AlignmentWeights = AlignmentWeights(),
        numberMismatchFactor: Double = 0.5, memberSupport: Double = 0, memberWords: Double = 0,
        candidateFeatureCap: Int = 150, candidatesPerClaim: Int = 24,
        conflictPairThreshold: Double = 0.05, slotPairThreshold: Double = 0.1, wordSlotPairThreshold: Double = 0.2,
        conflictRatio: Double = 3, conflictThreshold: Double = 0.5,
        copyContainment: Double = 0.5, unverifiedCluster: Int = 3, minimumShared: Int = 3
    ) {
        self.alignThreshold = alignThreshold
        self.groupCoherence = groupCoherence
        self.sameArticleCoherence = sameArticleCoherence
        self.weights = weights
        self.numberMismatchFactor = numberMismatchFactor
        self.memberSupport = memberSupport
        self.memberWords = memberWords
        self.candidateFeatureCap = candidateFeatureCap
        self.candidatesPerClaim = candidatesPerClaim
        self.conflictPairThreshold = conflictPairThreshold
        self.slotPairThreshold = slotPairThreshold
        self.wordSlotPairThreshold = wordSlotPairThreshold
        self.conflictRatio = conflictRatio
        self.conflictThreshold = conflictThreshold
        self.copyContainment = copyContainment
        self.unverifiedCluster = unverifiedCluster
        self.minimumShared = minimumShared
    }

    public static let `default` = CorroborateConfiguration()

    /// The defaults with a sentence encoder's cosine blended in (share 0.3), pairs aligned from 0.35 and groups kept
    /// together from an average link of 0.55: the encoder's cosine is high between any two sentences of one story, so
    /// both bars rise. Cosine is blind to numbers ("cut 2,000 jobs" / "cut 5,000 jobs"), so two figures for one unit
    /// keep 0.3 of the score instead of 0.5, and the claims whose figures, days and outcomes are compared need 0.15
    /// instead of 0.05 (the cosine lifts every pair of one story). Chosen on the odd-topic gold (BENCHMARKS.md,
    /// "MiniLM").
    public static func meaning(_ encoder: any SentenceEncoder) -> CorroborateConfiguration {
        var configuration = CorroborateConfiguration(
            alignThreshold: 0.35, groupCoherence: 0.55, sameArticleCoherence: 0.15, numberMismatchFactor: 0.3,
            conflictPairThreshold: 0.15, minimumShared: 1)
        configuration.weights.embedding = 0.3
        configuration.encoder = SentenceEncoding(encoder)
        return configuration
    }
}

/// Stage 5: the articles of one story → facts with independent-source counts, conflicts, merged quotes, people,
/// entities, flags, a timeline and a per-source scorecard.
public struct Corroborate: Sendable {
    public var configuration: CorroborateConfiguration

    public init(configuration: CorroborateConfiguration = .default) {
        self.configuration = configuration
    }

    /// `knownCopies`: near-duplicate pairs the Cluster stage found (MinHash over word shingles, which catches light
    /// rewrites); they join the story's own copy detection (shared word 8-grams) in `lineage` and in counting
    /// independent sources.
    public func story(id: String, articles: [AnnotatedArticle], knownCopies: [LineageEdge] = []) -> Story {
        let stemmer = Stemmer()
        let names = StoryNames(articles)
        var story = Story(id: id, headline: Self.headline(articles), articles: articles.map(\.article.id))
        var claims: [Claim] = []
        for item in articles {
            claims += ClaimExtractor.claims(of: item, names: names, stemmer: stemmer, startIndex: claims.count)
        }
        let weights = Self.inverseFrequencies(claims)
        let copied = copies(articles, knownCopies: knownCopies, members: Set(story.articles))
        let articleOrder = ArticleOrder(story.articles)
        story.lineage = copied.lineage

        let space = ClaimSpace(
            claims, configuration: configuration,
            encoder: configuration.encoder?.encoder ?? configuration.embeddings)
        let grouping = FactGrouping(space: space, claims: claims, configuration: configuration)
        let pairs = grouping.edges()
        let groups = grouping.refined(grouping.groups(pairs.aligned)).sorted { a, b in
            let x = Set(a.map { claims[$0].article }).count
            let y = Set(b.map { claims[$0].article }).count
            return x != y ? x > y : a[0] < b[0]
        }
        let founding = StableIDs.foundingOrder(articles.map(\.article))
        let rank = Dictionary(founding.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var factAnchors: [String] = []
        for (number, group) in groups.enumerated() {
            let members = group.map { claims[$0] }
            factAnchors.append(StableIDs.anchor(members.map { ($0.article, $0.sentence, $0.text) }, rank: rank))
            story.facts.append(
                fact(
                    number: number, members: members, statement: claims[grouping.central(of: group)].text,
                    order: articleOrder, copied: copied))
        }
        let articleWords = Dictionary(
            articles.map { ($0.article.id, Set(Terms.words($0.article.text))) }, uniquingKeysWith: { a, _ in a })
        story.conflicts = Conflicts.find(
            ConflictContext(
                claims: claims, names: names, weights: weights, order: articleOrder, related: pairs.related,
                configuration: configuration),
            articleWords: articleWords, articles: articles)
        Self.markDisputed(&story)
        story.quotes = Self.quotes(articles, names: names, order: articleOrder)
        story.people = names.order.compactMap { key in
            guard let name = names.name(key), name.kind == .person else { return nil }
            return StoryPerson(name: name.display, role: name.role, sources: Self.ordered(name.sources, articleOrder))
        }
        story.entities = names.order.compactMap { key in
            guard let name = names.name(key), name.kind != .person else { return nil }
            return StoryEntity(name: name.display, type: name.kind, sources: Self.ordered(name.sources, articleOrder))
        }
        story.flags = flags(articles, articleWords, names: names, story: story)
        story.timeline = Self.timeline(articles, order: articleOrder)
        story.sources = Self.sourceScores(story)
        StableIDs.assign(&story, factAnchors: factAnchors, rank: rank)
        return story
    }

    // MARK: Alignment

    static func inverseFrequencies(_ claims: [Claim]) -> [String: Double] {
        var frequency: [String: Int] = [:]
        for claim in claims { for stem in claim.stems { frequency[stem, default: 0] += 1 } }
        let total = Double(max(claims.count, 1))
        return frequency.mapValues { log(1 + total / Double($0)) }
    }

    // MARK: Conflicts

    /// Claims with exactly one predicate class among `classes`, grouped by the actor the predicate is about, then by
    /// that class.
    static func bySubject(
        _ claims: [Claim], classes: Set<Predicates.Class>, names: StoryNames
    ) -> [String: [Predicates.Class: [Claim]]] {
        var grouped: [String: [Predicates.Class: [Claim]]] = [:]
        for claim in claims {
            let kinds = claim.classes.intersection(classes)
            guard kinds.count == 1, let kind = kinds.first else { continue }
            for subject in claim.subjects(of: kind, names) {
                grouped[subject, default: [:]][kind, default: []].append(claim)
            }
        }
        return grouped
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    // MARK: Flags, timeline

    /// People quoted or named with a role by one outlet and mentioned by no other ("High severity" when one article
    /// holds `unverifiedCluster` or more of them).
    func unverifiedPeople(_ articleWords: [String: Set<String>], story: Story) -> [StoryFlag] {
        var flags: [StoryFlag] = []
        // Unverified people: quoted or named with a role by one outlet, mentioned by no other.
        var unverified: [String: [(name: String, role: String?)]] = [:]
        let speakers = Set(story.quotes.compactMap(\.speaker))
        let candidates = story.people.filter { person in
            person.sources.count == 1 && (person.role != nil || speakers.contains(person.name))
        }
        // Which articles print each candidate's surname: one pass over every article's words.
        let surnames = Set(candidates.compactMap { $0.name.split(separator: " ").last?.lowercased() })
        var printedBy: [String: Set<String>] = [:]
        for (id, words) in articleWords {
            for word in words where surnames.contains(word) { printedBy[word, default: []].insert(id) }
        }
        for person in candidates {
            let article = person.sources[0]
            guard let surname = person.name.split(separator: " ").last?.lowercased() else { continue }
            let elsewhere = printedBy[surname, default: []].contains { $0 != article }
            if !elsewhere { unverified[article, default: []].append((person.name, person.role)) }
        }
        for article in story.articles {
            guard let people = unverified[article] else { continue }
            for (name, role) in people {
                var detail =
                    "Named\(role.map { " as “\($0)”" } ?? "") by this outlet only; no other outlet in the story mentions them."
                if people.count >= configuration.unverifiedCluster {
                    detail =
                        "High severity: this outlet quotes \(people.count) people no other outlet mentions. " + detail
                }
                flags.append(StoryFlag(kind: "unverified-person", article: article, subject: name, detail: detail))
            }
        }
        return flags
    }

    /// `articleWords`: each article's words (lowercased), by article id.
    func flags(
        _ articles: [AnnotatedArticle], _ articleWords: [String: Set<String>], names: StoryNames, story: Story
    ) -> [StoryFlag] {
        var flags = unverifiedPeople(articleWords, story: story)
        // Quotes only one outlet carries.
        for quote in story.quotes where quote.sources.count == 1 && Terms.words(quote.text).count >= 6 {
            flags.append(
                StoryFlag(
                    kind: "single-source-quote", article: quote.sources[0], subject: quote.speaker ?? "unattributed",
                    detail: "“\(quote.text)” appears in no other outlet."))
        }
        // Numbers only one outlet gives.
        var holders: [String: Set<String>] = [:]
        for item in articles {
            for quantity in item.annotations.quantities {
                holders["\(quantity.unit)|\(quantity.value)", default: []].insert(item.article.id)
            }
        }
        for item in articles {
            var done: Set<String> = []
            for quantity in item.annotations.quantities {
                let key = "\(quantity.unit)|\(quantity.value)"
                guard holders[key]?.count == 1, !done.contains(key) else { continue }
                guard quantity.kind != .count || quantity.value >= 10 else { continue }
                done.insert(key)
                flags.append(
                    StoryFlag(
                        kind: "single-source-number", article: item.article.id, subject: quantity.text,
                        detail: "Only this outlet gives this number: “\(quantity.sentence)”"))
            }
        }
        return flags
    }

    static func timeline(_ articles: [AnnotatedArticle], order: ArticleOrder) -> [TimelineEntry] {
        // A month-day date printed without a year takes the year that puts it nearest the story's date: the median
        // publication date of its dated articles, or else the median of the full dates (day, month and year) its
        // texts print. Bare years ("in 2020", often background) are never used; without either, such dates stay
        // off the timeline.
        let anchor = storyAnchor(articles)
        var entries: [String: (event: String, sources: [String])] = [:]
        for item in articles {
            for date in item.annotations.dates where date.granularity == .day || date.granularity == .weekend {
                var day = date.day
                if day == nil, let value = date.value, value.year == nil, let month = value.month, let d = value.day,
                    let anchor
                {
                    day = nearestYear(month: month, day: d, to: anchor)
                }
                guard let day else { continue }
                let key = day.iso
                var event = shorten(date.sentence)
                if date.sentence.hasPrefix("—") || date.sentence.hasPrefix("–"),
                    let post = item.annotations.quotes.first(where: { quote in
                        quote.speaker.map { date.sentence.includes($0) } ?? false && quote.sentence == quote.text
                    }), let speaker = post.speaker
                {
                    event = shorten("\(speaker) posts: “\(post.text)”")
                }
                if var entry = entries[key] {
                    if !entry.sources.contains(item.article.id) { entry.sources.append(item.article.id) }
                    if event.count < entry.event.count { entry.event = event }
                    entries[key] = entry
                } else {
                    entries[key] = (event, [item.article.id])
                }
            }
        }
        return entries.sorted { $0.key < $1.key }.map { key, entry in
            TimelineEntry(date: key, event: entry.event, sources: ordered(entry.sources, order))
        }
    }

    /// The median publication date of the story's dated articles; else the median full date printed in its texts;
    /// else nil.
    static func storyAnchor(_ articles: [AnnotatedArticle]) -> CalendarDate? {
        func median(_ dates: [CalendarDate]) -> CalendarDate? {
            let numbered = dates.compactMap { date in date.dayNumber.map { ($0, date) } }.sorted { $0.0 < $1.0 }
            return numbered.isEmpty ? nil : numbered[numbered.count / 2].1
        }
        if let published = median(articles.compactMap(\.article.published)) { return published }
        return median(articles.flatMap { $0.annotations.dates.filter { !$0.relative }.compactMap(\.day) })
    }

    /// `month`/`day` in the year (the anchor's, or one either side) that lies nearest `anchor`.
    static func nearestYear(month: Int, day: Int, to anchor: CalendarDate) -> CalendarDate? {
        guard let year = anchor.year, let center = anchor.dayNumber else { return nil }
        return [year - 1, year, year + 1].filter { CalendarDate.isValid(year: $0, month: month, day: day) }
            .map { CalendarDate(year: $0, month: month, day: day) }
            .min { abs(($0.dayNumber ?? 0) - center) < abs(($1.dayNumber ?? 0) - center) }
    }

    static func shorten(_ sentence: String) -> String {
        guard sentence.count > 220 else { return sentence }
        return String(sentence.prefix(217)) + "…"
    }

    // MARK: Helpers

    static func headline(_ articles: [AnnotatedArticle]) -> String {
        let titles = articles.compactMap { $0.article.title }
        guard !titles.isEmpty else {
            return articles.first?.annotations.sentences.first.map { shorten($0.text) } ?? ""
        }
        let sets = titles.map { Set(Terms.words($0).filter { !Terms.stopWords.contains($0) }) }
        var best = 0
        var bestScore = -1.0
        // Past a few dozen titles, each scores the mean number of other titles sharing its words (linear cost)
        // instead of its summed overlap with every other title.
        var frequency: [String: Int] = [:]
        if sets.count > 48 { for set in sets { for word in set { frequency[word, default: 0] += 1 } } }
        for (i, set) in sets.enumerated() {
            let score: Double
            if sets.count > 48 {
                score = set.isEmpty ? 0 : set.reduce(0.0) { $0 + Double((frequency[$1] ?? 1) - 1) } / Double(set.count)
            } else {
                score = sets.enumerated().reduce(0.0) { total, other in
                    other.offset == i || set.isEmpty
                        ? total
                        : total + Double(set.intersection(other.element).count) / Double(set.union(other.element).count)
                }
            }
            if score > bestScore {
                bestScore = score
                best = i
            }
        }
        return titles[best]
    }

    /// Article ids, deduplicated, in the story's order.
    static func ordered(_ ids: [String], _ order: ArticleOrder) -> [String] { order.ordered(ids) }

}
