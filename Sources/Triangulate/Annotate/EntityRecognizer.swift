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
    static let adjectiveTails: Set<String> = Lexicon.shared.words(.adjectiveTails)
    static let personPronouns: Set<String> = Lexicon.shared.words(.personPronouns)
    /// Last words that make a capitalized name a place ("Pierce County", "Commencement Bay").
    static let placeSuffixes: Set<String> = Lexicon.shared.words(.placeSuffixes)
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
        var order = 0
        for paragraph in paragraphs where !paragraph.isHeading {
            for sentence in paragraph.sentences {
                scan(paragraph, sentence, into: &mentions[paragraph.index], people: &people, order: &order)
            }
        }
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

    private func isRunToken(_ paragraph: Paragraph, _ index: Int) -> Bool {
        let token = paragraph.tokens[index]
        guard token.kind == .word else { return false }
        return token.capitalized
    }

    private func scan(
        _ paragraph: Paragraph, _ sentence: Range<Int>, into mentions: inout [Mention],
        people: inout [String: PersonRecord], order: inout Int
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
            if !run.isEmpty {
                handleRun(paragraph, sentence, run: run, into: &mentions, people: &people, order: &order)
            }
            index = max(cursor, index + 1)
        }
    }

    private func connectorAllowed(_ word: String, _ paragraph: Paragraph, run: [Int], next: Int, end: Int) -> Bool {
        var lookahead = next
        if word != "the", lookahead < end, paragraph.lower(lookahead) == "the" { lookahead += 1 }
        guard lookahead < end, isRunToken(paragraph, lookahead) else { return false }
        if Self.nameParticles.contains(word) { return true }
        guard word != "the" else { return false }
        let first = paragraph.text(run[0])
        let last = paragraph.text(run[run.count - 1])
        return Self.orgHeads.contains(first) || Self.orgHeads.contains(last) || lexicon.orgSuffixes.contains(last)
    }

    /// Splits a run at titles and capitalized role words ("Ford CEO Jim Farley" → Ford | CEO | Jim Farley) and
    /// classifies each piece.
    private func handleRun(
        _ paragraph: Paragraph, _ sentence: Range<Int>, run: [Int], into mentions: inout [Mention],
        people: inout [String: PersonRecord], order: inout Int
    ) {
        var segments: [(range: ClosedRange<Int>, marker: Marker?)] = []
        // A run that is a known name or ends in an organization word is one name, titles inside it or not
        // ("General Motors", "Justice Department", "North America").
        var trimmed = run[...]
        let fullName = paragraph.text(from: run[0], through: run[run.count - 1]).lowercased()
        if lexicon.places[fullName] == nil && lexicon.outlets[fullName] == nil {
            // Only function words ("A", "The", "However", "Outside") come off the front of a whole name.
            while trimmed.count > 1, isDroppableLead(paragraph, trimmed.first!, sentence),
                Self.leadingFunctionWords.contains(paragraph.lower(trimmed.first!))
                    || Segmenter.sentenceOpeners.contains(paragraph.lower(trimmed.first!))
            {
                trimmed = trimmed.dropFirst()
            }
        }
        if isWholeName(paragraph, Array(trimmed)) {
            classify(
                paragraph, sentence, trimmed.first!, trimmed.last! + 1, previousMarker: nil, nextMarker: nil,
                markerRange: nil, into: &mentions, people: &people, order: &order)
            return
        }
        var segmentStart: Int?
        var position = 0
        var lastIndex = run[0]
        while position < run.count {
            let token = run[position]
            if let (marker, length) = markerAt(paragraph, run, position) {
                if let start = segmentStart { segments.append((start...lastIndex, nil)) }
                segmentStart = nil
                let markerEnd = run[position + length - 1]
                segments.append((token...markerEnd, marker))
                lastIndex = markerEnd
                position += length
                continue
            }
            if segmentStart == nil { segmentStart = token }
            lastIndex = token
            position += 1
        }
        if let start = segmentStart { segments.append((start...lastIndex, nil)) }

        for (offset, segment) in segments.enumerated() where segment.marker == nil {
            var range = segment.range
            // Drop sentence-initial common words ("However", "The") from the front.
            while range.lowerBound <= range.upperBound, isDroppableLead(paragraph, range.lowerBound, sentence) {
                let next = nextToken(after: range.lowerBound, in: paragraph, upTo: range.upperBound)
                guard let next else { range = range.upperBound + 1...range.upperBound + 1; break }
                range = next...range.upperBound
            }
            guard range.lowerBound <= range.upperBound, range.upperBound < paragraph.tokens.count,
                isRunToken(paragraph, range.lowerBound)
            else { continue }
            let previousMarker = offset > 0 ? segments[offset - 1].marker : nil
            let nextMarker = offset + 1 < segments.count ? segments[offset + 1].marker : nil
            classify(
                paragraph, sentence, range.lowerBound, range.upperBound + 1, previousMarker: previousMarker,
                nextMarker: nextMarker, markerRange: offset > 0 ? segments[offset - 1].range : nil,
                roleLeadsToName: offset + 2 < segments.count && segments[offset + 2].marker == nil,
                into: &mentions, people: &people, order: &order)
        }
        // A role word followed by nothing of the run can still make the run before it an organization ("Ford CEO").
    }

    private func isWholeName(_ paragraph: Paragraph, _ run: [Int]) -> Bool {
        let name = paragraph.text(from: run[0], through: run[run.count - 1]).lowercased()
        if lexicon.places[name] != nil || lexicon.outlets[name] != nil { return run.count > 1 }
        let last = paragraph.text(run[run.count - 1])
        guard run.count >= 2, lexicon.orgSuffixes.contains(last) || Self.orgHeads.contains(last) else { return false }
        // Not when a person's name sits inside: "Senator Ann Lee Foundation" is rare, "CEO Jim Farley" common.
        return !run.dropLast().contains { lexicon.firstNames.contains(paragraph.text($0)) }
    }

    enum Marker: Equatable {
        case title(String)
        case role(String)
    }

    /// A title ("Representative", "Rep.", "Prime Minister") or a capitalized role word ("CEO", "Analyst") at
    /// `position` of the run, with how many run tokens it covers.
    private func markerAt(_ paragraph: Paragraph, _ run: [Int], _ position: Int) -> (Marker, Int)? {
        let token = run[position]
        if position + 1 < run.count {
            let pair = paragraph.lower(token) + " " + paragraph.lower(run[position + 1])
            if let title = lexicon.titles[pair] { return (.title(title), 2) }
        }
        let lower = paragraph.lower(token)
        if paragraph.isPunct(token + 1, 0x2E), let title = lexicon.titles[lower + "."] { return (.title(title), 1) }
        if let title = lexicon.titles[lower], position + 1 < run.count {
            // "General Manager": a title word opening a role is part of the role.
            if lexicon.roleNouns.contains(paragraph.lower(run[position + 1])) {
                return (.role(paragraph.text(from: token, through: run[position + 1])), 2)
            }
            // "Representative" opens a name only when a name follows within the run.
            return (.title(title), 1)
        }
        if lexicon.roleNouns.contains(lower), paragraph.tokens[token].kind == .word {
            return (.role(paragraph.text(token)), 1)
        }
        return nil
    }

    private func isDroppableLead(_ paragraph: Paragraph, _ index: Int, _ sentence: Range<Int>) -> Bool {
        // A sentence start, or just after an opening quote or bracket.
        let opening: Set<UInt32> = [0x22, 0x27, 0x28, 0x5B, Segmenter.leftDouble, Segmenter.leftSingle]
        let atStart = index == sentence.lowerBound || (index > 0 && opening.contains(paragraph.punctScalar(index - 1)))
        let lower = paragraph.lower(index)
        if lexicon.demonyms[lower] != nil { return true }
        if DateGrammar.months[lower] != nil || DateGrammar.weekdays[lower] != nil { return true }
        guard atStart else { return false }
        if Self.leadingFunctionWords.contains(lower) || Segmenter.sentenceOpeners.contains(lower) { return true }
        return isCommon(lower) && !lexicon.firstNames.contains(paragraph.text(index))
    }

    /// A common English word, plurals included ("companies", "officials").
    func isCommon(_ lower: String) -> Bool {
        if lexicon.commonWords.contains(lower) { return true }
        if lower.hasSuffix("ies") { return lexicon.commonWords.contains(String(lower.dropLast(3)) + "y") }
        if lower.hasSuffix("s") { return lexicon.commonWords.contains(String(lower.dropLast())) }
        return false
    }

    private func nextToken(after index: Int, in paragraph: Paragraph, upTo last: Int) -> Int? {
        var cursor = index + 1
        while cursor <= last {
            if isRunToken(paragraph, cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    // MARK: Classification

    private func classify(
        _ paragraph: Paragraph, _ sentence: Range<Int>, _ start: Int, _ end: Int, previousMarker: Marker?,
        nextMarker: Marker?, markerRange: ClosedRange<Int>?, roleLeadsToName: Bool = false,
        into mentions: inout [Mention], people: inout [String: PersonRecord], order: inout Int
    ) {
        let tokens = paragraph.tokens
        let words = (start..<end).filter { tokens[$0].kind == .word }
        guard let firstWord = words.first, let lastWord = words.last else { return }
        var end = end
        if paragraph.text(lastWord) == "Local", end < tokens.count, tokens[end].kind == .number {
            end += 1  // a union local: "Operators Guild Local 882"
        }
        var name = paragraph.text(from: start, through: end - 1)
        if Self.dottedSuffixes.contains(paragraph.text(lastWord)), paragraph.isPunct(end, 0x2E),
            paragraph.tokens[end].start == paragraph.tokens[lastWord].end
        {
            name += "."
        }
        let lowerName = name.lowercased()
        let count = words.count
        let first = paragraph.text(firstWord)
        let last = paragraph.text(lastWord)
        let allCommon = words.allSatisfy { isCommon(paragraph.lower($0)) }
        let before = start > 0 ? start - 1 : nil
        let previousWord = before.flatMap { tokens[$0].kind == .word ? paragraph.lower($0) : nil }
        let nextWord = end < tokens.count && tokens[end].kind == .word ? paragraph.lower(end) : nil

        func add(_ kind: EntityKind, _ text: String, confident: Bool = true) {
            mentions.append(
                Mention(
                    kind: kind, name: text, paragraph: paragraph.index, start: start, end: end, confident: confident))
        }

        if count == 1, DateGrammar.months[lowerName] != nil || DateGrammar.weekdays[lowerName] != nil { return }
        if count == 1, let dash = lowerName.lastIndex(of: "-"),
            Self.adjectiveTails.contains(String(lowerName[lowerName.index(after: dash)...]))
        {
            // "Detroit-based": the head may be a place; the word itself is an adjective.
            if let place = lexicon.places[String(lowerName[..<dash])] { add(.place, place) }
            return
        }
        if count == 1, Self.isPartyTag(name), paragraph.isPunct(start - 1, 0x28), paragraph.isPunct(end, 0x29) {
            return
        }
        if let outlet = lexicon.outlets[lowerName] { return add(.organization, outlet) }
        // One leading "The" is dropped and the rest classified again; a run of them ("The The The …", hostile
        // input) is not a name and must not recurse once per word.
        if count >= 3, first == "The", paragraph.lower(firstWord) == "the", paragraph.lower(firstWord + 1) != "the" {
            return classify(
                paragraph, sentence, firstWord + 1, end, previousMarker: previousMarker, nextMarker: nextMarker,
                markerRange: markerRange, roleLeadsToName: roleLeadsToName, into: &mentions, people: &people,
                order: &order)
        }
        if let place = lexicon.places[lowerName], previousMarker == nil { return add(.place, place) }
        if count == 1, lexicon.demonyms[lowerName] != nil { return }

        // Titles and role words right before the name: a person ("Representative John Moolenaar", "CEO Jim Farley").
        if case .title = previousMarker, count <= 4, !lexicon.orgSuffixes.contains(last) {
            return addPerson(
                paragraph, sentence, start, end, markerRange: markerRange, into: &mentions, people: &people,
                order: &order)
        }
        if count == 1, tokens[firstWord].hasDigit { return add(.product, name) }  // "SU7", "A320"
        // "lithium iron phosphate (LFP)": an abbreviation defined in the text is a term, not an organization.
        if count == 1, tokens[firstWord].allCaps, paragraph.isPunct(start - 1, 0x28), paragraph.isPunct(end, 0x29),
            start >= 2, tokens[start - 2].kind == .word, !tokens[start - 2].capitalized
        {
            return
        }
        if count == 1, tokens[firstWord].allCaps || tokens[firstWord].dotted {
            if lexicon.commonAcronyms.contains(name) { return }
            if nextMarker != nil { return add(.organization, name) }
            return add(.organization, name, confident: false)
        }
        if lexicon.orgSuffixes.contains(last)
            || Self.orgHeads.contains(first) && count >= 2 && words.count < end - start
        {
            return add(.organization, name)
        }
        if Self.orgHeads.contains(last) && count >= 2 && !allCommon { return add(.organization, name) }
        if end + 1 < tokens.count, tokens[end].kind == .number, tokens[end + 1].kind == .word,
            lexicon.productNouns.contains(paragraph.lower(end + 1)), !allCommon
        {
            let model = paragraph.text(from: start, through: end)
            mentions.append(
                Mention(
                    kind: .product, name: model, paragraph: paragraph.index, start: start, end: end + 1, confident: true
                ))
            return
        }
        if words.contains(where: { tokens[$0].hasDigit }) && words.contains(where: { tokens[$0].capitalized }) {
            return add(.product, name)
        }
        if count >= 2, lexicon.productNouns.contains(last.lowercased()), !allCommon { return add(.product, name) }
        if let nextWord, lexicon.productNouns.contains(nextWord), !allCommon, !lexicon.firstNames.contains(first) {
            return add(.product, name)
        }
        // Role word right after ("Ford CEO", "Acme spokesperson"), or an organization cue before/after.
        if case .role(let role) = nextMarker, !lexicon.firstNames.contains(first) || count == 1 {
            let placeOrCommon = words.allSatisfy {
                isCommon(paragraph.lower($0)) || lexicon.places[paragraph.lower($0)] != nil
            }
            if placeOrCommon { return }
            // "Ford CEO Jim Farley", "Acme spokesperson": an organization; "Auto Industry Analyst": part of a role.
            if roleLeadsToName || Self.organizationRoles.contains(role.lowercased()) { return add(.organization, name) }
            return
        }
        if let nextWord, lexicon.orgCues.contains(nextWord), !lexicon.firstNames.contains(first) || count == 1 {
            return add(.organization, name)
        }
        if let previousWord, lexicon.orgCues.contains(previousWord), !looksLikePersonName(paragraph, words) {
            return add(.organization, name)
        }
        if Self.placeSuffixes.contains(last), count >= 2 { return add(.place, name) }
        let personLike = looksLikePersonName(paragraph, words)
        // "told (the) X", "X reported", "X's plant": where people talk to or things belong to.
        let toldBefore =
            previousWord == "told" || (previousWord == "the" && start >= 2 && paragraph.lower(start - 2) == "told")
        if !personLike, toldBefore || nextWord == "reported" || nextWord == "reports" {
            return add(.organization, name)
        }
        if !personLike, end + 1 < tokens.count, tokens[end].kind == .possessive, tokens[end + 1].kind == .word,
            Self.possessions.contains(paragraph.lower(end + 1))
        {
            return add(.organization, name)
        }
        if case .role = previousMarker, count >= 2, count <= 4, !allCommon {
            return addPerson(
                paragraph, sentence, start, end, markerRange: markerRange, into: &mentions, people: &people,
                order: &order)
        }
        let initialLed =
            count >= 2 && tokens[firstWord].end - tokens[firstWord].start == 1 && paragraph.isPunct(firstWord + 1, 0x2E)
        let roleBefore = previousWord.map { lexicon.roleNouns.contains($0) } ?? false
        if count >= 2, count <= 4, initialLed || roleBefore, !allCommon, !lexicon.orgSuffixes.contains(last) {
            return addPerson(
                paragraph, sentence, start, end, markerRange: nil, into: &mentions, people: &people, order: &order)
        }
        if count >= 2, count <= 4, looksLikePersonName(paragraph, words) {
            return addPerson(
                paragraph, sentence, start, end, markerRange: nil, into: &mentions, people: &people, order: &order)
        }
        if count >= 2, count <= 4, !allCommon, appositiveRole(paragraph, after: end) != nil {
            return addPerson(
                paragraph, sentence, start, end, markerRange: nil, into: &mentions, people: &people, order: &order)
        }
        if count >= 2, count <= 3, !allCommon, let nextWord, lexicon.speechVerbs.contains(nextWord),
            words.allSatisfy({ !lexicon.commonWords.contains(paragraph.lower($0)) })
        {
            return addPerson(
                paragraph, sentence, start, end, markerRange: nil, into: &mentions, people: &people, order: &order)
        }
        if allCommon { return }
        if let previousWord, Self.locatives.contains(previousWord), !personLike, !lexicon.firstNames.contains(first) {
            return add(.place, name, confident: false)
        }
        add(.other, name, confident: false)
    }

    /// "R-MI", "D-Ohio", "I-VT": a legislator's party and state.
    static func isPartyTag(_ tag: String) -> Bool {
        guard let first = tag.first, "RDI".contains(first), tag.count >= 3, tag.count <= 10 else { return false }
        return tag.dropFirst().first == "-"
    }

    private func looksLikePersonName(_ paragraph: Paragraph, _ words: [Int]) -> Bool {
        guard words.count >= 2, words.count <= 4 else { return false }
        let first = paragraph.text(words[0])
        let last = paragraph.text(words[words.count - 1])
        if lexicon.orgSuffixes.contains(last) || Self.orgHeads.contains(last) { return false }
        if lexicon.places[last.lowercased()] != nil && words.count == 2 && !lexicon.firstNames.contains(first) {
            return false
        }
        if lexicon.firstNames.contains(first) { return true }
        if lexicon.surnameFirst.contains(first) {
            return words.dropFirst().allSatisfy { !lexicon.commonWords.contains(paragraph.lower($0)) }
        }
        return false
    }

    // MARK: People and roles

    private func addPerson(
        _ paragraph: Paragraph, _ sentence: Range<Int>, _ start: Int, _ end: Int, markerRange: ClosedRange<Int>?,
        into mentions: inout [Mention], people: inout [String: PersonRecord], order: inout Int
    ) {
        let name = paragraph.text(from: start, through: end - 1)
        mentions.append(
            Mention(kind: .person, name: name, paragraph: paragraph.index, start: start, end: end, confident: true))
        var title: String?
        var parts: [String] = []
        let markerTitle = markerRange.flatMap { range in
            lexicon.titles[paragraph.text(from: range.lowerBound, through: range.upperBound).lowercased()]
                ?? lexicon.titles[paragraph.lower(range.lowerBound) + "."]
        }
        if let markerRange, let marker = markerTitle,
            !lexicon.roleNouns.contains(paragraph.lower(markerRange.upperBound))
        {
            title = paragraph.text(from: markerRange.lowerBound, through: markerRange.upperBound)
            if paragraph.isPunct(markerRange.upperBound + 1, 0x2E) { title! += "." }
            if let prefix = prefixRole(paragraph, sentence, before: markerRange.lowerBound) { parts.append(prefix) }
            if !Self.honorifics.contains(marker) && !Self.honorifics.contains(title!) { parts.append(title!) }
        } else if let prefix = prefixRole(paragraph, sentence, before: start) {
            parts.append(prefix)
        }
        var cursor = end
        // Party and state: "(R-MI)", "(D-Ohio)".
        if paragraph.isPunct(cursor, 0x28), cursor + 2 < paragraph.tokens.count, paragraph.isPunct(cursor + 2, 0x29) {
            let tag = paragraph.text(cursor + 1)
            if Self.isPartyTag(tag) || tag == "R" || tag == "D" {
                parts.append("(\(tag))")
                cursor += 3
            }
        }
        var role = parts.isEmpty ? nil : parts.joined(separator: " ")
        if let appositive = appositiveRole(paragraph, after: cursor) {
            role = role.map { $0 + ", " + appositive } ?? appositive
        }
        if var record = people[name] {
            if record.role == nil { record.role = role }
            if record.title == nil { record.title = title }
            people[name] = record
        } else {
            order += 1
            people[name] = PersonRecord(name: name, role: role, title: title, mentions: 0, order: order)
        }
    }

    /// ", Auto Industry Analyst at Bernstein Research" after a name: the phrase up to the next comma, colon or verb, when
    /// it holds a role word.
    func appositiveRole(_ paragraph: Paragraph, after index: Int) -> String? {
        let tokens = paragraph.tokens
        guard paragraph.isPunct(index, 0x2C), index + 1 < tokens.count else { return nil }
        var cursor = index + 1
        var last: Int?
        var hasRole = false
        var depth = 0
        while cursor < tokens.count, cursor - index <= 16 {
            let token = tokens[cursor]
            if token.kind == .punct {
                if paragraph.isPunct(cursor, 0x28) {
                    depth += 1
                } else if paragraph.isPunct(cursor, 0x29) {
                    guard depth > 0 else { break }
                    depth -= 1
                } else if !(paragraph.isPunct(cursor, 0x26) || paragraph.isPunct(cursor, 0x2D)) && depth == 0 {
                    break
                }
            } else if token.kind == .word {
                let lower = paragraph.lower(cursor)
                if lower == "who", cursor + 1 < tokens.count, Self.roleVerbs.contains(paragraph.lower(cursor + 1)) {
                    hasRole = true  // "who chairs the transport committee"
                } else if Self.roleStopWords.contains(lower) || lexicon.speechVerbs.contains(lower) {
                    break
                }
                if lexicon.roleNouns.contains(lower) || lexicon.titles[lower] != nil { hasRole = true }
            } else if token.kind == .number, cursor == index + 1 {
                break
            }
            last = cursor
            cursor += 1
        }
        guard hasRole, let last, depth == 0 else { return nil }
        return paragraph.text(from: index + 1, through: last)
    }

    /// Role words right before a name: "Ford CEO", "Ford's Director of Public Relations,", "battery analyst".
    func prefixRole(_ paragraph: Paragraph, _ sentence: Range<Int>, before index: Int) -> String? {
        let tokens = paragraph.tokens
        var cursor = index - 1
        if paragraph.isPunct(cursor, 0x2C) { cursor -= 1 }
        var start: Int?
        var sawRole = false
        var lowercaseRun = 0
        while cursor >= sentence.lowerBound, index - cursor <= 9 {
            let token = tokens[cursor]
            if token.kind == .possessive {
                cursor -= 1
                continue
            }
            guard token.kind == .word else { break }
            let lower = paragraph.lower(cursor)
            if lexicon.roleNouns.contains(lower) {
                sawRole = true
                lowercaseRun = 0
            } else if token.capitalized {
                if lexicon.speechVerbs.contains(lower)
                    || Segmenter.sentenceOpeners.contains(lower) && cursor == sentence.lowerBound
                {
                    break
                }
                lowercaseRun = 0
            } else if ["of", "for", "at", "and", "&"].contains(lower) {
                lowercaseRun = 0
            } else if sawRole, lowercaseRun < 2, !Self.roleStopWords.contains(lower),
                !lexicon.speechVerbs.contains(lower),
                !QuoteAttributor.functionWords.contains(lower)
            {
                lowercaseRun += 1  // "union president", "senior analyst"
            } else {
                break
            }
            start = cursor
            cursor -= 1
        }
        guard sawRole, var first = start else { return nil }
        while first < index, ["of", "for", "at", "the", "and", "&"].contains(paragraph.lower(first)) { first += 1 }
        // The role must reach the name: "the CEO of Acme, Jo Bell" is fine, a role word far back is not.
        guard (first..<index).contains(where: { lexicon.roleNouns.contains(paragraph.lower($0)) }) else { return nil }
        var end = index - 1
        if paragraph.isPunct(end, 0x2C) { end -= 1 }
        guard first <= end else { return nil }
        return paragraph.text(from: first, through: end)
    }

    // MARK: Article-level resolution

    private func resolve(_ mentions: inout [[Mention]], people: inout [String: PersonRecord]) {
        // Surnames and first words of known multi-word names.
        var surnames: [String: String] = [:]
        var ambiguous: Set<String> = []
        for name in people.keys.sorted() {
            let parts = name.split(separator: " ")
            guard parts.count >= 2, let last = parts.last else { continue }
            let key = String(last)
            if let existing = surnames[key], existing != name { ambiguous.insert(key) } else { surnames[key] = name }
        }
        for key in ambiguous { surnames[key] = nil }
        var typed: [String: EntityKind] = [:]
        var orgByFirstWord: [String: String] = [:]
        for list in mentions {
            for mention in list where mention.confident && mention.kind != .other {
                if typed[mention.name] == nil { typed[mention.name] = mention.kind }
                if mention.kind == .organization, let first = mention.name.split(separator: " ").first,
                    mention.name.contains(" ")
                {
                    let key = String(first)
                    if orgByFirstWord[key] == nil || orgByFirstWord[key]!.count < mention.name.count {
                        orgByFirstWord[key] = mention.name
                    }
                }
            }
        }
        for paragraphIndex in mentions.indices {
            for index in mentions[paragraphIndex].indices {
                var mention = mentions[paragraphIndex][index]
                if let full = surnames[mention.name],
                    mention.kind == .other || mention.kind == .person || typed[mention.name] == nil
                {
                    mention.kind = .person
                    mention.name = full
                } else if mention.kind == .organization || mention.kind == .other,
                    let full = orgByFirstWord[mention.name]
                {
                    mention.kind = .organization
                    mention.name = full
                } else if !mention.confident, let kind = typed[mention.name] {
                    mention.kind = kind
                } else if mention.kind == .other, let first = mention.name.split(separator: " ").first,
                    mention.name.contains(" "),
                    orgByFirstWord[String(first)] != nil || typed[String(first)] == .organization
                        || context.kinds[String(first)] == .organization
                {
                    mention.kind = .organization
                } else if !mention.confident, let full = context.surnames[mention.name], !mention.name.contains(" ") {
                    mention.kind = .person
                    mention.name = full
                    if people[full] == nil { people[full] = PersonRecord(name: full, mentions: 0, order: Int.max) }
                } else if !mention.confident, let kind = context.kinds[mention.name] {
                    mention.kind = kind
                    if kind == .person, people[mention.name] == nil {
                        people[mention.name] = PersonRecord(name: mention.name, mentions: 0, order: Int.max)
                    }
                } else if mention.kind == .person, people[mention.name] == nil {
                    people[mention.name] = PersonRecord(name: mention.name, mentions: 0, order: Int.max)
                }
                mentions[paragraphIndex][index] = mention
            }
        }
        // Organizations known by a longer name in this article are reported under it.
        for paragraphIndex in mentions.indices {
            for index in mentions[paragraphIndex].indices where mentions[paragraphIndex][index].kind == .organization {
                let name = mentions[paragraphIndex][index].name
                if !name.contains(" "), let full = orgByFirstWord[name] { mentions[paragraphIndex][index].name = full }
            }
        }
    }
}
