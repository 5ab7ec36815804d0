import TriangulateText
/// A name found in the text, with its place.
struct Mention: Hashable {
    var kind: EntityKind
    /// The name as resolved for the article (a bare surname becomes the full name).
    var name: String
    var paragraph: Int
    /// Token range in the paragraph.
    var start: Int
    var end: Int
    /// The kind was read from the mention's own context (a cue, a suffix, a gazetteer), not inferred from others.
    var confident: Bool
}

struct PersonRecord {
    var name: String
    var role: String?
    var title: String?
    var mentions: Int
    var order: Int
}

/// Finds people, organizations, places and products: capitalized sequences, classified by gazetteers, name suffixes,
/// titles, role phrases and cue words around them, then resolved across the article (a bare surname → the full name,
/// a first word → the organization's longer name).
struct EntityRecognizer {
    let lexicon: Lexicon
    /// Names other articles of the batch classified with confidence.
    var context: EntityContext = .empty

    static let connectors: Set<String> = Lexicon.shared.words(.connectors)
    static let nameParticles: Set<String> = Lexicon.shared.words(.nameParticles)
    static let orgHeads: Set<String> = Lexicon.shared.words(.orgHeads)
    /// Honorifics: titles that are not offices, kept as `title` but not as `role`.
    static let honorifics: Set<String> = Lexicon.shared.words(.honorifics)
    static let roleStopWords: Set<String> = Lexicon.shared.words(.roleStopWords)
    /// Verbs of a relative clause that states a role ("who chairs …").
    static let roleVerbs: Set<String> = Lexicon.shared.words(.roleVerbs)
    /// Name-final abbreviations printed with a dot ("Acme Inc.").
    static let dottedSuffixes: Set<String> = Lexicon.shared.words(.dottedSuffixes)
    /// Role words that, after a name, make it an organization even with no person following ("Acme CEO said").
    static let organizationRoles: Set<String> = Lexicon.shared.words(.organizationRoles)
    static let leadingFunctionWords: Set<String> = Lexicon.shared.words(.leadingFunctionWords)
    static let questionAuxiliaries: Set<String> = Lexicon.shared.words(.questionAuxiliaries)
    static let adjectiveTails: Set<String> = Lexicon.shared.words(.adjectiveTails)
    static let personPronouns: Set<String> = Lexicon.shared.words(.personPronouns)
    /// Last words that make a capitalized name a place ("Pierce County", "Commencement Bay").
    static let placeSuffixes: Set<String> = Lexicon.shared.words(.placeSuffixes)
    static let placePrefixes: Set<String> = Lexicon.shared.words(.placePrefixes)
    /// Prepositions after which an unclassified name is read as a place ("in Fife", "near Federal Way").
    static let locatives: Set<String> = Lexicon.shared.words(.locatives)
    /// "X's plant", "X's shares": things that belong to an organization.
    static let possessions: Set<String> = Lexicon.shared.words(.possessions)

    struct Result {
        var mentions: [[Mention]]
        var people: [PersonRecord]
        var organizations: [(name: String, mentions: Int)]
        var places: [(name: String, mentions: Int)]
        var products: [(name: String, mentions: Int)]
        var others: [(name: String, mentions: Int)]
    }

    func recognize(_ paragraphs: [Paragraph]) -> Result {
        var mentions: [[Mention]] = Array(repeating: [], count: paragraphs.count)
        var people: [String: PersonRecord] = [:]
        var seen = PeopleSeen()
        for paragraph in paragraphs where !paragraph.isHeading {
            for sentence in paragraph.sentences {
                scan(paragraph, sentence, into: &mentions[paragraph.index], people: &people, seen: &seen)
            }
        }
        recoverSurnameSpeakers(paragraphs, &mentions, people: people)
        markSpeakingOrganizations(paragraphs, &mentions, people: people)
        resolve(&mentions, people: &people)

        var others: [String: (Int, Int)] = [:]
        var organizations: [String: (Int, Int)] = [:]
        var places: [String: (Int, Int)] = [:]
        var products: [String: (Int, Int)] = [:]
        var position = 0
        for list in mentions {
            for mention in list {
                position += 1
                switch mention.kind {
                case .person: people[mention.name]?.mentions += 1
                case .organization: organizations[mention.name, default: (0, position)].0 += 1
                case .place: places[mention.name, default: (0, position)].0 += 1
                case .product: products[mention.name, default: (0, position)].0 += 1
                case .other: others[mention.name, default: (0, position)].0 += 1
                }
            }
        }
        func ordered(_ table: [String: (Int, Int)]) -> [(name: String, mentions: Int)] {
            table.sorted { $0.value.1 < $1.value.1 }.map { ($0.key, $0.value.0) }
        }
        let personList = people.values.filter { $0.mentions > 0 }.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        return Result(
            mentions: mentions, people: personList, organizations: ordered(organizations), places: ordered(places),
            products: ordered(products), others: ordered(others))
    }

    // MARK: Scanning

    func isRunToken(_ paragraph: Paragraph, _ index: Int) -> Bool {
        let token = paragraph.tokens[index]
        guard token.kind == .word else { return false }
        return token.capitalized
    }

    func scan(
        _ paragraph: Paragraph, _ sentence: Range<Int>, into mentions: inout [Mention],
        people: inout [String: PersonRecord], seen: inout PeopleSeen
    ) {
        let tokens = paragraph.tokens
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard isRunToken(paragraph, index) else {
                index += 1
                continue
            }
            // Collect the run: capitalized words, initials with their dots, connectors between capitalized words.
            var run: [Int] = []
            var cursor = index
            while cursor < sentence.upperBound {
                if isRunToken(paragraph, cursor) {
                    run.append(cursor)
                    // An initial "F." keeps its dot.
                    if tokens[cursor].end - tokens[cursor].start == 1, paragraph.isPunct(cursor + 1, 0x2E),
                        cursor + 2 < sentence.upperBound, isRunToken(paragraph, cursor + 2)
                    {
                        cursor += 2
                        continue
                    }
                    // "Rep." / "Dr." / "St." abbreviations inside a run
                    if paragraph.isPunct(cursor + 1, 0x2E), lexicon.titles[paragraph.lower(cursor) + "."] != nil,
                        cursor + 2 < sentence.upperBound, isRunToken(paragraph, cursor + 2)
                    {
                        cursor += 2
                        continue
                    }
                    cursor += 1
                    continue
                }
                if !run.isEmpty, cursor + 1 < sentence.upperBound {
                    if paragraph.isPunct(cursor, 0x26), isRunToken(paragraph, cursor + 1) {  // "Johnson & Johnson"
                        cursor += 1
                        continue
                    }
                    if tokens[cursor].kind == .word, !tokens[cursor].capitalized {
                        let word = paragraph.lower(cursor)
                        if Self.connectors.contains(word),
                            connectorAllowed(word, paragraph, run: run, next: cursor + 1, end: sentence.upperBound)
                        {
                            cursor += 1
                            continue
                        }
                    }
                }
                break
            }
            // "fired Coach Ada Quist Saturday morning": a weekday ends no name.
            while run.count > 1, let last = run.last, DateGrammar.weekdays[paragraph.lower(last)] != nil {
                run.removeLast()
            }
            if !run.isEmpty {
                handleRun(paragraph, sentence, run: run, into: &mentions, people: &people, seen: &seen)
            }
            index = max(cursor, index + 1)
        }
    }

    func connectorAllowed(_ word: String, _ paragraph: Paragraph, run: [Int], next: Int, end: Int) -> Bool {
        var lookahead = next
        if word != "the", lookahead < end, paragraph.lower(lookahead) == "the" { lookahead += 1 }
        guard lookahead < end, isRunToken(paragraph, lookahead) else { return false }
        if Self.nameParticles.contains(word) { return true }
        guard word != "the" else { return false }
        let first = paragraph.text(run[0])
        let last = paragraph.text(run[run.count - 1])
        return Self.orgHeads.contains(first) || Self.orgHeads.contains(last) || lexicon.orgSuffixes.contains(last)
    }
}
