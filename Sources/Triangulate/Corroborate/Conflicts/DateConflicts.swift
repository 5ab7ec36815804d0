import TriangulateText
/// Days in dispute: related claims of different articles put one event (the same words around the date) on different
/// calendar days ("March 3" vs "March 4"), or on different weekdays ("on Tuesday" vs "on Monday").
enum DateConflicts {
    static let weekdays: Set<String> = Lexicon.shared.words(.weekdays)

    /// A comparable key for a day: "m:3-4" for a calendar day, "w:tuesday" for a weekday, "n:5" for a month named
    /// without a day; nil for anything else.
    static func key(_ date: DateMention) -> String? {
        let words = Terms.words(date.text)
        // "proposed in May" against "proposed in August": a month named on its own.
        if date.granularity == .month, let month = words.lazy.compactMap({ DateGrammar.months[$0] }).first {
            return "n:\(month)"
        }
        guard date.granularity == .day else { return nil }
        if let value = date.value, let month = value.month, let day = value.day,
            words.contains(where: { DateGrammar.months[$0] != nil })
        {
            return "m:\(month)-\(day)"
        }
        if words.count <= 2, let last = words.last, weekdays.contains(last) { return "w:" + last }
        return nil
    }

    struct Mention {
        var date: DateMention
        var key: String
        var around: Set<String>
        /// What happened on a weekday: its clause's nearest verb (see `DayAnchor`).
        var anchor: String?
        /// What may have happened on a calendar day: the nearest verb on each side of it.
        var verbs: Set<String>
        /// Who the day is about (`ConflictContext.actors`).
        var actors: Set<String>
    }

    static func mentions(_ claim: Claim, _ context: ConflictContext) -> [Mention] {
        claim.dates.compactMap { date in
            guard !ClaimExtractor.isQuoted(date.text, in: claim.text), let key = key(date) else { return nil }
            let weekday = key.hasPrefix("w:")
            let anchor = weekday ? DayAnchor.find(date.text, in: claim.text, stemmer: context.stemmer) : nil
            return Mention(
                date: date, key: key,
                around: context.context(of: date.text, in: claim.text).union(anchorWords(anchor)), anchor: anchor,
                verbs: weekday ? [] : DayAnchor.candidates(date.text, in: claim.text, stemmer: context.stemmer),
                actors: context.actors(before: date.text, in: claim))
        }
    }

    /// Two weekdays date one happening when the same verb is nearest each. A calendar day or month names its
    /// happening more often than a weekday does, so it needs only that the verbs next to the two share one when both
    /// have some: "killed on 6 December" and "riots were reported on December 13" date two happenings.
    static func sameHappening(_ a: Mention, _ b: Mention) -> Bool {
        if a.key.hasPrefix("w:") { return a.anchor != nil && a.anchor == b.anchor }
        return a.verbs.isEmpty || b.verbs.isEmpty || !a.verbs.isDisjoint(with: b.verbs)
    }

    /// A weekday's anchor as two words of its slot (the same happening is the strongest sign of one slot), unless it
    /// is a verb of saying: the day someone spoke tells little of what happened.
    static func anchorWords(_ anchor: String?) -> Set<String> {
        guard let anchor, !anchor.hasPrefix("~"), anchor != Predicates.Class.report.rawValue else { return [] }
        return ["@" + anchor, "@@" + anchor]
    }

    static func find(_ context: ConflictContext) -> [Conflict] {
        var mentions = SlotMentions<Mention>()
        let links = mentions.links(
            context, minimum: context.configuration.wordSlotPairThreshold, find: { Self.mentions($0, context) },
            same: {
                $0.key.prefix(2) == $1.key.prefix(2) && Self.sameHappening($0, $1)
                    && context.sameSlot($0.around, $1.around) && ConflictContext.sameActors($0.actors, $1.actors)
            },
            agree: { $0.key == $1.key })
        let slots = mentions.positions(links, context) { $0.key == $1.key }
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions.items[$0] }
            let words = members[0].mention.around.intersection(members[1].mention.around)
            let topic = context.topic(words, members.map(\.claim)) ?? "the same event"
            return Conflict(
                id: "", subject: "The date of \(topic)", kind: .date,
                positions: mentions.conflictPositions(positions, context) { $0.date.text })
        }
    }
}
