/// What the report's templates show (`Report/Templates/`). Strings are raw text (the template escapes them), except
/// `ReportView.style` and `ReportView.sections`, which are the stylesheet and story sections already rendered.
struct ReportView {
    struct Failure {
        var origin: String
        var reason: String
    }
    struct Failures {
        var items: [Failure]
    }
    var style: String
    var articles: Int
    var stories: Int
    var failureCount: Int
    var sections: [String]
    var failures: Failures?
}

/// One story's section: each part nil (left out) when the story has nothing for it.
struct StoryView {
    struct Matrix {
        struct Cell {
            var states: Bool
            var said: String
        }
        struct Row {
            var status: String
            var statement: String
            var independent: Int
            var cells: [Cell]
        }
        var outlets: [String]
        var rows: [Row]
    }
    struct Position {
        var statement: String
        var who: String
        var evidence: [String]
    }
    struct Conflict {
        var subject: String
        var kind: String
        var positions: [Position]
    }
    struct Flag {
        var subject: String
        var outlet: String
        var detail: String
    }
    struct OnlyOne {
        var heading: String
        var flags: [Flag]
    }
    struct Variant {
        var outlet: String
        var text: String
    }
    struct Wordings {
        var count: Int
        var variants: [Variant]
    }
    struct Quote {
        var speaker: String
        var text: String
        var wordings: Wordings?
        var outlets: String
    }
    struct Entry {
        var date: String
        var event: String
        var who: String
    }
    struct Source {
        var link: String?
        var name: String
        var facts: Int
        var corroborated: Int
        var unique: Int
        var contradicted: Int
        var flags: Int
    }
    struct List<Item> {
        var items: [Item]

        /// nil for no items, so that the section and its heading are left out.
        static func of(_ items: [Item]) -> List? { items.isEmpty ? nil : List(items: items) }
    }

    var id: String
    var headline: String
    var matrix: Matrix?
    var conflicts: List<Conflict>?
    var onlyOne: [OnlyOne]
    var quotes: List<Quote>?
    var timeline: List<Entry>?
    var sources: List<Source>?

    init(_ story: Story, articles: [String: Article], link: (Article) -> String) {
        func label(_ id: String) -> String { articles[id]?.outlet ?? id }
        func labels(_ ids: [String]) -> String { ids.map(label).joined(separator: ", ") }
        id = story.id
        headline = story.headline
        matrix = Self.matrix(story, label: label)
        conflicts = .of(
            story.conflicts.map { conflict in
                Conflict(
                    subject: conflict.subject, kind: conflict.kind.rawValue,
                    positions: conflict.positions.map { position in
                        Position(
                            statement: position.statement, who: labels(position.sources),
                            evidence: Array(position.evidence.prefix(2)))
                    })
            })
        onlyOne = [
            ("unverified-person", "People only one outlet names"),
            ("single-source-number", "Numbers only one outlet gives"),
        ].compactMap { kind, heading in
            let flags = story.flags.filter { $0.kind == kind }
            guard !flags.isEmpty else { return nil }
            return OnlyOne(
                heading: heading,
                flags: flags.map { Flag(subject: $0.subject, outlet: label($0.article), detail: $0.detail) })
        }
        quotes = .of(
            story.quotes.map { quote in
                let wordings = Set(quote.variants.map(\.text)).count
                return Quote(
                    speaker: (quote.speaker ?? "unattributed") + (quote.role.map { ", " + $0 } ?? ""), text: quote.text,
                    wordings: wordings > 1
                        ? Wordings(
                            count: wordings,
                            variants: quote.variants.map { Variant(outlet: label($0.article), text: $0.text) })
                        : nil,
                    outlets: labels(quote.sources))
            })
        timeline = .of(story.timeline.map { Entry(date: $0.date, event: $0.event, who: labels($0.sources)) })
        sources = .of(
            story.sources.map { score in
                let article = articles[score.article]
                return Source(
                    link: article.map(link),
                    name: [article?.outlet, article?.title ?? score.article].compactMap { $0 }.joined(separator: ": "),
                    facts: score.facts, corroborated: score.corroborated, unique: score.unique,
                    contradicted: score.contradicted, flags: score.flags)
            })
    }

    /// Rows facts (corroborated, then disputed, then single-source), columns outlets.
    static func matrix(_ story: Story, label: (String) -> String) -> Matrix? {
        guard !story.facts.isEmpty else { return nil }
        let order: [Fact.Status: Int] = [.corroborated: 0, .disputed: 1, .singleSource: 2]
        let facts = story.facts.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.status] ?? 3, order[b.element.status] ?? 3)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return Matrix(
            outlets: story.articles.map(label),
            rows: facts.map { fact in
                Matrix.Row(
                    status: fact.status.rawValue, statement: fact.statement, independent: fact.independentSources,
                    cells: story.articles.map { article in
                        let sentences = fact.evidence.filter { $0.article == article }.map(\.sentence)
                        return Matrix.Cell(states: !sentences.isEmpty, said: sentences.joined(separator: " … "))
                    })
            })
    }
}
