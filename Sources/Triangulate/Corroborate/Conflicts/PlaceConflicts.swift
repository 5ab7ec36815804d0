import TriangulateText
/// Places in dispute: related claims of different articles each name one place for the event, and each article names
/// only its own ("in Millbrook" vs "in Easton"), so neither is the other's county, state or neighbourhood.
enum PlaceConflicts {
    static func find(_ context: ConflictContext, articleWords: [String: Set<String>]) -> [Conflict] {
        // A claim naming exactly one place: that place's story-name key.
        func place(of claim: Claim) -> [String] {
            let places = Set(claim.names.map(\.key).filter { context.names.name($0)?.kind == .place })
            return places.count == 1 ? Array(places) : []
        }
        func mentionsPlace(_ article: String, _ key: String) -> Bool {
            guard let name = context.names.name(key), let words = articleWords[article] else { return false }
            return Terms.words(name.display).allSatisfy(words.contains)
        }
        var mentions = SlotMentions<String>()
        var links: [(Int, Int)] = []
        for (a, b) in context.reportedPairs(minimum: context.configuration.alignThreshold) {
            guard let x = mentions.of(a, in: context, place).first, let y = mentions.of(b, in: context, place).first
            else { continue }
            let (p, q) = (mentions.items[x].mention, mentions.items[y].mention)
            // Each article must name only its own place: "Dayton" against "Ohio" is not a disagreement when both
            // articles name both.
            guard
                p == q || (!mentionsPlace(context.claims[b].article, p) && !mentionsPlace(context.claims[a].article, q))
            else { continue }
            links.append((x, y))
        }
        let slots = mentions.positions(links, context) { $0 == $1 }
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions.items[$0].claim }
            let shared = context.claims[members[0]].stems.intersection(context.claims[members[1]].stems)
            let topic = context.topic(shared, members) ?? "the event"
            return Conflict(
                id: "", subject: "Where: \(topic)", kind: .place,
                positions: mentions.conflictPositions(positions, context) { context.names.name($0)?.display ?? $0 })
        }
    }
}
