import Foundation
import Testing

/// The HTML report, opened in a real browser (Debian's Chromium, headless): the DOM Chromium builds from it holds the
/// fact × outlet matrix, and article text that looks like markup stays text.
@Suite("HTML report in Chromium", .serialized)
struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The DOM after parsing, as Chromium serializes it.
    static func dom(of file: String) throws -> String {
        try ServedPagesBrowserTests.chromium("file://" + file, ["--dump-dom"])
    }

    @Test func theMatrixRendersAndHostileTextStaysText() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hostile = "Evil | <img src=x onerror=alert(1)> \"quoted\" <script>alert(2)</script>"
        let texts = [
            "Harbor Board Approves Night Ferry <script>alert(3)</script>\n\nOutlet: \(hostile)\n\n"
                + "The harbor board approved the night ferry on Tuesday by a 5-2 vote.\n\n"
                + "Board chair Lena Ortiz said the service would start in May and run until two in the morning.\n\n"
                + "Shift workers at the hospital had asked for the late boats for three years.\n\n"
                + "The two members who voted no said the budget could not carry it.\n",
            "Night Ferry Approved by Harbor Board\n\nOutlet: Tideline Weekly\n\n"
                + "The harbor board approved the night ferry on Tuesday by a 5-2 vote.\n\n"
                + "The service will cost $1.2 million a year, officials said at the meeting.\n\n"
                + "Riders packed the hearing room, many of them nurses coming off late shifts.\n\n"
                + "A fare increase of twenty cents is expected to cover part of the cost.\n",
        ]
        for (index, text) in texts.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/ferry-\(index).txt"))
        }
        let report = dir + "/report.html"
        let outcome = try Child.run(["analyze", dir, "--format", "html", "-o", report, "-q"])
        #expect(outcome.status == 0)
        let dom = try Self.dom(of: report)
        #expect(dom.contains("<table class=\"matrix\">"))
        #expect(dom.contains("Facts by outlet"))
        // A row for the fact both outlets state, with a cell for each outlet.
        #expect(dom.contains("class=\"corroborated\""))
        #expect(dom.components(separatedBy: "class=\"states\"").count - 1 >= 2)
        // Markup from the articles is text in the DOM, never elements.
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<script"))
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(dom.contains("Tideline Weekly"))
    }
}
