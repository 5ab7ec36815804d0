/// Places in dispute: related claims of different articles each name one place for the event, and each article names
/// only its own ("in Millbrook" vs "in Easton"), so neither is the other's county, state or neighbourhood.
enum PlaceConflicts {
    static func find(_ context: ConflictContext, articleWords: [String: Set<String>]) -> [Conflict] {
        struct Mention {
            var claim: Int
            var key: String
        }
        var mentions: [Mention] = []
        var links: [(Int, Int)] = []
        var byClaim: [Int: Int?] = [:]
        func place(of claim: Claim) -> String? {
            let places = Set(claim.names.map(\.key).filter { context.names.name($0)?.kind == .place })
            return places.count == 1 ? places.first : nil
        }
        func mention(_ claim: Int) -> Int? {
            if let known = byClaim[claim] { return known }
            var result: Int?
            if let key = place(of: context.claims[claim]) {
                result = mentions.count
                mentions.append(Mention(claim: claim, key: key))
            }
            byClaim[claim] = result
            return result
        }
        func mentionsPlace(_ article: String, _ key: String) -> Bool {
            guard let name = context.names.name(key), let words = articleWords[article] else { return false }
            return Terms.words(name.display).allSatisfy(words.contains)
        }
        for (a, b) in context.reportedPairs(minimum: context.configuration.alignThreshold) {
            guard let x = mention(a), let y = mention(b) else { continue }
            let p = mentions[x].key
            let q = mentions[y].key
            // Each article must name only its own place: "Dayton" against "Ohio" is not a disagreement when both
            // articles name both.
            guard
                p == q || (!mentionsPlace(context.claims[b].article, p) && !mentionsPlace(context.claims[a].article, q))
            else { continue }
            links.append((x, y))
        }
        let slots = SlotGrouping.positions(
            count: mentions.count, links: links, article: { context.claims[mentions[$0].claim].article },
            agree: { mentions[$0].key == mentions[$1].key })
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions[$0] }
            let shared = context.claims[members[0].claim].stems.intersection(context.claims[members[1].claim].stems)
            let topic = context.topic(shared, members.map(\.claim)) ?? "the event"
            return Conflict(
                id: "", subject: "Where: \(topic)", kind: .place,
                positions: positions.map { indices in
                    let key = mentions[indices[0]].key
                    return context.position(
                        context.names.name(key)?.display ?? key, indices.map { mentions[$0].claim })
                })
        }
    }
}
