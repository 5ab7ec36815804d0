import Foundation
import Testing

@testable import Triangulate
import TriangulateText

@Suite("Reports")
struct ReportTests {
    static let hostile = """
        Hostile Markup Test Story Headline
        <script>alert('x')</script> The council met on Monday. [click](javascript:alert(1)) **bold** `code` | pipe
        """

    @Test func jsonIsValidAndFollowsTheContract() throws {
        let article = try Fixtures.analyze(Self.hostile, id: "hostile")
        let result = AnalysisResult(
            articles: [article], failures: [Failure(origin: "bad.txt", reason: "binary content")])
        let json = JSONReport.render(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["triangulate"] as? Int == 1)
        let articles = try #require(object["articles"] as? [[String: Any]])
        let first = try #require(articles.first)
        for key in ["id", "origin", "outlet", "title", "byline", "published", "text", "removed", "annotations"] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        let annotations = try #require(first["annotations"] as? [String: Any])
        for key in ["people", "organizations", "places", "quotes", "quantities", "dates", "attributions"] {
            #expect(annotations[key] is [Any], "missing \(key)")
        }
        #expect((first["text"] as? String)?.contains("<script>") == true)  // JSON carries the text as data
        #expect(object["stories"] is [Any])
        let failures = try #require(object["failures"] as? [[String: String]])
        #expect(failures == [["origin": "bad.txt", "reason": "binary content"]])
    }

    @Test func jsonEscapesControlCharactersAndQuotes() {
        var output = ""
        JSONWriter.appendEscaped("a\"b\\c\nd\u{01}e\u{2028}", to: &output)
        #expect(output == "\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"")
        #expect(JSONWriter.format(3_500_000_000) == "3500000000")
        #expect(JSONWriter.format(4.5) == "4.5")
    }

    @Test func theHTMLTemplatesParseAndEscapeEveryValue() throws {
        _ = try HTMLReport.templates.get()
        // A story whose every string carries markup, a quotation mark before a combining accent, and a control byte.
        let hostile = "<img src=x onerror=alert(1)> \"\u{301} onmouseover=alert(2) \u{7}"
        var story = Story(id: "story-x" + hostile, headline: hostile, articles: ["a", "b"])
        story.facts = [
            Fact(
                id: "fact-1", statement: hostile, sources: ["a", "b"], independentSources: 2, status: .corroborated,
                evidence: [Evidence(article: "a", sentence: hostile), Evidence(article: "b", sentence: hostile)])
        ]
        story.quotes = [
            StoryQuote(
                speaker: hostile, role: hostile, text: hostile, sources: ["a", "b"],
                variants: [.init(article: "a", text: hostile), .init(article: "b", text: hostile + "!")])
        ]
        story.sources = ["a", "b"].map {
            SourceScore(article: $0, facts: 1, corroborated: 1, unique: 0, contradicted: 0, flags: 0)
        }
        let articles = [
            "a": Article(id: "a", origin: "javascript:alert(3)", outlet: hostile, title: hostile, paragraphs: ["x"]),
            "b": Article(id: "b", origin: "https://example.test/b", outlet: "Tideline", paragraphs: ["y"]),
        ]
        let html = HTMLReport.story(story, articles: articles)
        #expect(!html.contains("<img") && !html.contains("\"\u{301}") && !html.contains("\u{7}"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;\u{301} onmouseover=alert(2)"))
        #expect(html.contains("href=\"file://javascript%3Aalert%283%29\""))
        #expect(html.contains("<th scope=\"col\">Tideline</th>"))
        #expect(html.contains("<summary>2 wordings</summary>"))
        #expect(html.components(separatedBy: "<td class=\"states\"").count - 1 == 2)
    }

    @Test func markdownEscapesArticleText() throws {
        let article = try Fixtures.analyze(Self.hostile, id: "hostile")
        let markdown = MarkdownReport.render(AnalysisResult(articles: [article], failures: []))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("](javascript:"))
        #expect(MarkdownReport.escape("<b>[x](y)</b> *a* _b_") == "\\<b\\>\\[x\\](y)\\</b\\> \\*a\\* \\_b\\_")
    }
}
