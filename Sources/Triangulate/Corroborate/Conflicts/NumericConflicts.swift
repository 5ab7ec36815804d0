import TriangulateText
/// Numbers in dispute: related claims of different articles give one quantity (same unit or counted noun, the same
/// words around it) values that do not agree within the precision printed.
enum NumericConflicts {
    static let possessives: Set<String> = Lexicon.shared.words(.possessiveDeterminers)
    static let paymentParts: Set<String> = Lexicon.shared.words(.paymentParts)
    static let personGroups: Set<String> = Lexicon.shared.words(.personGroups)
    static let changeVerbs: Set<String> = Lexicon.shared.words(.changeVerbs)

    struct Mention {
        var quantity: Quantity
        var around: Set<String>
        /// "in cash", "in stock": the part of a sum the figure is.
        var part: String?
        /// Who the figure is about (`ConflictContext.actors`).
        var actors: Set<String>
        /// The claim's index in the story.
        var claim: Int
        /// Other figures of its own article that `oneSlot` cannot tell from it and that do not agree with it
        /// (`markedMentions`), by claim index and offset among that claim's mentions.
        var rivals: [(claim: Int, offset: Int)] = []
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
        let replaced = superseded(claim.quantities, in: words)
        return claim.quantities.enumerated().filter { offset, quantity in
            !ClaimExtractor.isQuoted(quantity.text, in: claim.text) && !owned(quantity)
                && !(groups.count >= 3 && groups.contains(quantity.unit)) && !replaced.contains(offset)
        }.map(\.element)
    }

    /// Offsets of figures a later figure of the same unit replaces in the claim: "a 100% tariff, increased to 145%",
    /// "from 12 to 19 seats". The outlet's figure for the slot is the new one; the old one is history, and agrees with
    /// nothing another outlet says of today.
    static func superseded(_ quantities: [Quantity], in words: [String]) -> Set<Int> {
        let starts = quantities.map { ConflictContext.position(of: Terms.words($0.text), in: words) }
        var replaced: Set<Int> = []
        for (later, start) in starts.enumerated() {
            guard let start, start >= 2, words[start - 1] == "to" else { continue }
            // The nearest earlier figure of the same unit: "from" right before it, or a change verb right before "to".
            let earlier = starts.indices.filter { index in
                index != later && quantities[index].unit == quantities[later].unit
                    && (starts[index].map { $0 < start } ?? false)
            }.max { (starts[$0] ?? 0) < (starts[$1] ?? 0) }
            guard let earlier, let at = starts[earlier] else { continue }
            if changeVerbs.contains(words[start - 2]) || (at >= 1 && words[at - 1] == "from") {
                replaced.insert(earlier)
            }
        }
        return replaced
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
                part: part(of: quantity, in: words), actors: context.actors(before: quantity.text, in: claim),
                claim: claim.index)
        }
    }

    /// Outlets that disagree on a figure give figures of one order: past `conflictRatio` apart (2 catches and 59,
    /// 40 dead and three), two numbers with the same words around them count different things (a game and a season,
    /// two attacks).
    static func comparable(_ a: Quantity, _ b: Quantity, _ context: ConflictContext) -> Bool {
        if a.unit == "tally" || b.unit == "tally" { return closeTallies(a, b) }
        let x = abs(a.upper ?? a.value)
        let y = abs(b.upper ?? b.value)
        guard x.isFinite, y.isFinite else { return false }
        let (low, high) = (min(x, y), max(x, y))
        return low > 0 ? high / low <= context.configuration.conflictRatio : high == 0
    }

    /// Two scores or vote tallies are one result told two ways only when each side is off by at most one or by 5%
    /// ("45-35" and "45-36"; "348-77" and "347-78"): a game's 12-12 and its 19-12 are two moments, a team's 9-14 and
    /// another season's 40-42 two records.
    static func closeTallies(_ a: Quantity, _ b: Quantity) -> Bool {
        guard a.unit == b.unit, let p = a.upper, let q = b.upper else { return false }
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= max(1, 0.05 * max(abs(x), abs(y))) }
        return close(a.value, b.value) && close(p, q)
    }

    /// Two figures may be one quantity: same unit and part, one order, the same words around them, the same people.
    /// ("31 states allow it" and "four states sued": the same noun, not the same quantity.)
    static func oneSlot(_ a: Mention, _ b: Mention, _ context: ConflictContext) -> Bool {
        a.quantity.unit == b.quantity.unit && a.part == b.part && comparable(a.quantity, b.quantity, context)
            && context.sameSlot(a.around, b.around, figures: true) && ConflictContext.sameActors(a.actors, b.actors)
    }

    /// Every reported claim's mentions (by claim index), each with its rivals: the other figures of its own article
    /// that `oneSlot` cannot tell from it and that do not agree with it ("seven rebounds" and "six rebounds" of two
    /// players; "five days" and "four days" of rioting at two moments). Each figure is compared with the `neighbours`
    /// figures of its unit after it in the article, so a long article costs linear time.
    static func markedMentions(_ context: ConflictContext, neighbours: Int = 16) -> [Int: [Mention]] {
        var byClaim: [Int: [Mention]] = [:]
        var byArticleUnit: [String: [String: [(claim: Int, offset: Int)]]] = [:]
        // Only articles with a claim in a related pair can take part in a dispute (none in a one-article story).
        let pairs = context.reportedPairs(minimum: context.configuration.slotPairThreshold)
        let paired = Set(pairs.flatMap { [context.claims[$0.a].article, context.claims[$0.b].article] })
        for claim in context.reported where !claim.quantities.isEmpty && paired.contains(claim.article) {
            let found = mentions(claim, context)
            byClaim[claim.index] = found
            for (offset, mention) in found.enumerated() {
                byArticleUnit[claim.article, default: [:]][mention.quantity.unit, default: []].append(
                    (claim.index, offset))
            }
        }
        for units in byArticleUnit.values {
            for list in units.values where list.count >= 2 {
                for (i, x) in list.enumerated() {
                    for y in list[(i + 1)..<min(list.count, i + 1 + neighbours)] {
                        guard let a = byClaim[x.claim]?[x.offset], let b = byClaim[y.claim]?[y.offset],
                            !QuantityAgreement.agree(values: a.quantity, b.quantity), oneSlot(a, b, context)
                        else { continue }
                        byClaim[x.claim]?[x.offset].rivals.append(y)
                        byClaim[y.claim]?[y.offset].rivals.append(x)
                    }
                }
            }
        }
        return byClaim
    }

    /// A rival figure that is not a second reading of the slot: its sentence credits it to other sources than the
    /// figure's own (an outlet telling "the UN said 30 dead" and "the hospital said 42" reports a dispute), or dates it
    /// in a year the other outlet's sentence does not name ("killing three people" in a 2002 quake).
    static func apart(_ rival: Claim, from own: Claim, and other: Claim, _ context: ConflictContext) -> Bool {
        let (a, b) = (context.sources(of: rival), context.sources(of: own))
        if !a.isEmpty, !b.isEmpty, a.isDisjoint(with: b) { return true }
        return !years(rival).subtracting(years(other)).isEmpty
    }

    /// The years a claim names ("in 2002", "Oct. 10, 2002").
    static func years(_ claim: Claim) -> Set<Int> {
        Set(claim.dates.filter { !$0.relative }.compactMap { $0.value?.year })
    }

    static func find(_ context: ConflictContext) -> [Conflict] {
        var mentions = SlotMentions<Mention>()
        let marked = markedMentions(context)
        // The years of each claim with figures, found once (the tests below run for every pair of figures).
        let claimYears = Dictionary(uniqueKeysWithValues: marked.keys.map { ($0, years(context.claims[$0])) })
        func yearsOf(_ claim: Int) -> Set<Int> { claimYears[claim] ?? years(context.claims[claim]) }
        let links = mentions.links(
            context, minimum: context.configuration.slotPairThreshold, find: { marked[$0.index] ?? [] },
            // Figures of sentences dated in different years are two times' ("three killed in 2002", "five in 2009").
            // (Only one sentence naming a year is not enough: "the 2004 tsunami hit 14 countries" and "the tsunami hit
            // 13 countries" are one count.)
            same: { a, b in
                let (x, y) = (yearsOf(a.claim), yearsOf(b.claim))
                return (x.isEmpty || y.isEmpty || !x.isDisjoint(with: y)) && oneSlot(a, b, context)
            },
            agree: { QuantityAgreement.agree(values: $0.quantity, $1.quantity) },
            // When the other outlet's figure could as well be a rival of this one (its own outlet gives the slot's
            // words two figures), the words do not say which the other outlet tells: no dispute, unless the two
            // claims are aligned or name the same people.
            differ: { a, b, score in
                func rivalled(_ x: Mention, _ y: Mention) -> Bool {
                    // A figure dated in a year the other sentence does not name is history; its rivals say nothing
                    // about the other outlet's figure.
                    guard yearsOf(x.claim).isSubset(of: yearsOf(y.claim)) else {
                        return false
                    }
                    return x.rivals.contains { rival in
                        guard let list = marked[rival.claim], rival.offset < list.count,
                            !apart(
                                context.claims[rival.claim], from: context.claims[x.claim],
                                and: context.claims[y.claim], context)
                        else { return false }
                        return oneSlot(list[rival.offset], y, context)
                    }
                }
                return score >= context.configuration.alignThreshold || !a.actors.isDisjoint(with: b.actors)
                    || !(rivalled(a, b) || rivalled(b, a))
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
        return slots.compactMap { positions in
            let members = positions.flatMap { $0 }.map { mentions.items[$0] }
            // A figure no one is named with may stand for either of two people's figures ("17 assists" of one
            // player, "eight" of another): a slot whose figures are not all credited to one person (among those
            // credited to anyone) is no one quantity in dispute, and is left out. One pass: a slot may hold thousands.
            var common: Set<String>?
            for actors in members.lazy.map(\.mention.actors) where !actors.isEmpty {
                common = common.map { $0.intersection(actors) } ?? actors
                if common?.isEmpty == true { return nil }
            }
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
