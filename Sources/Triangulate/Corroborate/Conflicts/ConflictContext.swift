/// What the conflict detectors of one story share: its claims, its names, the pairs of claims of different articles
/// that say nearly the same thing (before their numbers are compared), and helpers to build positions.
struct ConflictContext {
    let claims: [Claim]
    let names: StoryNames
    let weights: [String: Double]
    /// The story's article ids, in order.
    let order: [String]
    let related: [FactGrouping.Edge]
    let configuration: CorroborateConfiguration
    let stemmer = Stemmer()

    /// Claims told in the outlet's own voice: quoted speech is someone's words, not a reported fact.
    var reported: [Claim] { claims.filter { !$0.quoted } }

    /// Related pairs of two reported claims scoring at least `minimum` (indices into `claims`).
    func reportedPairs(minimum: Double = 0) -> [(a: Int, b: Int)] {
        related.compactMap { edge in
            claims[edge.a].quoted || claims[edge.b].quoted || edge.score < minimum ? nil : (edge.a, edge.b)
        }
    }

    /// The words around two mentions are one slot's: three shared, or two making up `conflictThreshold` of the
    /// smaller set.
    func sameSlot(_ a: Set<String>, _ b: Set<String>) -> Bool {
        let shared = a.intersection(b).count
        let overlap = Double(shared) / Double(max(1, min(a.count, b.count)))
        return shared >= 3 || (shared >= 2 && overlap >= configuration.conflictThreshold)
    }

    /// Stems of the content words within `window` words of `phrase` in `text` (numbers and names left out).
    func context(of phrase: String, in text: String, window: Int = 8) -> Set<String> {
        let words = Terms.words(text)
        let target = Terms.words(phrase)
        guard let first = target.first, let start = words.firstIndex(of: first) else { return [] }
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
        for kind in Predicates.analyze(around).classes { context.insert(kind.rawValue) }
        // "1,800 workers" and "2,100 workers": the counted noun is part of the slot.
        if let noun = target.last, Int(noun) == nil, !Terms.stopWords.contains(noun) {
            context.insert(stemmer.stem(noun))
        }
        return context
    }

    /// The rarest of `stems` as readable words (from the claims that hold them).
    func topic(_ stems: Set<String>, _ holders: [Int], limit: Int = 3) -> String? {
        let words = stems.filter { !$0.hasPrefix("#") }.sorted { (weights[$0] ?? 0, $1) > (weights[$1] ?? 0, $0) }
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

/// Mentions of one slot (a number, a day, a place) linked across related claims, and the positions they take.
enum SlotGrouping {
    /// Components of the mentions linked by `links`, each split into positions of agreeing values (mention indices).
    /// A component is a conflict when some article holds one position and not another that a different article
    /// holds (two articles that each give both values do not disagree), and it has two or three positions (more is
    /// not one slot in dispute).
    static func positions(
        count: Int, links: [(Int, Int)], article: (Int) -> String, agree: (Int, Int) -> Bool
    ) -> [[[Int]]] {
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for (a, b) in links {
            let x = root(a)
            let y = root(b)
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        var components: [Int: [Int]] = [:]
        for index in 0..<count { components[root(index), default: []].append(index) }
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
            guard positions.count >= 2, positions.count <= 3 else { continue }
            let sets = positions.map { Set($0.map(article)) }
            let disagree = sets.indices.contains { p in
                sets.indices.contains { q in
                    p != q && sets[p].subtracting(sets[q]).contains { x in sets[q].contains { $0 != x } }
                }
            }
            guard disagree else { continue }
            result.append(positions)
        }
        return result
    }
}
