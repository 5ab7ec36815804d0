import TriangulateText
/// Directions in dispute: one actor scaling back in some outlets' accounts and expanding in others', about a shared
/// topic.
enum PolarityConflicts {
    static func find(_ context: ConflictContext) -> [Conflict] {
        var result: [Conflict] = []
        let reported = context.reported
        // Polarity: one actor scaling back in some articles, expanding in others, about a shared topic.
        let directions = Corroborate.bySubject(reported, classes: Predicates.directionClasses, names: context.names)
        for key in context.names.order {
            // Only the accounts linked (related pairs) to an account of the other direction in another outlet: one
            // actor cutting one thing and growing another is not a dispute.
            guard let all = directions[key], let name = context.names.name(key) else { continue }
            let byKind = context.linkedAcrossKinds(
                all.filter { $0.key == .increase || $0.key == .decrease },
                minimum: context.configuration.conflictPairThreshold)
            guard let up = byKind[.increase], let down = byKind[.decrease] else { continue }
            var topic: [String: Double] = [:]
            for a in up {
                for b in down where a.article != b.article {
                    let own = Set(Terms.words(name.display))
                    for stem in a.stems.intersection(b.stems) where !own.contains(a.words[stem] ?? stem) {
                        topic[a.words[stem] ?? stem, default: 0] += context.weights[stem] ?? 1
                    }
                }
            }
            guard let subject = topic.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
            else {
                continue
            }
            let upArticles = Set(up.map(\.article))
            let downArticles = Set(down.map(\.article))
            guard !upArticles.subtracting(downArticles).isEmpty, !downArticles.subtracting(upArticles).isEmpty else {
                continue
            }
            result.append(
                Conflict(
                    id: "", subject: "Whether \(name.display) is scaling back or expanding (\(subject))",
                    kind: .polarity,
                    positions: [
                        .init(
                            statement: "\(name.display) is scaling back",
                            sources: Corroborate.ordered(Array(downArticles), context.order),
                            evidence: down.map(\.sentence)),
                        .init(
                            statement: "\(name.display) is expanding or accelerating",
                            sources: Corroborate.ordered(Array(upArticles), context.order), evidence: up.map(\.sentence)
                        ),
                    ]))
        }

        return result
    }
}
