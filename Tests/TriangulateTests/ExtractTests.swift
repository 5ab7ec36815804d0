import Testing

@testable import Triangulate
import TriangulateText

@Suite("Plain-text extraction")
struct ExtractTests {
    func extract(_ text: String) throws -> Article {
        try Extract().article(from: Document(id: "doc", origin: "doc.txt", bytes: Array(text.utf8)))
    }

    @Test func headerLinesBecomeMetadata() throws {
        let article = try extract(
            """
            Port Workers Walk Out Over Night-Shift Pay
            #Labor

            Port Workers Walk Out Over Night-Shift Pay

            By Dana Whitfield | Labor Correspondent
            Published: March 4, 2026
            3 min read

            Dock workers at the eastern terminal stopped work on Tuesday, the union said, after talks on night-shift pay collapsed.

            The port authority said it hoped to reopen talks this week.

            Share this article
            Leave a comment
            """)
        #expect(article.title == "Port Workers Walk Out Over Night-Shift Pay")
        #expect(article.byline == "Dana Whitfield")
        #expect(article.bylineRole == "Labor Correspondent")
        #expect(article.published == CalendarDate(year: 2026, month: 3, day: 4))
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].hasPrefix("Dock workers at the eastern terminal"))
        #expect(article.removed.contains("#Labor"))
        #expect(article.removed.contains("Port Workers Walk Out Over Night-Shift Pay"))
        #expect(article.removed.contains("3 min read"))
        #expect(article.removed.contains("Share this article"))
        #expect(article.removed.contains("Leave a comment"))
        #expect(!article.text.contains("By Dana"))
    }

    /// Text saved from a browser often starts with the page's address, and a date line may precede the headline.
    @Test func anAddressLineIsHeaderAndTheHeadlineFollowsIt() throws {
        let article = try extract(
            """
            https://harbor-gazette.test/news/2024/05/01/ferry-vote-delayed

            'Not Yet': Ferry Vote Delayed Again

            The harbor commission postponed its vote on the night ferry on Tuesday, citing missing cost figures.

            Commissioners said they would take it up again next month.
            """)
        #expect(article.title == "'Not Yet': Ferry Vote Delayed Again")
        #expect(article.published == CalendarDate(year: 2024, month: 5, day: 1))
        #expect(article.outlet == "harbor-gazette.test")
        #expect(article.paragraphs.first?.hasPrefix("The harbor commission") == true)
        #expect(!article.paragraphs.contains { $0.contains("https://") })
        let dated = try extract(
            """
            12 March 2024

            Harbor Board Names New Director

            The harbor board named a new director on Monday after a six-month search.
            """)
        #expect(dated.title == "Harbor Board Names New Director")
        #expect(dated.published == CalendarDate(year: 2024, month: 3, day: 12))
    }

    @Test func aLedeIsNotAHeadline() throws {
        let article = try extract(
            """
            RIVERTON: The city council has voted to close the old bridge for repairs, a decision that will reroute traffic for months.
            Officials said the work would start in May.
            """)
        #expect(article.title == nil)
        #expect(article.paragraphs.count == 2)
    }

    @Test func deskBylineAndOutletHeader() throws {
        let article = try extract(
            """
            Outlet: The Riverton Courier
            Science Desk Reporter
            Updated 4 March 2026 10:30 GMT
            The observatory confirmed the comet's return on Sunday, ending weeks of speculation among amateur astronomers.
            """)
        #expect(article.outlet == "The Riverton Courier")
        #expect(article.byline == nil)
        #expect(article.bylineRole == "Science Desk Reporter")
        #expect(article.published == CalendarDate(year: 2026, month: 3, day: 4))
    }

    @Test func hardWrappedLinesAreJoined() throws {
        let article = try extract(
            """
            The regional transit agency announced on Friday that it would restore late-night
            service on three bus routes, reversing cuts made during the budget crisis.

            Riders welcomed the move.
            """)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].contains("late-night service on three bus routes"))
    }

    @Test func sourceLineIsACreditAndAGluedLinkIsStripped() throws {
        let article = try extract(
            """
            The ministry said the new rules would take effect in July.https://t.example/Ab12
            Source: Capital Wire
            """)
        #expect(article.paragraphs == ["The ministry said the new rules would take effect in July."])
        #expect(article.credits == ["Capital Wire"])
        #expect(article.removed == ["Source: Capital Wire", "https://t.example/Ab12"])
    }

    @Test func onlyDebrisIsAnError() {
        #expect(throws: ExtractError.onlyDebris(origin: "doc.txt", removedLines: 3)) {
            try extract("Share:\nLeave a Reply\n2 min read\n")
        }
    }

    @Test func crlfTextExtractsLikeLF() throws {
        let lf = try extract(
            "Council Backs Harbor Plan\n\nThe council backed the plan on Monday after a long debate.\n")
        let crlf = try extract(
            "Council Backs Harbor Plan\r\n\r\nThe council backed the plan on Monday after a long debate.\r\n")
        #expect(lf == crlf)
    }
}
