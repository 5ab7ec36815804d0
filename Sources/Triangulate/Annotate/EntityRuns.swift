import TriangulateText

// Runs of capitalized words: split at titles and role words, leading function words dropped.
extension EntityRecognizer {
    /// Splits a run at titles and capitalized role words ("Ford CEO Jim Farley" → Ford | CEO | Jim Farley) and
    /// classifies each piece.
    func handleRun(
        _ paragraph: Paragraph, _ sentence: Range<Int>, run: [Int], into mentions: inout [Mention],
        people: inout [String: PersonRecord], seen: inout PeopleSeen
    ) {
        var segments: [(range: ClosedRange<Int>, marker: Marker?)] = []
        // A run that is a known name or ends in an organization word is one name, titles inside it or not
        // ("General Motors", "Justice Department", "North America").
        var trimmed = run[...]
        let fullName = paragraph.text(from: run[0], through: run[run.count - 1]).lowercased()
        if lexicon.places[fullName] == nil && lexicon.outlets[fullName] == nil {
            // Only function words ("A", "The", "However", "Outside") come off the front of a whole name.
            while trimmed.count > 1, let lead = trimmed.first, isDroppableLead(paragraph, lead, sentence),
                Self.leadingFunctionWords.contains(paragraph.lower(lead))
                    || Segmenter.sentenceOpeners.contains(paragraph.lower(lead))
                    || Self.questionAuxiliaries.contains(paragraph.lower(lead))
            {
                trimmed = trimmed.dropFirst()
            }
        }
        if isWholeName(paragraph, Array(trimmed)), let first = trimmed.first, let last = trimmed.last {
            classify(
                paragraph, sentence, first, last + 1, previousMarker: nil, nextMarker: nil,
                markerRange: nil, into: &mentions, people: &people, seen: &seen)
            return
        }
        var segmentStart: Int?
        var position = 0
        var lastIndex = run[0]
        // "trainer Piet Steward": a name a lowercase role word introduces ends in a surname, even one that is a job.
        let before = run[0] - 1
        let introducedByRole =
            before >= 0 && paragraph.tokens[before].kind == .word && !paragraph.tokens[before].capitalized
            && lexicon.roleNouns.contains(paragraph.lower(before))
        while position < run.count {
            let token = run[position]
            let surname = introducedByRole && position > 0 && position == run.count - 1
            if !surname, let (marker, length) = markerAt(paragraph, run, position) {
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
                into: &mentions, people: &people, seen: &seen)
        }
        // A role word followed by nothing of the run can still make the run before it an organization ("Ford CEO").
    }

    func isWholeName(_ paragraph: Paragraph, _ run: [Int]) -> Bool {
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
    func markerAt(_ paragraph: Paragraph, _ run: [Int], _ position: Int) -> (Marker, Int)? {
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

    func isDroppableLead(_ paragraph: Paragraph, _ index: Int, _ sentence: Range<Int>) -> Bool {
        // A sentence start, or just after an opening quote or bracket.
        let opening: Set<UInt32> = [0x22, 0x27, 0x28, 0x5B, Segmenter.leftDouble, Segmenter.leftSingle]
        let atStart = index == sentence.lowerBound || (index > 0 && opening.contains(paragraph.punctScalar(index - 1)))
        let lower = paragraph.lower(index)
        if lexicon.demonyms[lower] != nil { return true }
        if DateGrammar.months[lower] != nil || DateGrammar.weekdays[lower] != nil { return true }
        guard atStart else { return false }
        if Self.leadingFunctionWords.contains(lower) || Segmenter.sentenceOpeners.contains(lower) { return true }
        // "Will Intel develop a similar design?": an auxiliary opening a question, not a first name.
        if Self.questionAuxiliaries.contains(lower), let last = sentence.last, paragraph.isPunct(last, 0x3F) {
            return true
        }
        return isCommon(lower) && !lexicon.firstNames.contains(paragraph.text(index))
    }

    /// A common English word, plurals included ("companies", "officials").
    func isCommon(_ lower: String) -> Bool {
        if lexicon.commonWords.contains(lower) { return true }
        if lower.hasSuffix("ies") { return lexicon.commonWords.contains(String(lower.dropLast(3)) + "y") }
        if lower.hasSuffix("s") { return lexicon.commonWords.contains(String(lower.dropLast())) }
        return false
    }

    func nextToken(after index: Int, in paragraph: Paragraph, upTo last: Int) -> Int? {
        var cursor = index + 1
        while cursor <= last {
            if isRunToken(paragraph, cursor) { return cursor }
            cursor += 1
        }
        return nil
    }
}
