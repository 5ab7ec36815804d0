import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// The bundled Examples corpus against the ground truth its author wrote in Examples/expectations.json.
/// Structure (title, byline, date, debris, kept paragraphs) must match exactly; annotation recall per kind is pinned
/// at a floor (a regression fails the build; raise the floors as the recognizers improve).
@Suite("Examples corpus", .serialized)
struct ExamplesTests {
    struct Expected: Decodable {
        struct Person: Decodable {
            var name: String
            var role: String?
        }
        struct Number: Decodable {
            var text: String
            var value: Double
            var unit: String
        }
        struct DateItem: Decodable {
            var text: String
            var date: String?
        }
        struct QuoteItem: Decodable {
            var speaker: String
            var text: String
        }
        struct AttributionItem: Decodable {
            var source: String
            var sentenceContains: String
        }
        var title: String?
        var byline: String?
        var published: String?
        var debris: [String]
        var mustKeep: [String]
        var people: [Person]
        var organizations: [String]
        var places: [String]
        var quantities: [Number]
        var dates: [DateItem]
        var quotes: [QuoteItem]
        var attributions: [AttributionItem]
    }

    struct Corpus: Decodable {
        var articles: [String: Expected]
    }

    struct Event: Decodable {
        struct Unverified: Decodable {
            var article: String
            var name: String
        }
        struct Number: Decodable {
            var article: String
            var text: String
        }
        struct FactItem: Decodable {
            var statement: String
            var articles: [String]
        }
        struct ConflictItem: Decodable {
            struct Position: Decodable {
                var statement: String
                var articles: [String]
            }
            var kind: String
            var subject: String
            var positions: [Position]
        }
        var slug: String
        var articles: [String]
        var facts: [FactItem]
        var conflicts: [ConflictItem]
        var unverifiedPeople: [Unverified]
        var singleSourceNumbers: [Number]
    }

    struct Events: Decodable {
        var events: [Event]
    }

    static func events() throws -> [Event] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.examples + "/expectations.json"))
        return try JSONDecoder().decode(Events.self, from: data).events
    }

    static let expected: [String: Expected] = {
        let url = URL(fileURLWithPath: Fixtures.examples + "/expectations.json")
        guard let data = try? Data(contentsOf: url), let corpus = try? JSONDecoder().decode(Corpus.self, from: data)
        else {
            return [:]
        }
        return corpus.articles
    }()

    static let result = Pipeline().analyze(paths: [Fixtures.examples])

    func actual(_ id: String) throws -> AnnotatedArticle {
        try #require(Self.result.articles.first { $0.article.id == id }, "\(id) not analyzed")
    }

    static func normalized(_ name: String) -> String {
        var text = name.trimming(" .")
        if text.hasPrefix("The ") { text.removeFirst(4) }
        return text.lowercased()
    }

    @Test func everyExampleIsAnalyzed() {
        #expect(Self.expected.count >= 8)
        #expect(Self.result.failures.isEmpty)
        #expect(Set(Self.result.articles.map(\.article.id)) == Set(Self.expected.keys))
    }

    @Test func headerDebrisAndBodyMatchExactly() throws {
        for (id, expected) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let article = try actual(id).article
            #expect(article.title == expected.title, "\(id) title")
            #expect(article.byline == expected.byline, "\(id) byline")
            #expect(article.published?.iso == expected.published, "\(id) published")
            for line in expected.debris {
                #expect(article.removed.contains(line), "\(id): debris not removed: \(line)")
                #expect(!article.paragraphs.contains(line), "\(id): debris kept: \(line)")
            }
            for text in expected.mustKeep { #expect(article.text.contains(text), "\(id): lost \(text)") }
        }
    }

    /// Recall of each annotation kind over the whole corpus.
    static let recall: [String: (found: Int, total: Int, misses: [String])] = {
        var table: [String: (Int, Int, [String])] = [:]
        func count(_ kind: String, _ ok: Bool, _ what: String) {
            var entry = table[kind, default: (0, 0, [])]
            entry.1 += 1
            if ok { entry.0 += 1 } else { entry.2.append(what) }
            table[kind] = entry
        }
        for (id, expected) in expected.sorted(by: { $0.key < $1.key }) {
            guard let item = result.articles.first(where: { $0.article.id == id }) else { continue }
            let notes = item.annotations
            for person in expected.people {
                let found = notes.people.first { $0.name == person.name }
                count("people", found != nil, "\(id): \(person.name)")
                if let role = person.role {
                    count(
                        "roles", found?.role?.contains(role) == true,
                        "\(id): \(person.name) → \(role) (got \(found?.role ?? "nil"))")
                }
            }
            let organizations = Set(notes.organizations.map { normalized($0.name) })
            for name in expected.organizations {
                count("organizations", organizations.contains(normalized(name)), "\(id): \(name)")
            }
            let places = Set(notes.places.map { normalized($0.name) })
            for name in expected.places { count("places", places.contains(normalized(name)), "\(id): \(name)") }
            for number in expected.quantities {
                let ok = notes.quantities.contains {
                    $0.text == number.text && $0.value == number.value && $0.unit == number.unit
                }
                count("quantities", ok, "\(id): \(number.text)")
            }
            for date in expected.dates {
                let ok = notes.dates.contains { $0.text.hasSuffix(date.text) && $0.day?.iso == date.date }
                count("dates", ok, "\(id): \(date.text) → \(date.date ?? "null")")
            }
            for quote in expected.quotes {
                let found = notes.quotes.first { $0.text.contains(quote.text) }
                count("quotes", found != nil, "\(id): \(quote.text)")
                count(
                    "speakers", found?.speaker == quote.speaker,
                    "\(id): \(quote.text) → \(quote.speaker) (got \(found?.speaker ?? "nil"))")
            }
            for attribution in expected.attributions {
                let ok = notes.attributions.contains {
                    normalized($0.source) == normalized(attribution.source)
                        && $0.sentence.contains(attribution.sentenceContains)
                }
                count("attributions", ok, "\(id): \(attribution.source)")
            }
        }
        return table.mapValues { (found: $0.0, total: $0.1, misses: $0.2) }
    }()

    /// Pinned floors (fraction of expected items found). Measured values are in BENCHMARKS.md.
    static let floors: [String: Double] = [
        "people": 1.0, "roles": 1.0, "organizations": 0.95, "places": 0.86, "quantities": 1.0, "dates": 1.0,
        "quotes": 1.0, "speakers": 1.0, "attributions": 0.86,
    ]

    @Test(arguments: [
        "people", "roles", "organizations", "places", "quantities", "dates", "quotes", "speakers", "attributions",
    ])
    func annotationRecallStaysAboveItsFloor(_ kind: String) throws {
        let entry = try #require(Self.recall[kind], "no expectations of kind \(kind)")
        let value = Double(entry.found) / Double(entry.total)
        let floor = try #require(Self.floors[kind])
        print("examples recall \(kind): \(entry.found)/\(entry.total) = \(String(format: "%.3f", value))")
        for miss in entry.misses { print("  miss \(kind): \(miss)") }
        #expect(value >= floor, "\(kind) recall \(value) fell below \(floor)")
    }
}
