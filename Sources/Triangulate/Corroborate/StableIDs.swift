import TriangulateText

/// Ids of stories, facts and conflicts that do not move when the same story is analyzed again or grows by a later
/// article (docs/JSON.md, "Ids"). Each is derived from an *anchor*: the story's founding article (the earliest
/// published, undated ones after dated ones, then the smallest id), or, for a fact or a conflict, the sentence of
/// its earliest article that states it. An anchor changes only when an article that sorts before it joins.
enum StableIDs {
    /// Articles in founding order: publication date (undated last), then id, then origin.
    static func foundingOrder(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            let (x, y) = (a.published?.dayNumber ?? .max, b.published?.dayNumber ?? .max)
            if x != y { return x < y }
            return (a.id, a.origin) < (b.id, b.origin)
        }
    }

    static func storyID(_ articles: [Article]) -> String {
        guard let founder = foundingOrder(articles).first else { return "story-empty" }
        return "story-" + founder.id
    }

    /// "fact-" or "conflict-" and 12 hex digits of a hash of `anchor`; a repeat within one story gets "-2", "-3" ….
    static func id(_ prefix: String, anchor: String, taken: inout Set<String>) -> String {
        let base = prefix + FNV1a.hex(anchor)
        var candidate = String(base.prefix(prefix.count + 12))
        var suffix = 1
        while taken.contains(candidate) {
            suffix += 1
            candidate = String(base.prefix(prefix.count + 12)) + "-\(suffix)"
        }
        taken.insert(candidate)
        return candidate
    }

    /// The anchor of a fact: the claim (article, sentence and clause) of its earliest article.
    static func anchor(_ members: [(article: String, sentence: String, clause: String)], rank: [String: Int]) -> String
    {
        let first = members.min { a, b in
            let (x, y) = (rank[a.article] ?? .max, rank[b.article] ?? .max)
            return x != y ? x < y : (a.sentence, a.clause) < (b.sentence, b.clause)
        }
        return first.map { "\($0.article)\u{1F}\($0.sentence)\u{1F}\($0.clause)" } ?? ""
    }

    /// Renames facts (from `factAnchors`, one per fact) and conflicts, in place. `rank` orders the story's
    /// articles (founding order).
    static func assign(_ story: inout Story, factAnchors: [String], rank: [String: Int]) {
        func earliest(_ pairs: [(article: String, sentence: String)]) -> String {
            let first = pairs.min { a, b in
                let (x, y) = (rank[a.article] ?? .max, rank[b.article] ?? .max)
                return x != y ? x < y : a.sentence < b.sentence
            }
            return first.map { "\($0.article)\u{1F}\($0.sentence)" } ?? ""
        }
        var taken = Set<String>()
        for index in story.facts.indices.sorted(by: { factAnchors[$0] < factAnchors[$1] }) {
            story.facts[index].id = id("fact-", anchor: factAnchors[index], taken: &taken)
        }
        for index in story.conflicts.indices {
            let conflict = story.conflicts[index]
            let pairs = conflict.positions.flatMap { position in
                position.sources.flatMap { source in position.evidence.map { (source, $0) } }
            }
            let anchor = conflict.kind.rawValue + "\u{1F}" + conflict.subject + "\u{1F}" + earliest(pairs)
            story.conflicts[index].id = id("conflict-", anchor: anchor, taken: &taken)
        }
    }
}

/// A story's article ids in order, with each id's rank: lists of sources are put in story order by sorting them,
/// not by walking every article of the story per list.
struct ArticleOrder: Sendable {
    private let rank: [String: Int]

    init(_ ids: [String]) {
        rank = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `list` without repeats, in story order; ids not in the story are left out.
    func ordered(_ list: [String]) -> [String] {
        Set(list).compactMap { id in rank[id].map { (rank: $0, id: id) } }.sorted { $0.rank < $1.rank }.map(\.id)
    }
}
