import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// The foundation issue's expectations on the five real seed articles (../shared/seeds/ford-xiaomi).
/// The expected values come from reading the articles, not from this program's output.
@Suite("Seed articles", .serialized)
struct SeedTests {
    static let result: AnalysisResult = Pipeline().analyze(paths: [Fixtures.seeds])

    func article(_ prefix: String) throws -> AnnotatedArticle {
        try #require(
            Self.result.articles.first { $0.article.id.hasPrefix(prefix) },
            "seed \(prefix) missing under \(Fixtures.seeds)")
    }

    @Test func allFiveAreAnalyzed() {
        #expect(Self.result.articles.count == 5)
        #expect(Self.result.failures.isEmpty)
    }

    /// Body paragraph counts, and the first and last words of each story's body.
    @Test(arguments: [
        ("000", 8, "New York: U.S. automaker Ford Motor Company", "the future of the EV industry."),
        ("001", 11, "Ford Motor Company has engaged in exploratory discussions", "opaque, deniable dialogues.\""),
        ("002", 19, "Ford is not planning to build electric vehicles", "calling the company “an industry juggernaut.”"),
        ("003", 8, "Ford and Xiaomi have both denied reports", "no such partnership discussions are underway."),
        (
            "004", 7, "Ford and Xiaomi denied the publication by the Financial Times",
            "abandoned the larger electric pickup F-150 Lightning."
        ),
    ])
    func everyStoryParagraphIsKept(_ id: String, _ paragraphs: Int, _ first: String, _ last: String) throws {
        let text = try article(id).article.text
        let body = try article(id).article.paragraphs
        #expect(body.count == paragraphs)
        #expect(body.first?.hasPrefix(first) == true)
        #expect(body.last?.hasSuffix(last) == true)
        #expect(text.contains("\n\n"))
    }

    @Test func noDebrisSurvives() throws {
        let debris = [
            "Share:", "This Post Has 0 Comments", "No comments yet", "Leave a Reply", "FTC:", "affiliate links",
            "#Business", "2 min read", "Loading comments", "Source: Automotive World", "By Emily Carter", "t.co/",
        ]
        for item in Self.result.articles {
            for line in debris { #expect(!item.article.text.contains(line), "\(item.article.id) still holds \(line)") }
            #expect(!item.article.paragraphs.contains("Comments"))
            #expect(!item.article.paragraphs.contains("Startups Reporter"))
            if let title = item.article.title { #expect(!item.article.paragraphs.contains(title)) }
        }
        #expect(try article("004").article.credits == ["Automotive World"])
        #expect(try article("004").annotations.attributions.contains { $0.source == "Automotive World" })
    }

    @Test func titlesAndBylines() throws {
        #expect(try article("000").article.title == nil)
        #expect(try article("001").article.title?.hasPrefix("Ford Explores EV Manufacturing Partnerships") == true)
        #expect(try article("001").article.byline == "Emily Carter")
        #expect(try article("001").article.bylineRole == "Business & Economy Reporter")
        #expect(try article("003").article.title == "Ford and Xiaomi Deny U.S. EV Joint Venture Reports")
        #expect(try article("003").article.bylineRole == "Startups Reporter")
        #expect(try article("004").article.title?.hasPrefix("Ford and Xiaomi denied rumors") == true)
    }

    @Test func moolenaarQuotedIn002() throws {
        let quotes = try article("002").annotations.quotes
        let quote = try #require(quotes.first { $0.text.contains("turning its back on American and allied partners") })
        #expect(quote.speaker == "John Moolenaar")
    }

    @Test func peopleAndRolesIn001() throws {
        let people = try article("001").annotations.people
        let rodriguez = try #require(people.first { $0.name == "Michael Rodriguez" })
        #expect(rodriguez.role?.contains("Analyst at Bernstein Research") == true)
        let farley = try #require(people.first { $0.name == "Jim Farley" })
        #expect(farley.role?.contains("Ford") == true && farley.role?.contains("CEO") == true)
        let moolenaar = try #require(people.first { $0.name == "John Moolenaar" })
        #expect(moolenaar.role?.contains("chair of the House Select Committee") == true)
        #expect(moolenaar.mentions >= 2)
        for name in ["Sarah Chen", "Frank Kowalski", "Evelyn Park"] {
            #expect(people.contains { $0.name == name && $0.role != nil }, "\(name) with a role")
        }
    }

    @Test func noPersonOrganizationConfusion() throws {
        let organizationsThatAreNotPeople = [
            "Ford", "Xiaomi", "BYD", "CATL", "Financial Times", "Ford Motor Company", "Reuters",
        ]
        for item in Self.result.articles {
            let people = Set(item.annotations.people.map(\.name))
            let organizations = Set(item.annotations.organizations.map(\.name))
            for name in organizationsThatAreNotPeople {
                #expect(!people.contains(name), "\(item.article.id): \(name) as a person")
            }
            for person in people { #expect(!organizations.contains(person), "\(item.article.id): \(person) as both") }
        }
        #expect(
            try article("004").annotations.people.contains {
                $0.name == "Mark Truby" && $0.role?.contains("Director of Public Relations") == true
            })
        #expect(try article("003").annotations.organizations.contains { $0.name.hasPrefix("Ford") })
        #expect(try article("003").annotations.organizations.contains { $0.name == "Xiaomi" })
    }

    @Test func quantitiesIn002() throws {
        let quantities = try article("002").annotations.quantities
        #expect(quantities.contains { $0.value == 3_500_000_000 && $0.unit == "USD" })
        #expect(quantities.contains { $0.value == 19_500_000_000 && $0.unit == "USD" })
        #expect(quantities.contains { $0.value == 70 && $0.unit == "percent" })
        #expect(quantities.contains { $0.text == "four people" && $0.value == 4 })
        let tariffs = try article("004").annotations.quantities.filter { $0.unit == "percent" }.map(\.value)
        #expect(tariffs == [100, 145])
    }

    @Test func datesIn004And002() throws {
        let dates004 = try article("004").annotations.dates
        #expect(dates004.contains { $0.text == "January 31" && $0.value == CalendarDate(year: nil, month: 1, day: 31) })
        let dates002 = try article("002").annotations.dates
        #expect(
            dates002.contains { $0.text == "February 2, 2026" && $0.day == CalendarDate(year: 2026, month: 2, day: 2) })
    }

    @Test func speakersOfTheDenialsAndFragments() throws {
        let quotes001 = try article("001").annotations.quotes
        #expect(
            quotes001.first { $0.text.hasPrefix("This story is completely false") }?.speaker.map {
                $0.hasPrefix("Ford")
            } == true)
        #expect(quotes001.first { $0.text == "existential threat" }?.speaker == "Jim Farley")
        #expect(quotes001.first { $0.text.contains("only Xi Jinping could love") }?.speaker == "John Moolenaar")
        #expect(
            quotes001.first { $0.text.contains("will make our country further dependent") }?.speaker == "John Moolenaar"
        )
        #expect(quotes001.first { $0.text.hasPrefix("Whether these talks are real") }?.speaker == "Michael Rodriguez")
        #expect(quotes001.first { $0.text.hasPrefix("The denial is predictable") }?.speaker == "Evelyn Park")
        let quotes002 = try article("002").annotations.quotes
        #expect(quotes002.first { $0.text == "existential threat" }?.speaker == "Jim Farley")
        #expect(quotes002.first { $0.text.hasPrefix("This report about a joint venture") }?.speaker == "Xiaomi")
        #expect(quotes002.first { $0.text.hasPrefix("does not sell its products") }?.speaker == "Xiaomi")
        #expect(
            quotes002.first { $0.text.hasPrefix("This story is completely false") }?.speaker.map {
                $0.hasPrefix("Ford")
            } == true)
    }

    @Test func attributionsToReports() throws {
        #expect(
            try article("001").annotations.attributions.contains {
                $0.source == "Financial Times" && $0.cue == "according to"
            })
        #expect(
            try article("002").annotations.attributions.contains { $0.source == "four people familiar with the matter" }
        )
        #expect(
            try article("004").annotations.attributions.contains { $0.source == "four sources" && $0.cue == "citing" })
    }

    @Test func outputIsByteForByteDeterministic() {
        let again = Pipeline().analyze(paths: [Fixtures.seeds])
        #expect(JSONReport.render(again) == JSONReport.render(Self.result))
        #expect(MarkdownReport.render(again) == MarkdownReport.render(Self.result))
    }
}
