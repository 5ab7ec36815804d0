import TriangulateText
/// The names of one story, merged across its articles: "Jim Farley" and "Farley" are one person, "Ford Motor Company",
/// "Ford Motor" and "Ford" one organization. Finds them in sentences by whole words.
struct StoryNames {
    struct Name {
        var key: String
        var display: String
        var kind: EntityKind
        var role: String?
        var sources: [String]
    }

    /// Words too common to stand for an organization on their own (function words and everyday words).
    static let commonWords = Lexicon.shared.commonWords.union(Terms.stopWords)

    private(set) var names: [String: Name] = [:]
    /// Keys in first-seen order (deterministic output).
    private(set) var order: [String] = []
    /// First word of an alias → (alias words, key), longest aliases first.
    private var aliases: [String: [([String], String)]] = [:]

    init(_ articles: [AnnotatedArticle]) {
        var displayVotes: [String: [String: Int]] = [:]
        func add(
            _ key: String, _ display: String, _ kind: EntityKind, _ role: String?, _ article: String,
            _ words: [[String]]
        ) {
            if names[key] == nil {
                names[key] = Name(key: key, display: display, kind: kind, role: role, sources: [])
                order.append(key)
            }
            if names[key]!.role == nil, let role { names[key]!.role = role }
            if !names[key]!.sources.contains(article) { names[key]!.sources.append(article) }
            displayVotes[key, default: [:]][display, default: 0] += 1
            for alias in words where !alias.isEmpty {
                let first = alias[0]
                if !(aliases[first]?.contains { $0.0 == alias } ?? false) {
                    aliases[first, default: []].append((alias, key))
                }
            }
        }
        for item in articles {
            let id = item.article.id
            let notes = item.annotations
            for person in notes.people {
                let words = Terms.words(person.name)
                guard let last = words.last else { continue }
                add("p:" + last, person.name, .person, person.role, id, [words, [last]])
            }
            for (kind, list) in [
                (EntityKind.organization, notes.organizations), (.place, notes.places), (.product, notes.products),
            ] {
                for entity in list {
                    let words = Array(Terms.words(entity.name).drop { $0 == "the" })
                    guard let first = words.first else { continue }
                    // "Xiaomi Corp" is "Xiaomi" again; "National Guard" is not every "national", nor the "National
                    // Hurricane Center": an organization goes by its first word only when that word is a name.
                    let byFirst = kind == .organization && !Self.commonWords.contains(first)
                    let key =
                        byFirst
                        ? "o:" + first
                        : (kind == .organization ? "o:" : kind == .place ? "l:" : "r:")
                            + words.joined(separator: " ")
                    add(key, entity.name, kind, nil, id, byFirst ? [words, [first]] : [words])
                }
            }
        }
        // Display: the name most articles use; ties go to the longer (fuller) name, then alphabetical.
        for (key, votes) in displayVotes {
            let best = votes.max { a, b in
                a.value != b.value
                    ? a.value < b.value : a.key.count != b.key.count ? a.key.count < b.key.count : a.key > b.key
            }
            if let best { names[key]!.display = best.key }
        }
        for first in aliases.keys { aliases[first]!.sort { $0.0.count > $1.0.count } }
    }

    func name(_ key: String) -> Name? { names[key] }

    /// Keys of the names in `words`, in order of appearance, with the word index where each starts.
    func find(in words: [String]) -> [(key: String, at: Int)] {
        var found: [(String, Int)] = []
        var index = 0
        while index < words.count {
            var matched = false
            if let candidates = aliases[words[index]] {
                for (alias, key) in candidates where index + alias.count <= words.count {
                    if Array(words[index..<(index + alias.count)]) == alias {
                        found.append((key, index))
                        index += alias.count
                        matched = true
                        break
                    }
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// Story key for a speaker name from one article ("Farley", "Ford Motor Company").
    func key(forSpeaker speaker: String, kind: EntityKind?) -> String? {
        let words = Terms.words(speaker)
        guard !words.isEmpty else { return nil }
        if kind == .person, let last = words.last, names["p:" + last] != nil { return "p:" + last }
        if let first = words.first, names["o:" + first] != nil { return "o:" + first }
        return find(in: words).first?.key
    }
}
