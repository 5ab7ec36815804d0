import TriangulateText
/// Places in dispute: related claims of different articles each name one place for the event, and each article names
/// only its own ("in Millbrook" vs "in Easton"), so neither is the other's county, state or neighbourhood.
enum PlaceConflicts {
    /// "former Portland Trailblazers coach", "a Dayton Police spokesman", "the Philadelphia 76ers": every time the
    /// place is written it opens a longer name (a capitalized word or a number follows that is not a day or a month),
    /// so it names a team or a body, not where something happened.
    static func namesSomethingElse(_ place: String, in text: String) -> Bool {
        guard !place.isEmpty else { return false }
        var rest = text[...]
        var seen = false
        while let range = rest.range(of: place) {
            seen = true
            let after = rest[range.upperBound...]
            let next = after.dropFirst().prefix(while: { $0 != " " })
            guard after.first == " ", let initial = next.first, initial.isUppercase || initial.isNumber else {
                return false
            }
            let word = next.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if DateConflicts.weekdays.contains(word) || DateGrammar.months[word] != nil { return false }
            rest = after
        }
        return seen
    }

    /// Words of a place's name that are written two ways (gazetteer `place-abbreviations.txt`: "mt" → "mount").
    static let abbreviations: [String: String] = Lexicon.shared.placeWords

    /// A place name as compared: lowercased words, hyphens as spaces, abbreviations written out ("Aoraki-Mt Cook" and
    /// "Aoraki Mount Cook" are one park).
    static func spelled(_ display: String) -> String {
        Terms.words(display.replacingOccurrences(of: "-", with: " ")).map { abbreviations[$0] ?? $0 }.joined(
            separator: " ")
    }

    /// A place's name as compared for containment: spelled out, without the words that open a place's name
    /// ("Mount", "Fort"), space-padded. "Mt Cook" is then part of "Cook National Park".
    static func core(_ display: String) -> String {
        let words = spelled(display).split(separator: " ").filter { !openers.contains(String($0)) }
        return " " + words.joined(separator: " ") + " "
    }

    static let openers = Set(
        Lexicon.shared.words(.placePrefixes).map { $0.lowercased() }.map { abbreviations[$0] ?? $0 })

    /// A country, US state or region: it holds towns, so a town is not another account of it ("Tulsa" against
    /// "Oklahoma").
    static func isWide(_ display: String) -> Bool {
        Lexicon.shared.places[display.lowercased()].map(Lexicon.shared.widePlaces.contains) ?? false
    }

    static func find(_ context: ConflictContext, articleWords: [String: Set<String>]) -> [Conflict] {
        func display(_ key: String) -> String { context.names.name(key)?.display ?? key }
        // One place when spelled alike, or when one name is part of the other ("Mt Cook" and "Mount Cook National
        // Park"; "Cook National Park"): a short form, not another account.
        func same(_ p: String, _ q: String) -> Bool {
            guard p != q else { return true }
            let (x, y) = (core(display(p)), core(display(q)))
            return x == y || x.contains(y) || y.contains(x)
        }
        // A claim naming exactly one place: that place's story-name key.
        func place(of claim: Claim) -> [String] {
            let places = Set(
                claim.names.map(\.key).filter { key in
                    guard let name = context.names.name(key), name.kind == .place else { return false }
                    return !namesSomethingElse(name.display, in: claim.text)
                })
            return places.count == 1 ? Array(places) : []
        }
        func mentionsPlace(_ article: String, _ key: String) -> Bool {
            guard let name = context.names.name(key), let words = articleWords[article] else { return false }
            return Terms.words(name.display).allSatisfy(words.contains)
        }
        var mentions = SlotMentions<String>()
        var links: [(Int, Int)] = []
        for (a, b, _) in context.reportedPairs(minimum: context.configuration.alignThreshold) {
            guard let x = mentions.of(a, in: context, place).first, let y = mentions.of(b, in: context, place).first
            else { continue }
            let (p, q) = (mentions.items[x].mention, mentions.items[y].mention)
            // Each article must name only its own place: "Dayton" against "Ohio" is not a disagreement when both
            // articles name both.
            guard
                same(p, q)
                    || (!mentionsPlace(context.claims[b].article, p) && !mentionsPlace(context.claims[a].article, q)
                        && isWide(display(p)) == isWide(display(q)))
            else { continue }
            links.append((x, y))
        }
        let slots = mentions.positions(links, context, agree: same)
        return slots.map { positions in
            let members = positions.flatMap { $0 }.map { mentions.items[$0].claim }
            let shared = context.claims[members[0]].stems.intersection(context.claims[members[1]].stems)
            let topic = context.topic(shared, members) ?? "the event"
            return Conflict(
                id: "", subject: "Where: \(topic)", kind: .place,
                positions: mentions.conflictPositions(positions, context) { context.names.name($0)?.display ?? $0 })
        }
    }
}
