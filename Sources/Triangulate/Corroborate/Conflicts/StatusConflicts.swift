import TriangulateText
/// Answers in dispute: one actor's response told as different kinds by different outlets (denied vs did not respond).
enum StatusConflicts {
    static func find(_ context: ConflictContext) -> [Conflict] {
        var result: [Conflict] = []
        let reported = context.reported
        // Status: one actor, answers of different kinds in different articles.
        let statuses = Corroborate.bySubject(reported, classes: Predicates.statusClasses, names: context.names)
        for key in context.names.order {
            guard let byKind = statuses[key], byKind.count >= 2, let name = context.names.name(key) else { continue }
            // An answer counts only when it is linked (related pairs) to an answer of another kind in another
            // outlet: "declined to comment" on one matter and "confirmed" another are not in dispute.
            let linked = context.linkedAcrossKinds(byKind, minimum: context.configuration.conflictPairThreshold)
            let answers = Predicates.Class.allCases.compactMap { kind in linked[kind].map { (kind, $0) } }
            guard answers.count >= 2 else { continue }
            let articleSets = answers.map { Set($0.1.map(\.article)) }
            // Different articles must disagree: some pair of kinds told by disjoint sets of outlets.
            let disagree = articleSets.indices.contains { i in
                articleSets.indices.contains { j in
                    i < j && !articleSets[i].subtracting(articleSets[j]).isEmpty
                        && !articleSets[j].subtracting(articleSets[i]).isEmpty
                }
            }
            guard disagree else { continue }
            result.append(
                Conflict(
                    id: "", subject: "How \(name.display) responded", kind: .status,
                    positions: answers.map { kind, claims in
                        Conflict.Position(
                            statement: "\(name.display) \(Predicates.describe(kind))",
                            sources: Corroborate.ordered(claims.map(\.article), context.order),
                            evidence: claims.map(\.sentence))
                    }))
        }

        return result
    }
}
