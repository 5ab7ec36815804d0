/// Days in dispute: related claims of different articles put one event (the same words around the date) on different
/// calendar days ("March 3" vs "March 4"), or on different weekdays ("on Tuesday" vs "on Monday").
enum DateConflicts {
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A comparable key for a day: "m:3-4" for a calendar day, "w:tuesday" for a weekday; nil for anything else.
    static func key(_ date: DateMention) -> String? {
        guard date.granularity == .day else { return nil }
        let words = Terms.words(date.text)
        if let value = date.value, let month = value.month, let day = value.day,
            words.contains(where: { DateGrammar.months[$0] != nil })
        {
            return "m:\(month)-\(day)"
        }
        if words.count <= 2, let last = words.last, weekdays.contains(last) { return "w:" + last }
        return nil
    }

    static func find(_ context: ConflictContext) -> [Conflict] {
        struct Mention {
            var claim: Int
            var date: DateMention
            var key: String
            var around: Set<String>
        }
        var mentions: [Mention] = []
        var byClaim: [Int: [Int]] = [:]
        func mentionsOf(_ index: Int) -> [Int] {
            if let known = byClaim[index] { return known }
            let claim = context.claims[index]
            var list: [Int] = []
            for date in claim.dates where !ClaimExtractor.isQuoted(date.text, in: claim.text) {
                guard let key = key(date) else { continue }
                list.append(mentions.count)
                mentions.append(
                    Mention(claim: index, date: date, key: key, around: context.context(of: date.text, in: claim.text)))
            }
            byClaim[index] = list
            return list
        }
        var links: [(Int, Int)] = []
        for (a, b) in context.reportedPairs(minimum: context.configuration.slotPairThreshold) {
            for x in mentionsOf(a) {
                for y in mentionsOf(b) where mentions[x].key.prefix(2) == mentions[y].key.prefix(2) {
                    guard context.sameSlot(mentions[x].around, mentions[y].around) else { continue }
                    links.append((x, y))
                }
            }
        }
        let slots = SlotGrouping.positions(
            count: mentions.count, links: links, article: { context.claims[mentions[$0].claim].article },
            agree: { mentions[$0].key == mentions[$1].key })
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions[$0] }
            let words = members[0].around.intersection(members[1].around)
            let topic = context.topic(words, members.map(\.claim)) ?? "the same event"
            return Conflict(
                id: "", subject: "The date of \(topic)", kind: .date,
                positions: positions.map { indices in
                    context.position(mentions[indices[0]].date.text, indices.map { mentions[$0].claim })
                })
        }
    }
}
