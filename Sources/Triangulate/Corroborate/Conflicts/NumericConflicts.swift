/// Numbers in dispute: related claims of different articles give one quantity (same unit or counted noun, the same
/// words around it) values that do not agree within the precision printed.
enum NumericConflicts {
    static func find(_ context: ConflictContext) -> [Conflict] {
        struct Mention {
            var claim: Int
            var quantity: Quantity
            var around: Set<String>
        }
        var mentions: [Mention] = []
        var byClaim: [Int: [Int]] = [:]
        func mentionsOf(_ index: Int) -> [Int] {
            if let known = byClaim[index] { return known }
            let claim = context.claims[index]
            var list: [Int] = []
            // Numbers inside quotation marks are someone's words, not the outlet's figure.
            for quantity in claim.quantities where !ClaimExtractor.isQuoted(quantity.text, in: claim.text) {
                list.append(mentions.count)
                mentions.append(
                    Mention(
                        claim: index, quantity: quantity, around: context.context(of: quantity.text, in: claim.text)))
            }
            byClaim[index] = list
            return list
        }
        var links: [(Int, Int)] = []
        for (a, b) in context.reportedPairs(minimum: context.configuration.slotPairThreshold) {
            for x in mentionsOf(a) {
                for y in mentionsOf(b) where mentions[x].quantity.unit == mentions[y].quantity.unit {
                    // "31 states allow it" and "four states sued": the same noun, not the same quantity.
                    guard context.sameSlot(mentions[x].around, mentions[y].around) else { continue }
                    links.append((x, y))
                }
            }
        }
        let slots = SlotGrouping.positions(
            count: mentions.count, links: links, article: { context.claims[mentions[$0].claim].article },
            agree: { QuantityAgreement.agree(values: mentions[$0].quantity, mentions[$1].quantity) })
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions[$0] }
            let shared = members.dropFirst().reduce(members[0].around) { $0.intersection($1.around) }
            let words = shared.isEmpty ? members[0].around.intersection(members[1].around) : shared
            let unit = members[0].quantity.unit
            let topic = context.topic(words, members.map(\.claim)) ?? unit
            return Conflict(
                id: "", subject: "The figure for \(topic)", kind: .numeric,
                positions: positions.map { indices in
                    context.position(mentions[indices[0]].quantity.text, indices.map { mentions[$0].claim })
                })
        }
    }
}
