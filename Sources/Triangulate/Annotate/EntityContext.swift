import TriangulateText
/// What the other articles of a batch established about names: used to classify a name an article mentions without
/// any cue of its own ("Xiaomi" in an article that never says "maker Xiaomi", "Farley" with no first name).
public struct EntityContext: Sendable, Hashable {
    /// Name → the kind most articles gave it.
    public var kinds: [String: EntityKind]
    /// Surname → full name, for people whose surname is unambiguous in the batch.
    public var surnames: [String: String]

    public static let empty = EntityContext(kinds: [:], surnames: [:])

    public init(kinds: [String: EntityKind], surnames: [String: String]) {
        self.kinds = kinds
        self.surnames = surnames
    }

    /// Majority kind of every classified name across `articles`, one vote per article; ties broken by kind order.
    public init(articles: [AnnotatedArticle]) {
        var votes: [String: [EntityKind: Int]] = [:]
        var surnameOwners: [String: Set<String>] = [:]
        for item in articles {
            let notes = item.annotations
            for person in notes.people {
                votes[person.name, default: [:]][.person, default: 0] += 1
                let parts = person.name.split(separator: " ")
                if parts.count >= 2, let last = parts.last {
                    surnameOwners[String(last), default: []].insert(person.name)
                }
            }
            for (kind, list) in [
                (EntityKind.organization, notes.organizations), (.place, notes.places), (.product, notes.products),
            ] {
                for entity in list {
                    votes[entity.name, default: [:]][kind, default: 0] += 1
                    // "Ford Motor Company" also vouches for "Ford".
                    if kind == .organization, let first = entity.name.split(separator: " ").first,
                        entity.name.contains(" ")
                    {
                        votes[String(first), default: [:]][kind, default: 0] += 1
                    }
                }
            }
        }
        var kinds: [String: EntityKind] = [:]
        for (name, tally) in votes {
            let best = tally.max { lhs, rhs in
                lhs.value != rhs.value
                    ? lhs.value < rhs.value
                    : EntityKind.allCases.firstIndex(of: lhs.key)! > EntityKind.allCases.firstIndex(of: rhs.key)!
            }
            if let best { kinds[name] = best.key }
        }
        var surnames: [String: String] = [:]
        for (surname, owners) in surnameOwners where owners.count == 1 { surnames[surname] = owners.first }
        self.init(kinds: kinds, surnames: surnames)
    }
}
