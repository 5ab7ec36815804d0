import TriangulateText

// "“…,” he said" after sentences about someone: the person the sentences before are about, not the last name they
// happen to hold ("Corwen is best known for his role as Hal Brenner." / "“…,” he said" is Corwen's).
extension QuoteAttributor {
    /// The subject of the nearest sentence before `index` (in `paragraph`, then up to `paragraphs` paragraphs back)
    /// that is about a person of the pronoun's gender: its first subject-like person mention, else a person a relative
    /// clause describes ("an interview with Smith, who endorsed…"). A sentence whose subject is "he" or "she" passes
    /// the question on to the one before it; at most `sentences` sentences are read.
    func sentenceTopic(
        before index: Int, in paragraph: Paragraph, gender: Gender?, paragraphs: Int = 4, sentences: Int = 5
    ) -> Speaker? {
        var read = 0
        var current: Paragraph? = paragraph
        var limit = index
        while let here = current, here.index >= paragraph.index - paragraphs, read < sentences {
            for sentence in here.sentences.reversed() where sentence.lowerBound < limit && read < sentences {
                read += 1
                // A sentence of quoted words is about its speaker, when it has one.
                if here.quote(containing: sentence.lowerBound) != nil {
                    if let speaker = turnSpeaker(in: here.index, within: sentence), compatible(speaker.name, gender),
                        !isLabel(speaker.name)
                    {
                        return speaker
                    }
                    continue
                }
                // A sentence about "he", or about no one, passes the question to the one before it.
                if let speaker = topic(of: sentence, in: here, gender: gender) { return speaker }
            }
            current = self.paragraph(at: here.index - 1)
            limit = Int.max
        }
        return nil
    }

    /// The person speaking the last quote that closes inside `sentence` of paragraph `index`: turns are read from the
    /// latest back, only as far as that paragraph.
    private func turnSpeaker(in index: Int, within sentence: Range<Int>) -> Speaker? {
        for turn in turns.reversed() {
            if turn.paragraph < index { break }
            if turn.paragraph == index, sentence.contains(turn.position), let speaker = turn.speaker,
                speaker.kind == .person
            {
                return speaker
            }
        }
        return nil
    }

    private func topic(of sentence: Range<Int>, in paragraph: Paragraph, gender: Gender?) -> Speaker? {
        let tokens = paragraph.tokens
        // The pronouns that stand for the person sought (either, when the gender is not known).
        let pronouns: Set<String> = gender == .female ? ["she"] : gender == .male ? ["he"] : ["he", "she"]
        let list = mentions(in: paragraph, from: sentence.lowerBound, to: sentence.upperBound).filter {
            $0.kind == .person && !isLabel($0.name) && compatible($0.name, gender)
        }
        // The subject pronoun: the first word, or the first after an opening phrase ("At 55, he is…").
        var first = sentence.lowerBound
        if let comma = (sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 5)).first(where: {
            paragraph.isPunct($0, 0x2C)
        }), !list.contains(where: { $0.start < comma }) {
            first = comma + 1
        }
        if first < tokens.count, tokens[first].kind == .word {
            let word = paragraph.lower(first)
            if pronouns.contains(word) { return nil }
        }
        // "…, said local hospital director Hengky Tewu": a sentence that reports someone's words is about its speaker;
        // "…, he testified, Timmons pulled the trigger": about the one "he" stands for.
        for verb in sentence where tokens[verb].kind == .word && lexicon.speechVerbs.contains(paragraph.lower(verb)) {
            if verb > sentence.lowerBound, tokens[verb - 1].kind == .word, pronouns.contains(paragraph.lower(verb - 1))
            {
                return nil
            }
            if let speaker = list.first(where: { mention in
                mention.start > verb && mention.start <= verb + 6 && isSubjectLike(mention, in: paragraph)
                    && !(verb + 1..<mention.start).contains { tokens[$0].kind == .punct }
            }) {
                return Speaker(name: speaker.name, kind: .person)
            }
        }
        if let subject = list.first(where: { isSubjectLike($0, in: paragraph) }) {
            return Speaker(name: subject.name, kind: .person)
        }
        // "an interview with Smith, who endorsed the new Doctor": the person the relative clause is about.
        if let described = list.first(where: {
            $0.end + 1 < tokens.count && paragraph.isPunct($0.end, 0x2C) && paragraph.lower($0.end + 1) == "who"
        }) {
            return Speaker(name: described.name, kind: .person)
        }
        return nil
    }
}
