import TriangulateText
/// Numbers in dispute: related claims of different articles give one quantity (same unit or counted noun, the same
/// words around it) values that do not agree within the precision printed.
enum NumericConflicts {
    static let possessives: Set<String> = Lexicon.shared.words(.possessiveDeterminers)
    static let paymentParts: Set<String> = Lexicon.shared.words(.paymentParts)
    static let personGroups: Set<String> = Lexicon.shared.words(.personGroups)

    struct Mention {
        var quantity: Quantity
        var around: Set<String>
        /// "in cash", "in stock": the part of a sum the figure is.
        var part: String?
    }

    /// Figures of a claim that are not the story's own figure for what they count: a count of one person's relatives
    /// ("I found my son's body with his two cousins") and the items of a breakdown of people ("seven children, three
    /// women and two men").
    static func ownFigures(_ claim: Claim) -> [Quantity] {
        let words = Terms.words(claim.text)
        func owned(_ quantity: Quantity) -> Bool {
            guard let at = ConflictContext.position(of: Terms.words(quantity.text), in: words), at > 0 else {
                return false
            }
            return possessives.contains(words[at - 1])
        }
        let groups = Set(claim.quantities.filter { $0.kind == .count && personGroups.contains($0.unit) }.map(\.unit))
        return claim.quantities.filter { quantity in
            !ClaimExtractor.isQuoted(quantity.text, in: claim.text) && !owned(quantity)
                && !(groups.count >= 3 && groups.contains(quantity.unit))
        }
    }

    /// "$4.2 billion in cash": the word after "in" right after the figure, when it names a part of a payment (not
    /// "in cash and stock", the whole).
    static func part(of quantity: Quantity, in words: [String]) -> String? {
        let target = Terms.words(quantity.text)
        guard let at = ConflictContext.position(of: target, in: words) else { return nil }
        let next = at + target.count
        guard next + 1 < words.count, words[next] == "in", paymentParts.contains(words[next + 1]) else { return nil }
        // "$5.4 billion in cash and stock" is the whole price.
        if next + 3 < words.count, words[next + 2] == "and", paymentParts.contains(words[next + 3]) { return nil }
        return words[next + 1]
    }

    /// A claim's numbers, each with the words around it. Numbers inside quotation marks are someone's words, not the
    /// outlet's figure.
    static func mentions(_ claim: Claim, _ context: ConflictContext) -> [Mention] {
        let words = Terms.words(claim.text)
        return ownFigures(claim).map { quantity in
            Mention(
                quantity: quantity,
                around: context.context(
                    of: quantity.text, in: claim.text,
                    counted: quantity.kind == .count && quantity.unit != "tally" ? quantity.unit : nil),
                part: part(of: quantity, in: words))
        }
    }

    /// Outlets that disagree on a figure give figures of one order: past `conflictRatio` apart (2 catches and 59,
    /// 40 dead and three), two numbers with the same words around them count different things (a game and a season,
    /// two attacks).
    static func comparable(_ a: Quantity, _ b: Quantity, _ context: ConflictContext) -> Bool {
        let x = abs(a.upper ?? a.value)
        let y = abs(b.upper ?? b.value)
        guard x.isFinite, y.isFinite else { return false }
        let (low, high) = (min(x, y), max(x, y))
        return low > 0 ? high / low <= context.configuration.conflictRatio : high == 0
    }

    static func find(_ context: ConflictContext) -> [Conflict] {
        var mentions = SlotMentions<Mention>()
        // "31 states allow it" and "four states sued": the same noun, not the same quantity.
        let links = mentions.links(
            context, minimum: context.configuration.slotPairThreshold, find: { Self.mentions($0, context) },
            same: {
                $0.quantity.unit == $1.quantity.unit && $0.part == $1.part
                    && Self.comparable($0.quantity, $1.quantity, context)
                    && context.sameSlot($0.around, $1.around, figures: true)
            })
        // Four figures for one count are still one quantity in dispute when all are of one order.
        let oneQuantity = { (members: [Mention]) -> Bool in
            // Measured as `comparable` measures: a range by its upper figure.
            let values = members.map(\.quantity).sorted { abs($0.upper ?? $0.value) < abs($1.upper ?? $1.value) }
            guard let low = values.first, let high = values.last else { return false }
            return Self.comparable(low, high, context)
        }
        let slots = mentions.positions(links, context, oneQuantity: oneQuantity) {
            QuantityAgreement.agree(values: $0.quantity, $1.quantity)
        }
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions.items[$0] }
            let first = members[0].mention
            let shared = members.dropFirst().reduce(first.around) { $0.intersection($1.mention.around) }
            let words = shared.isEmpty ? first.around.intersection(members[1].mention.around) : shared
            let topic = context.topic(words, members.map(\.claim)) ?? first.quantity.unit
            return Conflict(
                id: "", subject: "The figure for \(topic)", kind: .numeric,
                positions: mentions.conflictPositions(positions, context) { $0.quantity.text })
        }
    }
}
