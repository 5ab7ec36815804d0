import TriangulateText

// Resolution across the article: a bare surname becomes the full name, a first word the organization's name.
extension EntityRecognizer {
    // MARK: Article-level resolution

    func resolve(_ mentions: inout [[Mention]], people: inout [String: PersonRecord]) {
        let shared = sharedSurnames(people)
        let surnames = surnameTable(people, shared: shared)
        let (typed, orgByFirstWord) = confidentNames(mentions)
        // A surname two people of the article share is the one named last before it ("Oren Maddox, 19, …" then
        // "Councilwoman Pell Maddox …" then "Maddox said").
        var latestBySurname: [String: String] = [:]
        for paragraphIndex in mentions.indices {
            for index in mentions[paragraphIndex].indices {
                var mention = mentions[paragraphIndex][index]
                if shared.contains(mention.name), let full = latestBySurname[mention.name] {
                    mention.kind = .person
                    mention.name = full
                } else {
                    mention = resolved(
                        mention, surnames: surnames, typed: typed, orgByFirstWord: orgByFirstWord, people: &people)
                }
                if mention.kind == .person, let last = mention.name.split(separator: " ").last,
                    mention.name.contains(" ")
                {
                    latestBySurname[String(last)] = mention.name
                }
                mentions[paragraphIndex][index] = mention
            }
        }
        // Organizations known by a longer name in this article are reported under it.
        for paragraphIndex in mentions.indices {
            for index in mentions[paragraphIndex].indices where mentions[paragraphIndex][index].kind == .organization {
                let name = mentions[paragraphIndex][index].name
                guard !name.contains(" ") else { continue }
                if let full = orgByFirstWord[name] { mentions[paragraphIndex][index].name = full }
            }
        }
    }

    /// "“…,” Brown said": a capitalized common word that opens a sentence or follows a quotation mark was dropped
    /// as an ordinary word ("However", "Officials"); when it is the surname of a person the article (or the batch)
    /// names and a speech verb follows it, it is that person speaking.
    func recoverSurnameSpeakers(
        _ paragraphs: [Paragraph], _ mentions: inout [[Mention]], people: [String: PersonRecord]
    ) {
        let surnames = surnameTable(people)
        let quoteMarks: Set<UInt32> = [0x22, Segmenter.leftDouble, Segmenter.rightDouble]
        for paragraph in paragraphs where !paragraph.isHeading && mentions.indices.contains(paragraph.index) {
            let tokens = paragraph.tokens
            // Tokens some mention already covers: one pass, so the check costs the same in a paragraph of thousands.
            var covered = [Bool](repeating: false, count: tokens.count)
            for mention in mentions[paragraph.index] {
                for index in max(0, mention.start)..<min(tokens.count, max(mention.start, mention.end)) {
                    covered[index] = true
                }
            }
            let starts = Set(paragraph.sentences.map(\.lowerBound))
            var added: [Mention] = []
            for index in tokens.indices.dropLast() where tokens[index].kind == .word && tokens[index].capitalized {
                guard !covered[index], tokens[index + 1].kind == .word,
                    lexicon.speechVerbs.contains(paragraph.lower(index + 1))
                else { continue }
                // Only where the word was dropped as a sentence's first word: at a sentence start or after a mark.
                guard starts.contains(index) || (index > 0 && quoteMarks.contains(paragraph.punctScalar(index - 1)))
                else { continue }
                let word = paragraph.text(index)
                guard surnames[word] != nil || context.surnames[word] != nil else { continue }
                added.append(
                    Mention(
                        kind: .person, name: word, paragraph: paragraph.index, start: index, end: index + 1,
                        confident: false))
            }
            if !added.isEmpty {
                mentions[paragraph.index] = (mentions[paragraph.index] + added).sorted { $0.start < $1.start }
            }
        }
    }

    /// Last words of the names of two or more people of the article.
    func sharedSurnames(_ people: [String: PersonRecord]) -> Set<String> {
        var first: [String: String] = [:]
        var shared: Set<String> = []
        for name in people.keys.sorted() {
            let parts = name.split(separator: " ")
            guard parts.count >= 2, let last = parts.last else { continue }
            let key = String(last)
            if let existing = first[key], existing != name { shared.insert(key) } else { first[key] = name }
        }
        return shared
    }

    /// The last word of each multi-word person's name → that name, when only one person has it.
    func surnameTable(_ people: [String: PersonRecord], shared: Set<String>? = nil) -> [String: String] {
        let shared = shared ?? sharedSurnames(people)
        var surnames: [String: String] = [:]
        for name in people.keys.sorted() {
            let parts = name.split(separator: " ")
            guard parts.count >= 2, let last = parts.last, !shared.contains(String(last)) else { continue }
            surnames[String(last)] = name
        }
        return surnames
    }

    /// The kind each confidently classified name has first, and each multi-word organization's longest name by its
    /// first word.
    func confidentNames(_ mentions: [[Mention]]) -> (typed: [String: EntityKind], orgByFirstWord: [String: String]) {
        var typed: [String: EntityKind] = [:]
        var orgByFirstWord: [String: String] = [:]
        for list in mentions {
            for mention in list where mention.confident && mention.kind != .other {
                if typed[mention.name] == nil { typed[mention.name] = mention.kind }
                if mention.kind == .organization, let first = mention.name.split(separator: " ").first,
                    mention.name.contains(" ")
                {
                    let key = String(first)
                    if (orgByFirstWord[key]?.count ?? -1) < mention.name.count { orgByFirstWord[key] = mention.name }
                }
            }
        }
        return (typed, orgByFirstWord)
    }

    /// One mention as the article's other mentions and the batch's context resolve it.
    func resolved(
        _ mention: Mention, surnames: [String: String], typed: [String: EntityKind], orgByFirstWord: [String: String],
        people: inout [String: PersonRecord]
    ) -> Mention {
        var mention = mention
        if let full = surnames[mention.name],
            mention.kind == .other || mention.kind == .person || typed[mention.name] == nil
        {
            mention.kind = .person
            mention.name = full
        } else if mention.kind == .organization || mention.kind == .other, let full = orgByFirstWord[mention.name] {
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
        return mention
    }
}
