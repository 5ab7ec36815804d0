import TriangulateText

// Classification of one name run: the rules are tried in a fixed order, the first that decides wins. Each group is a
// function returning a verdict, or nil to pass the run to the next group.
extension EntityRecognizer {
    /// One run of capitalized words and what surrounds it.
    struct NameRun {
        var start: Int
        var end: Int
        /// Indices of the run's word tokens.
        var words: [Int]
        var name: String
        var lowerName: String
        var first: String
        var last: String
        var allCommon: Bool
        var previousWord: String?
        var nextWord: String?
        var previousMarker: Marker?
        var nextMarker: Marker?
        var markerRange: ClosedRange<Int>?
        var roleLeadsToName: Bool
        var count: Int { words.count }
    }

    enum Verdict {
        /// Not a name worth keeping.
        case skip
        case entity(EntityKind, String, confident: Bool)
        /// A product whose model number follows the run ("Falcon 9 rocket"): the mention ends one token later.
        case model(String)
        /// A person; the title or role before the name, when there is one, gives the record its title.
        case person(markerRange: ClosedRange<Int>?)
        /// Classify again without the leading "The".
        case reclassify(start: Int)
    }

    func classify(
        _ paragraph: Paragraph, _ sentence: Range<Int>, _ start: Int, _ end: Int, previousMarker: Marker?,
        nextMarker: Marker?, markerRange: ClosedRange<Int>?, roleLeadsToName: Bool = false,
        into mentions: inout [Mention], people: inout [String: PersonRecord], seen: inout PeopleSeen
    ) {
        guard
            let run = nameRun(
                paragraph, start, end, previousMarker: previousMarker, nextMarker: nextMarker,
                markerRange: markerRange, roleLeadsToName: roleLeadsToName)
        else { return }
        let verdict =
            surnameVerdict(paragraph, sentence, run, seen: seen) ?? formVerdict(paragraph, run)
            ?? markedVerdict(paragraph, run) ?? shapeVerdict(paragraph, run) ?? contextVerdict(paragraph, run)
            ?? personVerdict(paragraph, run)
        switch verdict {
        case .skip: return
        case .entity(let kind, let text, let confident):
            mentions.append(
                Mention(
                    kind: kind, name: text, paragraph: paragraph.index, start: run.start, end: run.end,
                    confident: confident))
        case .model(let text):
            mentions.append(
                Mention(
                    kind: .product, name: text, paragraph: paragraph.index, start: run.start, end: run.end + 1,
                    confident: true))
        case .person(let range):
            addPerson(
                paragraph, sentence, run.start, run.end, markerRange: range, into: &mentions, people: &people,
                seen: &seen)
        case .reclassify(let from):
            classify(
                paragraph, sentence, from, run.end, previousMarker: previousMarker, nextMarker: nextMarker,
                markerRange: markerRange, roleLeadsToName: roleLeadsToName, into: &mentions, people: &people,
                seen: &seen)
        }
    }

    func nameRun(
        _ paragraph: Paragraph, _ start: Int, _ end: Int, previousMarker: Marker?, nextMarker: Marker?,
        markerRange: ClosedRange<Int>?, roleLeadsToName: Bool
    ) -> NameRun? {
        let tokens = paragraph.tokens
        let words = (start..<end).filter { tokens[$0].kind == .word }
        guard let firstWord = words.first, let lastWord = words.last else { return nil }
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
        let before = start > 0 ? start - 1 : nil
        return NameRun(
            start: start, end: end, words: words, name: name, lowerName: name.lowercased(),
            first: paragraph.text(firstWord), last: paragraph.text(lastWord),
            allCommon: words.allSatisfy { isCommon(paragraph.lower($0)) },
            previousWord: before.flatMap { tokens[$0].kind == .word ? paragraph.lower($0) : nil },
            nextWord: end < tokens.count && tokens[end].kind == .word ? paragraph.lower(end) : nil,
            previousMarker: previousMarker, nextMarker: nextMarker, markerRange: markerRange,
            roleLeadsToName: roleLeadsToName)
    }

    /// A surname that is also a common word ("Read", "Young"), capitalized inside a sentence after the article has
    /// named the one person who bears it ("Rory Read … In the call, Read reiterated"): that person.
    func surnameVerdict(
        _ paragraph: Paragraph, _ sentence: Range<Int>, _ run: NameRun, seen: PeopleSeen
    )
        -> Verdict?
    {
        guard run.count == 1, run.allCommon, run.start > sentence.lowerBound, !paragraph.tokens[run.words[0]].allCaps
        else { return nil }
        return seen.bearers[run.first] == 1 ? .entity(.person, run.name, confident: false) : nil
    }

    /// Decided by the words themselves: dates, "-based" adjectives, party tags, outlets, places, demonyms.
    func formVerdict(_ paragraph: Paragraph, _ run: NameRun) -> Verdict? {
        let lowerName = run.lowerName
        if run.count == 1, DateGrammar.months[lowerName] != nil || DateGrammar.weekdays[lowerName] != nil {
            return .skip
        }
        if run.count == 1, let dash = lowerName.lastIndex(of: "-"),
            Self.adjectiveTails.contains(String(lowerName[lowerName.index(after: dash)...]))
        {
            // "Detroit-based": the head may be a place; the word itself is an adjective.
            if let place = lexicon.places[String(lowerName[..<dash])] { return .entity(.place, place, confident: true) }
            return .skip
        }
        if run.count == 1, Self.isPartyTag(run.name), paragraph.isPunct(run.start - 1, 0x28),
            paragraph.isPunct(run.end, 0x29)
        {
            return .skip
        }
        if let outlet = lexicon.outlets[lowerName] { return .entity(.organization, outlet, confident: true) }
        // One leading "The" is dropped and the rest classified again; a run of them ("The The The …", hostile
        // input) is not a name and must not recurse once per word.
        let firstWord = run.words[0]
        if run.count >= 3, run.first == "The", paragraph.lower(firstWord) == "the",
            paragraph.lower(firstWord + 1) != "the"
        {
            return .reclassify(start: firstWord + 1)
        }
        if let place = lexicon.places[lowerName], run.previousMarker == nil {
            return .entity(.place, place, confident: true)
        }
        if run.count == 1, lexicon.demonyms[lowerName] != nil { return .skip }
        return nil
    }

    /// A title right before the name, and one-word names: model numbers, defined abbreviations, acronyms.
    func markedVerdict(_ paragraph: Paragraph, _ run: NameRun) -> Verdict? {
        let tokens = paragraph.tokens
        let firstWord = run.words[0]
        // Titles and role words right before the name: a person ("Representative John Moolenaar", "CEO Jim Farley").
        if case .title = run.previousMarker, run.count <= 4, !lexicon.orgSuffixes.contains(run.last) {
            return .person(markerRange: run.markerRange)
        }
        // An age right before the name: a person ("25-year-old Zelda said").
        if run.count <= 3, !lexicon.orgSuffixes.contains(run.last), paragraph.ageAdjective(before: run.start) {
            return .person(markerRange: run.markerRange)
        }
        guard run.count == 1 else { return nil }
        if tokens[firstWord].hasDigit { return .entity(.product, run.name, confident: true) }  // "SU7", "A320"
        // "lithium iron phosphate (LFP)": an abbreviation defined in the text is a term, not an organization.
        if tokens[firstWord].allCaps, paragraph.isPunct(run.start - 1, 0x28), paragraph.isPunct(run.end, 0x29),
            run.start >= 2, tokens[run.start - 2].kind == .word, !tokens[run.start - 2].capitalized
        {
            return .skip
        }
        if tokens[firstWord].allCaps || tokens[firstWord].dotted {
            if lexicon.commonAcronyms.contains(run.name) { return .skip }
            return .entity(.organization, run.name, confident: run.nextMarker != nil)
        }
        return nil
    }

    /// Organization and product by their shape: suffixes and head words, model numbers, product nouns.
    func shapeVerdict(_ paragraph: Paragraph, _ run: NameRun) -> Verdict? {
        let tokens = paragraph.tokens
        let (count, end) = (run.count, run.end)
        if lexicon.orgSuffixes.contains(run.last)
            || Self.orgHeads.contains(run.first) && count >= 2 && count < end - run.start
        {
            return .entity(.organization, run.name, confident: true)
        }
        if Self.orgHeads.contains(run.last) && count >= 2 && !run.allCommon {
            return .entity(.organization, run.name, confident: true)
        }
        if end + 1 < tokens.count, tokens[end].kind == .number, tokens[end + 1].kind == .word,
            lexicon.productNouns.contains(paragraph.lower(end + 1)), !run.allCommon
        {
            return .model(paragraph.text(from: run.start, through: end))
        }
        if run.words.contains(where: { tokens[$0].hasDigit }) && run.words.contains(where: { tokens[$0].capitalized }) {
            return .entity(.product, run.name, confident: true)
        }
        if count >= 2, lexicon.productNouns.contains(run.last.lowercased()), !run.allCommon {
            return .entity(.product, run.name, confident: true)
        }
        if let nextWord = run.nextWord, lexicon.productNouns.contains(nextWord), !run.allCommon,
            !lexicon.firstNames.contains(run.first)
        {
            return .entity(.product, run.name, confident: true)
        }
        return nil
    }

    /// Decided by the words around: a role word after, organization cues, place suffixes, "told X", "X's plant".
    func contextVerdict(_ paragraph: Paragraph, _ run: NameRun) -> Verdict? {
        let tokens = paragraph.tokens
        let organization = Verdict.entity(.organization, run.name, confident: true)
        // Role word right after ("Ford CEO", "Acme spokesperson"), or an organization cue before/after.
        if case .role(let role) = run.nextMarker, !lexicon.firstNames.contains(run.first) || run.count == 1 {
            let placeOrCommon = run.words.allSatisfy {
                isCommon(paragraph.lower($0)) || lexicon.places[paragraph.lower($0)] != nil
            }
            if placeOrCommon { return .skip }
            // "Ford CEO Jim Farley", "Acme spokesperson": an organization; "Auto Industry Analyst": part of a role.
            return run.roleLeadsToName || Self.organizationRoles.contains(role.lowercased()) ? organization : .skip
        }
        if let nextWord = run.nextWord, lexicon.orgCues.contains(nextWord),
            !lexicon.firstNames.contains(run.first) || run.count == 1
        {
            return organization
        }
        // "Acme spokesman Qadim Sook": a name of two to four words after a role noun is the role's holder, even
        // when the role noun also cues an organization ("a statement by spokesman X").
        if let previousWord = run.previousWord, lexicon.orgCues.contains(previousWord),
            !looksLikePersonName(paragraph, run.words),
            !(lexicon.roleNouns.contains(previousWord) && run.count >= 2 && run.count <= 4 && !run.allCommon
                && !lexicon.orgSuffixes.contains(run.last))
        {
            return organization
        }
        if Self.placeSuffixes.contains(run.last) || Self.placePrefixes.contains(run.first),
            run.count >= 2
        {
            return .entity(.place, run.name, confident: true)
        }
        let personLike = looksLikePersonName(paragraph, run.words)
        // "told (the) X", "X reported", "X's plant": where people talk to or things belong to.
        let toldBefore =
            run.previousWord == "told"
            || (run.previousWord == "the" && run.start >= 2 && paragraph.lower(run.start - 2) == "told")
        if !personLike, toldBefore || run.nextWord == "reported" || run.nextWord == "reports" { return organization }
        let end = run.end
        if !personLike, end + 1 < tokens.count, tokens[end].kind == .possessive, tokens[end + 1].kind == .word,
            Self.possessions.contains(paragraph.lower(end + 1))
        {
            return organization
        }
        return nil
    }

    /// A person who goes by one name ("said disaster agency official Fauzi.", "Fauzi, an official from the agency,
    /// told reporters"): right after a role word and closing the clause, or described by an appositive that opens
    /// with an article. Not an acronym, a place or a common word.
    func isOneWordPerson(_ paragraph: Paragraph, _ run: NameRun, roleBefore: Bool) -> Bool {
        let word = run.words[0]
        let lower = paragraph.lower(word)
        guard !run.allCommon, !paragraph.tokens[word].allCaps, !paragraph.tokens[word].hasDigit,
            lexicon.places[lower] == nil, lexicon.demonyms[lower] == nil
        else { return false }
        if roleBefore {
            return run.end >= paragraph.tokens.count || paragraph.tokens[run.end].kind == .punct
        }
        guard let role = appositiveRole(paragraph, after: run.end),
            let first = role.split(separator: " ").first.map({ $0.lowercased() })
        else { return false }
        return ["a", "an", "the"].contains(first)
    }

    /// A role noun right before `comma`, or one followed only by "of", "the" and capitalized words ("governor of
    /// Lake State"), at most six words back.
    func roleEnds(_ paragraph: Paragraph, before comma: Int) -> Bool {
        var index = comma - 1
        while index >= max(0, comma - 6), paragraph.isWord(index) {
            let word = paragraph.lower(index)
            if lexicon.roleNouns.contains(word) { return true }
            let joins = index < comma - 1 && (word == "of" || word == "the")
            guard paragraph.tokens[index].capitalized || joins else { return false }
            index -= 1
        }
        return false
    }

    /// People (after a role, led by an initial, a known first name, an appositive role, a speech verb), else a
    /// place after a locative, else an unclassified name.
    func personVerdict(_ paragraph: Paragraph, _ run: NameRun) -> Verdict {
        let tokens = paragraph.tokens
        let (count, firstWord) = (run.count, run.words[0])
        if case .role = run.previousMarker, count >= 2, count <= 4, !run.allCommon {
            return .person(markerRange: run.markerRange)
        }
        let initialLed =
            count >= 2 && tokens[firstWord].end - tokens[firstWord].start == 1 && paragraph.isPunct(firstWord + 1, 0x2E)
        let roleBefore = run.previousWord.map { lexicon.roleNouns.contains($0) } ?? false
        if count >= 2, count <= 4, initialLed || roleBefore, !run.allCommon, !lexicon.orgSuffixes.contains(run.last) {
            return .person(markerRange: nil)
        }
        if count >= 2, count <= 4, looksLikePersonName(paragraph, run.words) { return .person(markerRange: nil) }
        if count == 1, isOneWordPerson(paragraph, run, roleBefore: roleBefore) { return .person(markerRange: nil) }
        if count >= 2, count <= 4, !run.allCommon,
            appositiveRole(paragraph, after: run.end) != nil || paragraph.ageApposition(at: run.end) > 0
        {
            return .person(markerRange: nil)
        }
        // "His barber, Tobiah Stone, also retired, agreed", "The governor of Lake State, Omari Tesh, said": a name
        // set off by commas right after a role noun, or after a role noun and the place or body it serves.
        if count >= 2, count <= 4, !run.allCommon, run.start >= 2, paragraph.isPunct(run.start - 1, 0x2C),
            paragraph.isPunct(run.end, 0x2C), roleEnds(paragraph, before: run.start - 1)
        {
            return .person(markerRange: nil)
        }
        if count >= 2, count <= 3, !run.allCommon, let nextWord = run.nextWord, lexicon.speechVerbs.contains(nextWord),
            run.words.allSatisfy({ !lexicon.commonWords.contains(paragraph.lower($0)) })
        {
            return .person(markerRange: nil)
        }
        if run.allCommon { return .skip }
        // "in Tarvik" is a place; "a flaw in Halvard's browser" is an owner, not where the flaw is.
        let possessed = run.end < paragraph.tokens.count && paragraph.tokens[run.end].kind == .possessive
        if let previousWord = run.previousWord, Self.locatives.contains(previousWord), !possessed,
            !looksLikePersonName(paragraph, run.words), !lexicon.firstNames.contains(run.first)
        {
            return .entity(.place, run.name, confident: false)
        }
        return .entity(.other, run.name, confident: false)
    }
}
