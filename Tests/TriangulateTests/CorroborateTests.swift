import Testing

@testable import Triangulate
import TriangulateText

/// The corroboration issue's findings on the seed articles, and their absence where they must be absent.
/// Expected values come from reading the five articles.
@Suite("Corroboration on the seeds", .serialized)
struct CorroborateSeedTests {
    static let result = Pipeline().analyze(paths: [Fixtures.seeds])

    var story: Story { Self.result.stories[0] }

    func ids(_ prefixes: String...) -> [String] {
        prefixes.map { prefix in Self.result.articles.first { $0.article.id.hasPrefix(prefix) }!.article.id }
    }

    @Test func allFiveFormOneStory() {
        #expect(Self.result.stories.count == 1)
        #expect(story.articles.count == 5)
    }

    @Test func financialTimesReportIsCorroboratedByAllFive() throws {
        let fact = try #require(story.facts.first { $0.sources.count == 5 })
        #expect(fact.status == .corroborated)
        #expect(fact.independentSources == 5)
        let naming = fact.evidence.filter { $0.sentence.contains("Financial Times") || $0.sentence.contains("FT") }
        #expect(naming.count >= 4)
    }

    @Test func fordDenialQuoteIsCarriedByAllFive() throws {
        let quote = try #require(
            story.quotes.first { $0.speaker?.hasPrefix("Ford") == true && $0.text.contains("completely false") })
        #expect(quote.sources == ids("000", "001", "002", "003", "004"))
        #expect(story.facts.contains { $0.statement.contains("denied") && $0.independentSources >= 3 })
    }

    @Test func xiaomiDeniedVersusDidNotRespond() throws {
        let conflict = try #require(story.conflicts.first { $0.kind == .status && $0.subject.contains("Xiaomi") })
        let denied = try #require(conflict.positions.first { $0.statement.contains("denied") })
        let silent = try #require(conflict.positions.first { $0.statement.contains("did not respond") })
        #expect(denied.sources == ids("002", "003", "004"))
        #expect(silent.sources == ids("001"))
    }

    @Test func fordScalingBackVersusAccelerating() throws {
        let conflict = try #require(story.conflicts.first { $0.kind == .polarity && $0.subject.contains("Ford") })
        let back = try #require(conflict.positions.first { $0.statement.contains("scaling back") })
        let forward = try #require(conflict.positions.first { $0.statement.contains("expanding") })
        #expect(back.sources == ids("000", "002", "004"))
        #expect(forward.sources == ids("003"))
    }

    @Test func tariffOneHundredVersusOneFortyFive() throws {
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric && $0.subject.contains("tariff") })
        #expect(conflict.positions.contains { $0.statement == "100%" && $0.sources.contains(ids("001")[0]) })
        #expect(conflict.positions.contains { $0.statement == "145%" && $0.sources == ids("004") })
    }

    @Test func quotesAcrossOutlets() throws {
        let moolenaar = try #require(
            story.quotes.first { $0.speaker == "John Moolenaar" && $0.text.contains("turning its back") })
        #expect(moolenaar.sources == ids("001", "002"))
        #expect(moolenaar.variants.count == 2)
        #expect(moolenaar.role?.contains("House Select Committee") == true)
        let farley = try #require(story.quotes.first { $0.speaker == "Jim Farley" && $0.text == "existential threat" })
        #expect(farley.sources == ids("001", "002", "004"))
    }

    @Test func theFourExpertsOf001AreUnverifiedAndFarleyAndMoolenaarAreNot() {
        let unverified = story.flags.filter { $0.kind == "unverified-person" }
        let in001 = unverified.filter { $0.article == ids("001")[0] }
        #expect(Set(in001.map(\.subject)) == ["Michael Rodriguez", "Sarah Chen", "Frank Kowalski", "Evelyn Park"])
        #expect(in001.allSatisfy { $0.detail.hasPrefix("High severity") })
        #expect(!story.flags.contains { $0.subject == "Jim Farley" || $0.subject == "John Moolenaar" })
    }

    @Test func numbersOnlyOneOutletGives() {
        let flagged = Set(story.flags.filter { $0.kind == "single-source-number" }.map(\.subject))
        #expect(flagged.isSuperset(of: ["$3.5 billion", "$19.5 billion", "70%", "145%"]))
        // Given by two outlets: not single-source.
        #expect(!flagged.contains("$30,000"))
        #expect(!flagged.contains("100%"))
    }

    @Test func timelineHoldsTheReportAndTheDenial() {
        let dates = story.timeline.map(\.date)
        #expect(dates.contains("2026-01-31"))
        #expect(dates.contains("2026-02-02"))
    }

    @Test func noConflictBetweenDifferentReportsOrOnFordsAnswer() {
        // Ford–BYD battery talks and the FT's partnership report are two reports, not a contradiction.
        #expect(!story.conflicts.contains { $0.subject.contains("BYD") })
        #expect(
            !story.conflicts.contains { conflict in
                conflict.positions.allSatisfy { position in position.evidence.allSatisfy { $0.contains("BYD") } }
            })
        // Every outlet says Ford denied: no status conflict about Ford.
        #expect(!story.conflicts.contains { $0.kind == .status && $0.subject.contains("Ford") })
    }

    @Test func scorecardCoversEveryArticle() {
        #expect(story.sources.map(\.article) == story.articles)
        #expect(story.sources.allSatisfy { $0.facts >= $0.corroborated && $0.facts >= $0.unique })
        let flags001 = story.sources.first { $0.article == ids("001")[0] }?.flags ?? 0
        #expect(flags001 >= 4)
    }

    @Test func briefShowsSectionsInReadingOrder() {
        let brief = MarkdownReport.render(Self.result)
        let order = [
            "### Corroborated", "### Disputed", "### Only one outlet says", "### People only one outlet names",
            "### Quotes", "### Timeline", "### Sources",
        ]
        let positions = order.compactMap { brief.firstRange(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
    }
}

@Suite("Story grouping and corroboration on the Examples corpus", .serialized)
struct CorroborateExamplesTests {
    static let result = Pipeline().analyze(paths: [Fixtures.examples])

    @Test func lookAlikeEventsAreSeparated() throws {
        let expected = try ExamplesTests.events().map { Set($0.articles) }
        let found = Self.result.stories.map { Set($0.articles) }
        #expect(Set(found) == Set(expected))
    }

    @Test func plantedConflictsAreFound() {
        let conflicts = Self.result.stories.flatMap(\.conflicts)
        #expect(
            conflicts.contains {
                $0.kind == .numeric && Set($0.positions.map(\.statement)) == ["120 workers", "140 workers"]
            })
        #expect(
            conflicts.contains {
                $0.kind == .numeric && Set($0.positions.map(\.statement)) == ["3.5 percent", "4.5 percent"]
            })
        #expect(conflicts.contains { $0.kind == .status && $0.subject.contains("Corvane") && $0.positions.count == 3 })
        #expect(conflicts.contains { $0.kind == .polarity && $0.subject.contains("Northrock") })
        #expect(conflicts.contains { $0.kind == .polarity && $0.subject.contains("Capital Valley Transit") })
    }

    /// For each fact the corpus author planted, the share of its outlets found in the best matching fact (one whose
    /// statement shares at least two content words with the planted one), averaged. Pinned at the measured level.
    @Test func plantedFactsAreCorroborated() throws {
        let stemmer = Stemmer()
        var total = 0.0
        var count = 0
        for event in try ExamplesTests.events() {
            let facts = Self.result.stories.flatMap(\.facts)
            for planted in event.facts {
                let words = Set(Terms.contentStems(planted.statement, stemmer: stemmer))
                let best =
                    facts.filter { fact in
                        fact.evidence.contains {
                            Set(Terms.contentStems($0.sentence, stemmer: stemmer)).intersection(words).count >= 2
                        }
                    }.map {
                        Double(Set($0.sources).intersection(planted.articles).count) / Double(planted.articles.count)
                    }.max() ?? 0
                total += best
                count += 1
            }
        }
        let recall = total / Double(count)
        print("examples planted-fact source recall: \(String(format: "%.3f", recall)) over \(count) facts")
        #expect(recall >= 0.90)
    }

    /// Planted conflicts found: a conflict of the same kind with two positions, each sharing an outlet with a different
    /// planted position. Also counts conflicts that match nothing planted (spurious). Pinned at the measured level.
    @Test func plantedConflictsRecallAndSpurious() throws {
        let planted = try ExamplesTests.events().flatMap(\.conflicts)
        let found = Self.result.stories.flatMap(\.conflicts)
        func matches(_ conflict: Conflict, _ expected: ExamplesTests.Event.ConflictItem) -> Bool {
            guard conflict.kind.rawValue == expected.kind else { return false }
            let hits = expected.positions.map { position in
                Set(
                    conflict.positions.indices.filter {
                        !Set(conflict.positions[$0].sources).isDisjoint(with: position.articles)
                    })
            }
            // Two planted positions matched by two different positions of ours.
            return hits.indices.contains { i in
                hits.indices.contains { j in i != j && hits[i].contains { a in hits[j].contains { b in a != b } } }
            }
        }
        let recalled = planted.filter { expected in found.contains { matches($0, expected) } }.count
        let spurious = found.filter { conflict in !planted.contains { matches(conflict, $0) } }.count
        print(
            "examples planted conflicts found: \(recalled)/\(planted.count), conflicts matching nothing planted: \(spurious)"
        )
        #expect(recalled >= 13)
        #expect(spurious == 0)
    }

    @Test func expertBlockIsFlagged() throws {
        let expected = try ExamplesTests.events().flatMap(\.unverifiedPeople)
        let flagged = Set(
            Self.result.stories.flatMap(\.flags).filter { $0.kind == "unverified-person" }.map {
                "\($0.article)|\($0.subject)"
            })
        let found = expected.filter { flagged.contains("\($0.article)|\($0.name)") }
        print("examples unverified people: \(found.count)/\(expected.count)")
        #expect(Double(found.count) / Double(expected.count) >= 0.75)
    }

    @Test func singleSourceNumbersAreFlagged() throws {
        let expected = try ExamplesTests.events().flatMap(\.singleSourceNumbers)
        let flagged = Set(
            Self.result.stories.flatMap(\.flags).filter { $0.kind == "single-source-number" }.map {
                "\($0.article)|\($0.subject)"
            })
        let found = expected.filter { flagged.contains("\($0.article)|\($0.text)") }
        print("examples single-source numbers: \(found.count)/\(expected.count)")
        #expect(Double(found.count) / Double(expected.count) >= 0.75)
    }
}

@Suite("Stemmer")
struct StemmerTests {
    @Test func snowballEnglish() {
        let stemmer = Stemmer()
        #expect(stemmer.stem("denied") == stemmer.stem("denies"))
        #expect(stemmer.stem("talks") == "talk")
        #expect(stemmer.stem("negotiating") == stemmer.stem("negotiations"))
    }
}
