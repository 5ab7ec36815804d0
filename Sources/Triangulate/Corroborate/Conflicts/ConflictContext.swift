import TriangulateText
/// What the conflict detectors of one story share: its claims, its names, the pairs of claims of different articles
/// that say nearly the same thing (before their numbers are compared), and helpers to build positions.
struct ConflictContext {
    let claims: [Claim]
    let names: StoryNames
    let weights: [String: Double]
    /// The story's article ids, in order.
    let order: ArticleOrder
    let related: [FactGrouping.Edge]
    let configuration: CorroborateConfiguration
    let stemmer = Stemmer()
    static let speechVerbs = Lexicon.shared.speechVerbs
    /// Claim index → the claims it forms a related pair with, and the pair's score.
    let partners: [Int: [(claim: Int, score: Double)]]

    init(
        claims: [Claim], names: StoryNames, weights: [String: Double], order: ArticleOrder,
        related: [FactGrouping.Edge], configuration: CorroborateConfiguration
    ) {
        self.claims = claims
        self.names = names
        self.weights = weights
        self.order = order
        self.related = related
        self.configuration = configuration
        var partners: [Int: [(claim: Int, score: Double)]] = [:]
        for edge in related {
            partners[edge.a, default: []].append((edge.b, edge.score))
            partners[edge.b, default: []].append((edge.a, edge.score))
        }
        self.partners = partners
    }

    /// Claims told in the outlet's own voice: quoted speech is someone's words, not a reported fact.
    var reported: [Claim] { claims.filter { !$0.quoted } }

    /// Related pairs of two reported claims scoring at least `minimum` (indices into `claims`).
    func reportedPairs(minimum: Double = 0) -> [(a: Int, b: Int, score: Double)] {
        related.compactMap { edge in
            claims[edge.a].quoted || claims[edge.b].quoted || edge.score < minimum ? nil : (edge.a, edge.b, edge.score)
        }
    }

    /// The claims of `groups` (claims by kind: denied / confirmed, scaling back / expanding) joined, through related
    /// pairs scoring at least `minimum` between claims of different articles, to a claim of another kind: two
    /// outlets' accounts of one thing, not two things one actor did. By kind, the kinds left with claims.
    func linkedAcrossKinds<Kind: Hashable>(_ groups: [Kind: [Claim]], minimum: Double) -> [Kind: [Claim]] {
        let members = groups.flatMap { kind, claims in claims.map { ($0.index, kind) } }
        let kindOf = Dictionary(members, uniquingKeysWith: { a, _ in a })
        let order = kindOf.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var sets = DisjointSets(count: order.count)
        for claim in order {
            for partner in partners[claim] ?? [] where partner.score >= minimum {
                guard let a = position[claim], let b = position[partner.claim],
                    claims[claim].article != claims[partner.claim].article
                else { continue }
                let x = sets.root(a)
                let y = sets.root(b)
                if x != y { sets.attach(max(x, y), to: min(x, y)) }
            }
        }
        var kindsOfComponent: [Int: Set<Kind>] = [:]
        for (offset, claim) in order.enumerated() {
            if let kind = kindOf[claim] { kindsOfComponent[sets.root(offset), default: []].insert(kind) }
        }
        var result: [Kind: [Claim]] = [:]
        for (kind, list) in groups {
            let kept = list.filter { claim in
                position[claim.index].map { (kindsOfComponent[sets.root($0)]?.count ?? 0) >= 2 } ?? false
            }
            if !kept.isEmpty { result[kind] = kept }
        }
        return result
    }

    /// The words around two mentions are one slot's: three shared, or two making up `conflictThreshold` of the
    /// smaller set. Between figures (`figures`), a shared casualty class ("killed", "died" and "dead" are one)
    /// counts twice: it names what is counted.
    func sameSlot(_ a: Set<String>, _ b: Set<String>, figures: Bool = false) -> Bool {
        // The dead and the wounded are two counts, however many words their sentences share.
        let counted = Self.countedWords
        let x = counted.filter(a.contains)
        let y = counted.filter(b.contains)
        if !x.isEmpty, !y.isEmpty, Set(x).isDisjoint(with: y) { return false }
        // One pass over the smaller set (this runs for every pair of mentions of related claims).
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var common = 0
        var countedCommon = 0
        var namedCommon = 0
        for word in small where large.contains(word) {
            common += 1
            if counted.contains(word) { countedCommon += 1 }
            if word.utf8.first == UInt8(ascii: "=") { namedCommon += 1 }
        }
        // The noun a figure counts ("=bridg") is the slot's name: shared, it counts thrice, so two figures of bridges
        // in a long list of damage still meet.
        // Not when the words around name two different happenings ("hired 200 workers" and "fired 150 workers"). (Only
        // one side naming one, "three civilians killed" and "lost four civilians", may still be one count; measured:
        // requiring the same happenings lost a right conflict on the odd gold and one on the even.)
        var named = namedCommon
        if figures, namedCommon > 0 {
            let happenings = { (words: Set<String>) in words.filter { $0.utf8.first == UInt8(ascii: "#") } }
            let (left, right) = (happenings(a), happenings(b))
            if !left.isEmpty && !right.isEmpty && left.isDisjoint(with: right) { named = 0 }
        }
        let shared = common + (figures ? countedCommon + named : 0)
        let overlap = Double(shared) / Double(max(1, min(a.count, b.count)))
        return shared >= 3 || (shared >= 2 && overlap >= configuration.conflictThreshold)
    }

    /// The casualty classes' names, as they stand in a mention's words.
    static let countedWords: [String] = Predicates.countedClasses.map(\.rawValue).sorted()

    /// Stems of the content words within `window` words of `phrase` in `text` (numbers and names left out), and of
    /// `counted`, the noun a figure counts (else the phrase's last word).
    func context(of phrase: String, in text: String, counted noun: String? = nil, window: Int = 8) -> Set<String> {
        let words = Terms.words(text)
        let target = Terms.words(phrase)
        guard let start = Self.position(of: target, in: words) else { return [] }
        let low = max(0, start - window)
        let high = min(words.count, start + target.count + window)
        var context: Set<String> = []
        var around: [String] = []
        for position in low..<high where position < start || position >= start + target.count {
            let word = words[position]
            around.append(word)
            guard !Terms.stopWords.contains(word), Int(word) == nil, word.count > 1 else { continue }
            if Predicates.words[word] == nil { context.insert(stemmer.stem(word)) }
        }
        // What a number counts is named by the nearest casualty word: in "killing four people, injuring dozens" the
        // four are the dead, in "55 others injured" the wounded, however close the other word is.
        var counted: (kind: Predicates.Class, distance: Int)? = nil
        for position in low..<high {
            guard let kind = Predicates.words[words[position]], Predicates.countedClasses.contains(kind) else {
                continue
            }
            // "30 dead": a casualty word in the figure itself names what it counts.
            let distance = position < start ? start - position : max(0, position - (start + target.count - 1))
            if counted.map({ distance < $0.distance }) ?? true { counted = (kind, distance) }
        }
        for kind in Predicates.analyze(around).classes where !Predicates.countedClasses.contains(kind) {
            context.insert(kind.rawValue)
        }
        if let counted { context.insert(counted.kind.rawValue) }
        // "1,800 workers" and "2,100 workers": the counted noun is part of the slot.
        if let last = noun ?? target.last, Int(last) == nil, !Terms.stopWords.contains(last) {
            context.insert(stemmer.stem(last))
            // The noun a figure counts is the slot's strongest word: two figures of comments share it twice.
            if let noun, noun != Quantity.peopleUnit { context.insert("=" + stemmer.stem(noun)) }
        }
        return context
    }

    /// The people a claim names before `phrase` (its figure, day or participle): who did or underwent what the
    /// phrase tells ("Ada Ortiz had eight assists"). A person who only reports it ("Holt said 12 were killed", "Dana
    /// Holt, the county sheriff, said", "according to police chief Holt") is a source, not an actor: two officials'
    /// tolls of one crash still disagree.
    func actors(before phrase: String, in claim: Claim) -> Set<String> {
        let words = Terms.words(claim.text)
        guard let end = Self.position(of: Terms.words(phrase), in: words) else { return [] }
        var actors: Set<String> = []
        for name in claim.names where name.at < end && names.name(name.key)?.kind == .person {
            if !Self.reports(name.at, before: end, in: words) { actors.insert(name.key) }
        }
        return actors
    }

    /// Whom the claim credits for what it tells: the names (people or organizations) a speech or report verb
    /// follows, or "according to" precedes ("the UN said", "Shifa Hospital reported", "according to police").
    func sources(of claim: Claim) -> Set<String> {
        let words = Terms.words(claim.text)
        return Set(claim.names.filter { Self.reports($0.at, before: words.count, in: words) }.map(\.key))
    }

    /// The name at `at` is a source of what follows, not its actor: a speech or report verb within nine words after it
    /// (before `end`; the name's own words and an appositive, "Dana Holt, the county sheriff, said", come first), or
    /// "according to" within six words before it.
    static func reports(_ at: Int, before end: Int, in words: [String]) -> Bool {
        guard at < end, at < words.count else { return false }
        let speaks = words[at..<min(end, words.count)].prefix(9).contains {
            speechVerbs.contains($0) || Predicates.words[$0] == .report
        }
        let according = words[max(0, at - 6)..<at].indices.contains { index in
            words[index] == "according" && index + 1 < at && words[index + 1] == "to"
        }
        return speaks || according
    }

    /// Two mentions may be one slot's unless each names who it is about and they are different people ("Ortiz had
    /// eight assists", "Bell had six assists").
    static func sameActors(_ a: Set<String>, _ b: Set<String>) -> Bool {
        a.isEmpty || b.isEmpty || !a.isDisjoint(with: b)
    }

    /// Where the word sequence `target` first occurs in `words` (the whole sequence: "$4.2 billion" is not the "4" of
    /// an earlier "April 4").
    static func position(of target: [String], in words: [String]) -> Int? {
        guard !target.isEmpty, target.count <= words.count else { return nil }
        return (0...(words.count - target.count)).first { start in
            words[start] == target[0] && words[start..<(start + target.count)].elementsEqual(target)
        }
    }

    /// The rarest of `stems` as readable words (from the claims that hold them).
    func topic(_ stems: Set<String>, _ holders: [Int], limit: Int = 3) -> String? {
        let words = stems.filter { !$0.hasPrefix("#") && !$0.hasPrefix("=") }.sorted {
            (weights[$0] ?? 0, $1) > (weights[$1] ?? 0, $0)
        }
        .prefix(limit).compactMap { stem in holders.lazy.compactMap { claims[$0].words[stem] }.first }
        return words.isEmpty ? nil : words.joined(separator: ", ")
    }

    /// A position held by the claims at `holders`.
    func position(_ statement: String, _ holders: [Int]) -> Conflict.Position {
        Conflict.Position(
            statement: statement, sources: Corroborate.ordered(holders.map { claims[$0].article }, order),
            evidence: Corroborate.unique(holders.map { claims[$0].sentence }))
    }
}

/// The mentions of one kind of slot (numbers, days, places) in the claims, each claim's found once.
struct SlotMentions<Mention> {
    private(set) var items: [(claim: Int, mention: Mention)] = []
    /// Mentions in a disagreement `links`' `differ` test does not trust: the slot they join is left out.
    private(set) var doubtful: Set<Int> = []
    private var byClaim: [Int: [Int]] = [:]

    /// Indices into `items` of the mentions `find` gives for the claim at `claim`.
    mutating func of(_ claim: Int, in context: ConflictContext, _ find: (Claim) -> [Mention]) -> [Int] {
        if let known = byClaim[claim] { return known }
        let found = find(context.claims[claim])
        let list = Array(items.count..<(items.count + found.count))
        items += found.map { (claim, $0) }
        byClaim[claim] = list
        return list
    }

    /// Links between the mentions of each related pair of claims scoring at least `minimum` that `same` reads as one
    /// slot (mentions of a claim are found once, when it first takes part in a pair). A mention the other claim
    /// gives an agreeing value for is matched to it and to nothing else there: "The Hawks (7-7) visit the Pikes
    /// (0-14)" against "the 0-14 Pikes" is one agreement, not a 7-7 against 0-14 dispute.
    mutating func links(
        _ context: ConflictContext, minimum: Double, find: (Claim) -> [Mention], same: (Mention, Mention) -> Bool,
        agree: (Mention, Mention) -> Bool, differ: ((Mention, Mention, Double) -> Bool)? = nil
    ) -> [(Int, Int)] {
        var links: [(Int, Int)] = []
        for (a, b, score) in context.reportedPairs(minimum: minimum) {
            var candidates: [(x: Int, y: Int, agree: Bool)] = []
            for x in of(a, in: context, find) {
                for y in of(b, in: context, find) where same(items[x].mention, items[y].mention) {
                    let agrees = agree(items[x].mention, items[y].mention)
                    if !agrees, let differ, !differ(items[x].mention, items[y].mention, score) {
                        doubtful.insert(x)
                    }
                    candidates.append((x, y, agrees))
                }
            }
            let matched = candidates.filter(\.agree)
            let (left, right) = (Set(matched.map(\.x)), Set(matched.map(\.y)))
            for candidate in candidates
            where candidate.agree || (!left.contains(candidate.x) && !right.contains(candidate.y)) {
                links.append((candidate.x, candidate.y))
            }
        }
        return links
    }

    /// The conflicts' positions among mentions joined by `links` (see `SlotGrouping.positions`).
    /// Two values that two articles each give ("135 km from Portvale and 35 km from Dunmere"; a game on Sunday and an
    /// arrest on Tuesday) are two quantities that share words, not one in dispute: an outlet does not contradict
    /// itself, so such a slot is left out. (An article's replaced figure, "a 100% tariff, increased to 145%", is not
    /// one of its values: `NumericConflicts.superseded`.)
    func positions(
        _ links: [(Int, Int)], _ context: ConflictContext, oneQuantity: (([Mention]) -> Bool)? = nil,
        agree: (Mention, Mention) -> Bool
    ) -> [[[Int]]] {
        SlotGrouping.positions(
            count: items.count, links: links, article: { context.claims[items[$0].claim].article },
            agree: { agree(items[$0].mention, items[$1].mention) },
            oneQuantity: oneQuantity.map { test in { members in test(members.map { items[$0].mention }) } }
        ).filter { positions in
            if positions.contains(where: { $0.contains(where: doubtful.contains) }) { return false }
            // One sentence giving two of the values gives two quantities ("135 kilometers from Portvale at a depth of
            // 35 kilometers"), not one in dispute. (A value it gives and another outlet's differ only through a link
            // that does not also reach its other value: such slots are lost with the rest, a known gap.)
            let claims = positions.map { Set($0.map { items[$0].claim }) }
            for p in claims.indices {
                for q in claims.indices where p < q && !claims[p].isDisjoint(with: claims[q]) { return false }
            }
            let articles = positions.map { Set($0.map { context.claims[items[$0].claim].article }) }
            for p in articles.indices {
                for q in articles.indices where p < q && articles[p].intersection(articles[q]).count >= 2 {
                    return false
                }
            }
            return true
        }
    }

    /// Each position's statement (from its first mention) and the claims holding it.
    func conflictPositions(
        _ positions: [[Int]], _ context: ConflictContext, statement: (Mention) -> String
    ) -> [Conflict.Position] {
        positions.map { indices in
            context.position(statement(items[indices[0]].mention), indices.map { items[$0].claim })
        }
    }
}

/// Mentions of one slot (a number, a day, a place) linked across related claims, and the positions they take.
enum SlotGrouping {
    /// The most positions one quantity in dispute may take.
    static let widePositions = 4

    /// Components of the mentions linked by `links`, each split into positions of agreeing values (mention indices).
    /// A component is a conflict when two articles each hold a position the other does not (an article giving both
    /// values, "six houses in Dunmore … 14 houses in Carvel", does not dispute another's six), and it has two or three positions (more is
    /// not one slot in dispute), or up to `widePositions` when `oneQuantity` says its values are figures of one
    /// quantity (a death toll that six outlets give four ways).
    static func positions(
        count: Int, links: [(Int, Int)], article: (Int) -> String, agree: (Int, Int) -> Bool,
        oneQuantity: (([Int]) -> Bool)? = nil
    ) -> [[[Int]]] {
        var sets = DisjointSets(count: count)
        for (a, b) in links {
            let x = sets.root(a)
            let y = sets.root(b)
            if x != y { sets.attach(max(x, y), to: min(x, y)) }
        }
        var components: [Int: [Int]] = [:]
        for index in 0..<count { components[sets.root(index), default: []].append(index) }
        var result: [[[Int]]] = []
        for key in components.keys.sorted() {
            guard let members = components[key], members.count >= 2 else { continue }
            var positions: [[Int]] = []
            for member in members {
                if let index = positions.firstIndex(where: { agree($0[0], member) }) {
                    positions[index].append(member)
                } else {
                    positions.append([member])
                }
            }
            guard positions.count >= 2,
                positions.count <= 3 || (positions.count <= widePositions && oneQuantity?(members) == true)
            else { continue }
            let sets = positions.map { Set($0.map(article)) }
            let disagree = sets.indices.contains { p in
                sets.indices.contains { q in
                    p != q && !sets[p].subtracting(sets[q]).isEmpty && !sets[q].subtracting(sets[p]).isEmpty
                }
            }
            guard disagree else { continue }
            result.append(positions)
        }
        return result
    }
}
