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
    /// Features held by more claims than this score pairs but do not retrieve candidates (keeps cost near-linear).
    public var candidateFeatureCap: Int
    /// Earlier claims each claim is compared with, the best by shared rare features.
    public var candidatesPerClaim: Int
    /// Overlap of the words around two numbers (or of two claims with dates) needed to read them as the same slot.
    public var conflictThreshold: Double
    /// Share of an article's word 8-grams found in another for it to count as a copy.
    public var copyContainment: Double
    /// People no other outlet mentions, from one article, that raise the unverified-person severity.
    public var unverifiedCluster: Int

    public init(
        alignThreshold: Double = 0.3, groupCoherence: Double = 0.3, sameArticleCoherence: Double = 0.3, weights: AlignmentWeights = AlignmentWeights(),
        numberMismatchFactor: Double = 0.5, candidateFeatureCap: Int = 150, candidatesPerClaim: Int = 24, conflictThreshold: Double = 0.5,
        copyContainment: Double = 0.5, unverifiedCluster: Int = 3
    ) {
        self.alignThreshold = alignThreshold
        self.groupCoherence = groupCoherence
        self.sameArticleCoherence = sameArticleCoherence
        self.weights = weights
        self.numberMismatchFactor = numberMismatchFactor
        self.candidateFeatureCap = candidateFeatureCap
        self.candidatesPerClaim = candidatesPerClaim
        self.conflictThreshold = conflictThreshold
        self.copyContainment = copyContainment
        self.unverifiedCluster = unverifiedCluster
    }

    public static let `default` = CorroborateConfiguration()
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
        story.lineage = Self.lineage(articles, threshold: configuration.copyContainment)
        let members = Set(story.articles)
        for edge in knownCopies where members.contains(edge.copy) && members.contains(edge.original) {
            if !story.lineage.contains(where: { $0.copy == edge.copy }) { story.lineage.append(edge) }
        }
        let copies = Dictionary(story.lineage.map { ($0.copy, $0.original) }, uniquingKeysWith: { a, _ in a })

        let space = ClaimSpace(claims, configuration: configuration)
        let grouping = FactGrouping(space: space, claims: claims, configuration: configuration)
        let groups = grouping.groups().sorted { a, b in
            let x = Set(a.map { claims[$0].article }).count
            let y = Set(b.map { claims[$0].article }).count
            return x != y ? x > y : a[0] < b[0]
        }
        for (number, group) in groups.enumerated() {
            let members = group.map { claims[$0] }
            let sources = Self.ordered(members.map(\.article), story.articles)
            // The statement: the member most like the others (the shorter at a tie).
            var central = group[0]
            var best = -1.0
            for candidate in group {
                let total = group.prefix(24).reduce(0.0) { $0 + grouping.score(candidate, $1) }
                if total > best || (total == best && claims[candidate].text.count < claims[central].text.count) {
                    best = total
                    central = candidate
                }
            }
            let independent = Self.independentCount(sources, copies: copies)
            story.facts.append(
                Fact(
                    id: "fact-\(number + 1)", statement: claims[central].text, sources: sources,
                    independentSources: independent,
                    status: independent >= 2 ? .corroborated : .singleSource,
                    evidence: members.map { Evidence(article: $0.article, sentence: $0.sentence) }))
        }
        story.conflicts = conflicts(claims, names: names, weights: weights, story: story)
        // A fact is disputed when its own evidence takes two sides of one conflict.
        for index in story.facts.indices {
            let sentences = Set(story.facts[index].evidence.map(\.sentence))
            let split = story.conflicts.contains { conflict in
                conflict.positions.filter { !sentences.isDisjoint(with: $0.evidence) }.count >= 2
            }
            if split { story.facts[index].status = .disputed }
        }
        story.quotes = Self.quotes(articles, names: names, order: story.articles)
        story.people = names.order.compactMap { key in
            guard let name = names.name(key), name.kind == .person else { return nil }
            return StoryPerson(name: name.display, role: name.role, sources: Self.ordered(name.sources, story.articles))
        }
        story.entities = names.order.compactMap { key in
            guard let name = names.name(key), name.kind != .person else { return nil }
            return StoryEntity(name: name.display, type: name.kind, sources: Self.ordered(name.sources, story.articles))
        }
        story.flags = flags(articles, names: names, story: story)
        story.timeline = Self.timeline(articles, order: story.articles)
        story.sources = story.articles.map { article in
            let mine = story.facts.filter { $0.sources.contains(article) }
            return SourceScore(
                article: article, facts: mine.count, corroborated: mine.filter { $0.independentSources >= 2 }.count,
                unique: mine.filter { $0.sources.count == 1 }.count,
                contradicted: story.conflicts.filter { $0.positions.contains { $0.sources.contains(article) } }.count,
                flags: story.flags.filter { $0.article == article }.count)
        }
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

    func conflicts(_ claims: [Claim], names: StoryNames, weights: [String: Double], story: Story) -> [Conflict] {
        var result: [Conflict] = []
        let reported = claims.filter { !$0.quoted }

        // Status: one actor, answers of different kinds in different articles.
        let statuses = Self.bySubject(reported, classes: Predicates.statusClasses, names: names)
        for key in names.order {
            guard let byKind = statuses[key], byKind.count >= 2, let name = names.name(key) else { continue }
            let kinds = Predicates.Class.allCases.filter { byKind[$0] != nil }
            let articleSets = kinds.map { Set(byKind[$0]!.map(\.article)) }
            // Different articles must disagree: some pair of kinds told by disjoint sets of outlets.
            let disagree = articleSets.indices.contains { i in
                articleSets.indices.contains { j in
                    i < j && !articleSets[i].subtracting(articleSets[j]).isEmpty
                        && !articleSets[j].subtracting(articleSets[i]).isEmpty
                }
            }
            guard disagree else { continue }
            result.append(
                Conflict(
                    id: "", subject: "How \(name.display) responded", kind: .status,
                    positions: kinds.map { kind in
                        Conflict.Position(
                            statement: "\(name.display) \(Predicates.describe(kind))",
                            sources: Self.ordered(byKind[kind]!.map(\.article), story.articles),
                            evidence: byKind[kind]!.map(\.sentence))
                    }))
        }

        // Polarity: one actor scaling back in some articles, expanding in others, about a shared topic.
        let directions = Self.bySubject(reported, classes: Predicates.directionClasses, names: names)
        for key in names.order {
            guard let byKind = directions[key], let up = byKind[.increase], let down = byKind[.decrease],
                let name = names.name(key)
            else { continue }
            var topic: [String: Double] = [:]
            for a in up {
                for b in down where a.article != b.article {
                    let own = Set(Terms.words(name.display))
                    for stem in a.stems.intersection(b.stems) where !own.contains(a.words[stem] ?? stem) {
                        topic[a.words[stem] ?? stem, default: 0] += weights[stem] ?? 1
                    }
                    if a.classes.contains(.electricVehicle) && b.classes.contains(.electricVehicle) {
                        topic["electric vehicles", default: 0] += 2
                    }
                }
            }
            guard let subject = topic.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
            else {
                continue
            }
            let upArticles = Set(up.map(\.article))
            let downArticles = Set(down.map(\.article))
            guard !upArticles.subtracting(downArticles).isEmpty, !downArticles.subtracting(upArticles).isEmpty else {
                continue
            }
            result.append(
                Conflict(
                    id: "", subject: "Whether \(name.display) is scaling back or expanding (\(subject))",
                    kind: .polarity,
                    positions: [
                        .init(
                            statement: "\(name.display) is scaling back",
                            sources: Self.ordered(Array(downArticles), story.articles), evidence: down.map(\.sentence)),
                        .init(
                            statement: "\(name.display) is expanding or accelerating",
                            sources: Self.ordered(Array(upArticles), story.articles), evidence: up.map(\.sentence)),
                    ]))
        }

        // Numbers: the same slot (same unit, the same words around the number) given different values.
        struct Slot {
            var claim: Claim
            var quantity: Quantity
            var context: Set<String>
        }
        let stemmer = Stemmer()
        var slots: [Slot] = []
        for claim in reported {
            // Numbers inside quotation marks are someone's words, not the outlet's figure.
            for quantity in claim.quantities where !ClaimExtractor.isQuoted(quantity.text, in: claim.text) {
                // Numbers of one unit in a clause that says the value changed ("100%, temporarily increased to
                // 145%") describe one slot: they share their words.
                let changes = claim.classes.contains(.increase) || claim.classes.contains(.decrease)
                let siblings = changes ? claim.quantities.filter { $0.unit == quantity.unit } : [quantity]
                let context = siblings.reduce(into: Set<String>()) {
                    $0.formUnion(Self.context(of: $1.text, in: claim.text, stemmer: stemmer))
                }
                slots.append(Slot(claim: claim, quantity: quantity, context: context))
            }
        }
        var seen: Set<String> = []
        var byUnit: [String: [Int]] = [:]
        for (index, slot) in slots.enumerated() { byUnit[slot.quantity.unit, default: []].append(index) }
        for (i, a) in slots.enumerated() {
            for other in byUnit[a.quantity.unit]! where other > i {
                let b = slots[other]
                guard a.claim.article != b.claim.article else { continue }
                guard a.quantity.value != b.quantity.value else { continue }
                let shared = a.context.intersection(b.context)
                let overlap = Double(shared.count) / Double(max(1, min(a.context.count, b.context.count)))
                guard shared.count >= 3 || (shared.count >= 2 && overlap >= configuration.conflictThreshold) else {
                    continue
                }
                // Not a conflict when each article also gives the other's value for this slot.
                let aValues = Set(
                    slots.filter {
                        $0.claim.article == a.claim.article && $0.quantity.unit == a.quantity.unit
                            && !$0.context.isDisjoint(with: shared)
                    }.map(\.quantity.value))
                let bValues = Set(
                    slots.filter {
                        $0.claim.article == b.claim.article && $0.quantity.unit == b.quantity.unit
                            && !$0.context.isDisjoint(with: shared)
                    }.map(\.quantity.value))
                guard !(aValues.contains(b.quantity.value) && bValues.contains(a.quantity.value)) else { continue }
                let signature = "n|\(a.quantity.unit)|\([a.quantity.value, b.quantity.value].sorted())"
                guard !seen.contains(signature) else { continue }
                seen.insert(signature)
                let words = shared.sorted { (weights[$0] ?? 0, $1) > (weights[$1] ?? 0, $0) }.prefix(3).compactMap {
                    a.claim.words[$0] ?? b.claim.words[$0]
                }
                let topic = words.isEmpty ? a.quantity.unit : words.joined(separator: ", ")
                let holdersA = slots.filter {
                    $0.quantity.unit == a.quantity.unit && $0.quantity.value == a.quantity.value
                        && !$0.context.isDisjoint(with: shared)
                }
                let holdersB = slots.filter {
                    $0.quantity.unit == b.quantity.unit && $0.quantity.value == b.quantity.value
                        && !$0.context.isDisjoint(with: shared)
                }
                result.append(
                    Conflict(
                        id: "", subject: "The figure for \(topic)", kind: .numeric,
                        positions: [(a, holdersA), (b, holdersB)].map { slot, holders in
                            .init(
                                statement: slot.quantity.text,
                                sources: Self.ordered(holders.map(\.claim.article), story.articles),
                                evidence: Self.unique(holders.map(\.claim.sentence)))
                        }))
            }
        }
        // Dates: the same event (the same words around the date) on different calendar days.
        var dateSlots: [(claim: Claim, date: DateMention, day: String, context: Set<String>)] = []
        for claim in reported {
            for date in claim.dates where date.granularity == .day {
                // Calendar dates ("August 12", "January 14, 2026"), not weekdays or "yesterday".
                guard let value = date.value, value.month != nil, value.day != nil,
                    DateGrammar.months[Terms.words(date.text).first ?? ""] != nil || !date.relative,
                    !ClaimExtractor.isQuoted(date.text, in: claim.text)
                else { continue }
                dateSlots.append(
                    (claim, date, Self.monthDay(value), Self.context(of: date.text, in: claim.text, stemmer: stemmer)))
            }
        }
        for (i, a) in dateSlots.enumerated() {
            for b in dateSlots[(i + 1)...] where a.claim.article != b.claim.article && a.day != b.day {
                let shared = a.context.intersection(b.context)
                let overlap = Double(shared.count) / Double(max(1, min(a.context.count, b.context.count)))
                guard shared.count >= 3 || (shared.count >= 2 && overlap >= configuration.conflictThreshold) else {
                    continue
                }
                // Not a conflict when each article also gives the other's day for this event.
                let aDays = Set(
                    dateSlots.filter { $0.claim.article == a.claim.article && !$0.context.isDisjoint(with: shared) }
                        .map(\.day))
                let bDays = Set(
                    dateSlots.filter { $0.claim.article == b.claim.article && !$0.context.isDisjoint(with: shared) }
                        .map(\.day))
                guard !(aDays.contains(b.day) && bDays.contains(a.day)) else { continue }
                let signature = "d|\([a.day, b.day].sorted())"
                guard !seen.contains(signature) else { continue }
                seen.insert(signature)
                let words = shared.filter { !$0.hasPrefix("#") }.sorted {
                    (weights[$0] ?? 0, $1) > (weights[$1] ?? 0, $0)
                }
                .prefix(3).compactMap { a.claim.words[$0] ?? b.claim.words[$0] }
                let topic = words.isEmpty ? "the same event" : words.joined(separator: ", ")
                let holdersA = dateSlots.filter { $0.day == a.day && !$0.context.isDisjoint(with: shared) }
                let holdersB = dateSlots.filter { $0.day == b.day && !$0.context.isDisjoint(with: shared) }
                result.append(
                    Conflict(
                        id: "", subject: "The date of \(topic)", kind: .date,
                        positions: [(a, holdersA), (b, holdersB)].map { slot, holders in
                            .init(
                                statement: slot.date.text,
                                sources: Self.ordered(holders.map(\.claim.article), story.articles),
                                evidence: Self.unique(holders.map(\.claim.sentence)))
                        }))
            }
        }
        result = Self.mergeNumeric(result)
        for index in result.indices { result[index].id = "conflict-\(index + 1)" }
        return result
    }

    /// Stems of the words within eight words of `phrase` in `text` (numbers left out), and of the counted noun.
    static func context(of phrase: String, in text: String, stemmer: Stemmer) -> Set<String> {
        let words = Terms.words(text)
        let target = Terms.words(phrase)
        guard let first = target.first, let start = words.firstIndex(of: first) else { return [] }
        let low = max(0, start - 8)
        let high = min(words.count, start + target.count + 8)
        var context: Set<String> = []
        var window: [String] = []
        for position in low..<high where position < start || position >= start + target.count {
            let word = words[position]
            window.append(word)
            guard !Terms.stopWords.contains(word), Int(word) == nil, word.count > 1 else { continue }
            if Predicates.words[word] == nil { context.insert(stemmer.stem(word)) }
        }
        // "fine" and "penalty", "evacuate" and "got out": the predicate classes around the number count as words.
        for kind in Predicates.analyze(window).classes { context.insert(kind.rawValue) }
        // "1,800 workers" and "2,100 workers": the counted noun is part of the slot.
        if let noun = target.last, Int(noun) == nil, !Terms.stopWords.contains(noun) {
            context.insert(stemmer.stem(noun))
        }
        return context
    }

    /// "nine vs 14 routes", "nine vs six", "14 vs six": one conflict with three positions.
    static func mergeNumeric(_ conflicts: [Conflict]) -> [Conflict] {
        var merged: [Conflict] = []
        for conflict in conflicts {
            guard conflict.kind == .numeric,
                let index = merged.firstIndex(where: { other in
                    other.kind == .numeric
                        && !Set(other.positions.map(\.statement)).isDisjoint(with: conflict.positions.map(\.statement))
                })
            else {
                merged.append(conflict)
                continue
            }
            for position in conflict.positions {
                if let existing = merged[index].positions.firstIndex(where: { $0.statement == position.statement }) {
                    let sources = Set(merged[index].positions[existing].sources).union(position.sources)
                    let order = merged[index].positions[existing].sources + position.sources
                    merged[index].positions[existing].sources = order.filter { sources.contains($0) }.reduce(into: []) {
                        if !$0.contains($1) { $0.append($1) }
                    }
                    merged[index].positions[existing].evidence = unique(
                        merged[index].positions[existing].evidence + position.evidence)
                } else {
                    merged[index].positions.append(position)
                }
            }
        }
        return merged
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    static func monthDay(_ date: CalendarDate) -> String {
        CalendarDate(year: nil, month: date.month, day: date.day).iso
    }

    /// The rarest words two claims share, as a readable subject.
    static func topic(_ a: Claim, _ b: Claim, weights: [String: Double], excluding: String) -> String {
        let shared = a.stems.intersection(b.stems).filter { $0 != excluding && Int($0) == nil }
        let words = shared.sorted { (weights[$0] ?? 0, $1) > (weights[$1] ?? 0, $0) }.prefix(3).compactMap {
            a.words[$0]
        }
        return words.isEmpty ? "the same claim" : words.joined(separator: ", ")
    }

    // MARK: Quotes, flags, timeline

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

    func flags(_ articles: [AnnotatedArticle], names: StoryNames, story: Story) -> [StoryFlag] {
        var flags: [StoryFlag] = []
        // Unverified people: quoted or named with a role by one outlet, mentioned by no other.
        var unverified: [String: [String]] = [:]
        for person in story.people where person.sources.count == 1 {
            let article = person.sources[0]
            let quoted = story.quotes.contains { $0.speaker == person.name }
            guard person.role != nil || quoted, let surname = person.name.split(separator: " ").last else { continue }
            let elsewhere = articles.contains {
                $0.article.id != article && Terms.words($0.article.text).contains(surname.lowercased())
            }
            if !elsewhere { unverified[article, default: []].append(person.name) }
        }
        for article in story.articles {
            guard let people = unverified[article] else { continue }
            for name in people {
                let role = story.people.first { $0.name == name }?.role
                var detail =
                    "Named\(role.map { " as “\($0)”" } ?? "") by this outlet only; no other outlet in the story mentions them."
                if people.count >= configuration.unverifiedCluster {
                    detail =
                        "High severity: this outlet quotes \(people.count) people no other outlet mentions. " + detail
                }
                flags.append(StoryFlag(kind: "unverified-person", article: article, subject: name, detail: detail))
            }
        }
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

    static func timeline(_ articles: [AnnotatedArticle], order: [String]) -> [TimelineEntry] {
        // The story's year, for month-day dates printed without one.
        var years: [Int: Int] = [:]
        for item in articles {
            if let year = item.article.published?.year { years[year, default: 0] += 2 }
            for date in item.annotations.dates { if let year = date.day?.year { years[year, default: 0] += 1 } }
        }
        let storyYear = years.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        var entries: [String: (event: String, sources: [String])] = [:]
        for item in articles {
            for date in item.annotations.dates where date.granularity == .day || date.granularity == .weekend {
                var day = date.day
                if day == nil, let value = date.value, value.year == nil, let month = value.month, let d = value.day,
                    let storyYear
                {
                    day = CalendarDate(year: storyYear, month: month, day: d)
                }
                guard let day else { continue }
                let key = day.iso
                var event = shorten(date.sentence)
                if date.sentence.hasPrefix("—") || date.sentence.hasPrefix("–"),
                    let post = item.annotations.quotes.first(where: { quote in
                        quote.speaker.map { date.sentence.includes($0) } ?? false && quote.sentence == quote.text
                    })
                {
                    event = shorten("\(post.speaker!) posts: “\(post.text)”")
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
        return entries.keys.sorted().map { key in
            TimelineEntry(date: key, event: entries[key]!.event, sources: ordered(entries[key]!.sources, order))
        }
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
        for (i, set) in sets.enumerated() {
            let score = sets.enumerated().reduce(0.0) { total, other in
                other.offset == i || set.isEmpty
                    ? total
                    : total + Double(set.intersection(other.element).count) / Double(set.union(other.element).count)
            }
            if score > bestScore {
                bestScore = score
                best = i
            }
        }
        return titles[best]
    }

    /// Article ids, deduplicated, in the story's order.
    static func ordered(_ ids: [String], _ order: [String]) -> [String] {
        let set = Set(ids)
        return order.filter(set.contains)
    }

    static func independentCount(_ sources: [String], copies: [String: String]) -> Int {
        let set = Set(sources)
        return sources.filter { source in
            guard let original = copies[source] else { return true }
            return !set.contains(original)
        }.count
    }

    /// Copy edges: an article most of whose word 8-grams appear in an earlier article of the story.
    static func lineage(_ articles: [AnnotatedArticle], threshold: Double) -> [LineageEdge] {
        let shingles = articles.map { item -> Set<String> in
            let words = Terms.words(item.article.text)
            guard words.count >= 8 else { return [] }
            return Set((0...(words.count - 8)).map { words[$0..<($0 + 8)].joined(separator: " ") })
        }
        var edges: [LineageEdge] = []
        for j in articles.indices {
            for i in articles.indices where i != j && !shingles[j].isEmpty {
                let containment = Double(shingles[j].intersection(shingles[i]).count) / Double(shingles[j].count)
                guard containment >= threshold else { continue }
                // The later (or, undated, the later in input order) is the copy.
                let later: Bool
                if let a = articles[j].article.published?.dayNumber, let b = articles[i].article.published?.dayNumber,
                    a != b
                {
                    later = a > b
                } else {
                    later = j > i
                }
                if later {
                    edges.append(
                        LineageEdge(
                            copy: articles[j].article.id, original: articles[i].article.id, similarity: containment))
                    break
                }
            }
        }
        return edges
    }
}
