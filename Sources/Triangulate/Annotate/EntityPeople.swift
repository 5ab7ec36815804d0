import TriangulateText

// People: their titles, roles, party tags and what makes a run look like a person's name.
extension EntityRecognizer {
    /// "R-MI", "D-Ohio", "I-VT": a legislator's party and state.
    static func isPartyTag(_ tag: String) -> Bool {
        guard let first = tag.first, "RDI".contains(first), tag.count >= 3, tag.count <= 10 else { return false }
        return tag.dropFirst().first == "-"
    }

    func looksLikePersonName(_ paragraph: Paragraph, _ words: [Int]) -> Bool {
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

    func addPerson(
        _ paragraph: Paragraph, _ sentence: Range<Int>, _ start: Int, _ end: Int, markerRange: ClosedRange<Int>?,
        into mentions: inout [Mention], people: inout [String: PersonRecord], seen: inout PeopleSeen
    ) {
        var name = paragraph.text(from: start, through: end - 1)
        // "Calder Nyquist Jr.": the suffix keeps its dot, as `nameRun` writes it.
        if end > start, Self.dottedSuffixes.contains(paragraph.text(end - 1)), paragraph.isPunct(end, 0x2E),
            paragraph.tokens[end].start == paragraph.tokens[end - 1].end
        {
            name += "."
        }
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
            var written = paragraph.text(from: markerRange.lowerBound, through: markerRange.upperBound)
            if paragraph.isPunct(markerRange.upperBound + 1, 0x2E) { written += "." }
            title = written
            if let prefix = prefixRole(paragraph, sentence, before: markerRange.lowerBound) { parts.append(prefix) }
            if !Self.honorifics.contains(marker) && !Self.honorifics.contains(written) { parts.append(written) }
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
            seen.order += 1
            seen.note(name)
            people[name] = PersonRecord(name: name, role: role, title: title, mentions: 0, order: seen.order)
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
        guard hasRole, let last, depth == 0, !rolePrecedesName(paragraph, from: index + 1) else { return nil }
        return paragraph.text(from: index + 1, through: last)
    }

    /// ", SeaMicro CEO and co-founder Andrew Feldman said": a name of two or more words right after a role word and
    /// right before a verb of saying; the role is that name's, the subject of the verb, not an appositive to the name
    /// before the comma (", founder of advisory firm Coburn Ventures, notes" is one).
    private func rolePrecedesName(_ paragraph: Paragraph, from start: Int) -> Bool {
        var cursor = start
        while cursor + 2 < min(paragraph.tokens.count, start + 16), paragraph.isWord(cursor) {
            let lower = paragraph.lower(cursor)
            if lexicon.speechVerbs.contains(lower) { return false }
            if lexicon.roleNouns.contains(lower) || lexicon.titles[lower] != nil {
                var end = cursor + 1
                while end < paragraph.tokens.count, isNamePart(paragraph, end) { end += 1 }
                if end - cursor >= 3, paragraph.isWord(end), lexicon.speechVerbs.contains(paragraph.lower(end)) {
                    return true
                }
            }
            cursor += 1
        }
        return false
    }

    /// A capitalized word that is not a role or title ("Andrew", "Feldman"; not "CEO").
    private func isNamePart(_ paragraph: Paragraph, _ index: Int) -> Bool {
        guard paragraph.isWord(index), paragraph.tokens[index].capitalized else { return false }
        let lower = paragraph.lower(index)
        return !lexicon.roleNouns.contains(lower) && lexicon.titles[lower] == nil
    }

    /// Role words right before a name: "Ford CEO", "Ford's Director of Public Relations,", "battery analyst".
    func prefixRole(_ paragraph: Paragraph, _ sentence: Range<Int>, before index: Int) -> String? {
        let tokens = paragraph.tokens
        var cursor = index - 1
        if paragraph.isPunct(cursor, 0x2C) { cursor -= 1 }
        var start: Int?
        var sawRole = false
        var lowercaseRun = 0
        var afterAnd = false
        while cursor >= sentence.lowerBound, index - cursor <= 9 {
            let token = tokens[cursor]
            if token.kind == .possessive {
                cursor -= 1
                continue
            }
            guard token.kind == .word else { break }
            let lower = paragraph.lower(cursor)
            // "president and chief executive": what a connector joins to the role is a role or a name part, not
            // "shot and killed" of the sentence before it.
            if afterAnd, !lexicon.roleNouns.contains(lower), !token.capitalized { break }
            afterAnd = lower == "and" || lower == "&"
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
            } else if sawRole, lowercaseRun < 2, !Self.roleStopWords.contains(lower), !lower.hasSuffix("ed"),
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
}

/// What an article's scan has met of people so far: how many (the order of the next one's first mention) and, per
/// last word, how many names of two or more words end in it (a common-word surname is a person's when one bearer has
/// been named: `surnameVerdict`).
struct PeopleSeen {
    var order = 0
    private(set) var bearers: [String: Int] = [:]

    /// Records a person met for the first time.
    mutating func note(_ name: String) {
        let words = name.split(separator: " ")
        guard words.count > 1, let last = words.last else { return }
        bearers[String(last), default: 0] += 1
    }
}
