import Foundation
import Testing

@testable import Triangulate
import TriangulateText

@Suite("Hardening")
struct HardeningTests {
    static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var generator = SplitMix(state: seed)
        return items.shuffled(using: &generator)
    }

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func files(under directory: String) -> [String] {
        let names = (FileManager.default.subpaths(atPath: directory) ?? []).filter {
            $0.hasSuffix(".txt") && !Ingest.isProjectDocument(($0 as NSString).lastPathComponent)
        }
        return names.sorted().map { directory + "/" + $0 }
    }

    @Test func outputDependsOnTheSetOfInputsNotTheirOrder() {
        let files = Self.files(under: Fixtures.examples) + Self.files(under: Fixtures.seeds)
        let reference = JSONReport.render(Pipeline().analyze(paths: files))
        for seed in [1, 2] as [UInt64] {
            let again = JSONReport.render(Pipeline().analyze(paths: Self.shuffled(files, seed: seed)))
            #expect(again == reference, "order \(seed) changed the output")
        }
        #expect(JSONReport.render(Pipeline().analyze(paths: files.reversed())) == reference)
    }

    @Test func theSameFilesReachedTwiceAreReadOnce() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/again", withDestinationPath: Fixtures.seeds)
        let once = Pipeline().analyze(paths: [Fixtures.seeds])
        let twice = Pipeline().analyze(paths: [Fixtures.seeds, Fixtures.seeds, dir + "/again"])
        #expect(twice.articles.map(\.article.id) == once.articles.map(\.article.id))
        #expect(twice.failures.isEmpty)
        #expect(twice.skipped.count == 10)
        #expect(twice.skipped.allSatisfy { if case .duplicate = $0.reason { true } else { false } })
        // What the duplicates would have removed (copies of every article) is still there.
        let flags = { (result: AnalysisResult) in
            result.stories.flatMap(\.flags).filter { $0.kind == "unverified-person" }
        }
        #expect(!flags(once).isEmpty)
        #expect(flags(twice).count == flags(once).count)
    }

    @Test func sameNamedFilesGetIDsThatCollideWithNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for folder in ["x", "y"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true)
        }
        try Fixtures.write("The harbor reopened on Monday after repairs.", to: dir + "/x/a.txt")
        try Fixtures.write("The harbor ferry resumed service on Monday.", to: dir + "/y/a.txt")
        try Fixtures.write("Ferry riders welcomed the harbor reopening.", to: dir + "/a~2.txt")
        let forward = Pipeline().extract(paths: [dir + "/x/a.txt", dir + "/y/a.txt", dir + "/a~2.txt"])
        let backward = Pipeline().extract(paths: [dir + "/a~2.txt", dir + "/y/a.txt", dir + "/x/a.txt"])
        func ids(_ results: [Result<Article, Failure>]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: results.compactMap { try? $0.get() }.map { ($0.origin, $0.id) })
        }
        #expect(Set(ids(forward).values).count == 3)
        #expect(ids(forward) == ids(backward))
        #expect(ids(forward)[dir + "/a~2.txt"] == "a~2")
        #expect(ids(forward)[dir + "/x/a.txt"] == "a")
        #expect(ids(forward)[dir + "/y/a.txt"] == "a~3")
    }

    @Test func walksReportWhatTheyPassOver() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixtures.write("The council approved the budget on Monday.", to: dir + "/story.txt")
        try Fixtures.write(bytes: [1, 2, 3], to: dir + "/data.bin")
        try #require(mkfifo(dir + "/pipe.txt", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: ".")
        let scan = Ingest().scan([dir])
        #expect(scan.inputs.count == 1)
        let reasons = Dictionary(
            uniqueKeysWithValues: scan.skipped.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        #expect(reasons["data.bin"] == .unsupportedType(fileExtension: "bin"))
        #expect(reasons["pipe.txt"] == .notRegular(kind: "FIFO"))
        #expect(reasons["loop"] == .directoryLoop)
        // Named on the command line, a FIFO is refused at once (opening it would block).
        let named = Ingest().documents(from: [dir + "/pipe.txt"])
        guard case .failure(.unreadable(_, let reason)) = named.first else {
            Issue.record("FIFO not refused: \(named)")
            return
        }
        #expect(reason.contains("FIFO"))
    }

    @Test func utf16WithAByteOrderMarkIsText() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "Bürgermeisterin Anna Krüger sagte am Montag, die Brücke öffne im Mai."
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        try Fixtures.write(bytes: little, to: dir + "/le.txt")
        try Fixtures.write(bytes: big, to: dir + "/be.txt")
        for name in ["le", "be"] {
            let document = try Ingest().read(dir + "/\(name).txt").get()
            #expect(String(decoding: document.bytes, as: UTF8.self) == text)
        }
    }

    @Test func aPageWithTooManyAttributesIsRefusedQuickly() {
        var page = "<html><body><div"
        for index in 0..<200_000 { page += " a\(index)=\"1\"" }
        page += "><p>The council met on Monday and approved the harbor budget.</p></div></body></html>"
        let started = ContinuousClock.now
        let document = Document(id: "attrs", origin: "attrs.html", kind: .html, bytes: Array(page.utf8))
        #expect(throws: ExtractError.overLimit(origin: "attrs.html", what: "an element has more than 1000 attributes"))
        {
            try Extract().article(from: document)
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        // Under the limit, the same structure is read.
        var ordinary = "<html><body><div"
        for index in 0..<500 { ordinary += " data-x\(index)=\"1\"" }
        ordinary += "><p>The council met on Monday and approved the harbor budget for the year.</p></div></body></html>"
        let fine = Document(id: "ok", origin: "ok.html", kind: .html, bytes: Array(ordinary.utf8))
        #expect((try? Extract().article(from: fine))?.paragraphs.first?.contains("harbor budget") == true)
    }

    @Test func articleLimitsFailThatArticleAndNameIt() {
        var configuration = AnnotateConfiguration()
        configuration.maxQuotes = 5
        let quoted = (0..<8).map { "“Statement number \($0) is on the record,” she said." }.joined(separator: " ")
        let heavy = Article(id: "heavy", origin: "heavy.txt", paragraphs: [quoted])
        let light = Article(id: "light", origin: "light.txt", paragraphs: ["The council met on Monday."])
        let results = Annotate(configuration: configuration).annotateWithinLimits(batch: [heavy, light])
        guard case .failure(let error) = results[0] else {
            Issue.record("over the quote limit but annotated")
            return
        }
        #expect(error.origin == "heavy.txt")
        #expect(error.reason.contains("quotations") && error.reason.contains("limit of 5"))
        #expect((try? results[1].get())?.article.id == "light")
        var hurried = AnnotateConfiguration()
        hurried.timeBudget = 0
        let timed = Annotate(configuration: hurried).annotateWithinLimits(batch: [heavy])
        guard case .failure(let late) = timed[0] else {
            Issue.record("a zero time budget let the article through")
            return
        }
        #expect(late.reason.contains("time budget"))
    }

    @Test func hostileRunsOfCapitalizedWordsDoNotRecurse() {
        let run = String(repeating: "The ", count: 200_000) + "end."
        let annotated = Annotate().annotate(Article(id: "the", origin: "the.txt", paragraphs: [run]))
        #expect(annotated.annotations.people.isEmpty)
    }

    @Test func quoteLookupMatchesAFirstMatchScan() {
        let text =
            "“One ‘two’ three,” he said, and “four five” and “six ‘seven’ eight” then “unclosed nine ten eleven"
        var paragraph = Paragraph(index: 0, text: text)
        paragraph.quotes = Segmenter.findQuotes(paragraph)
        #expect(paragraph.quotes.count >= 4)
        for token in -1...paragraph.tokens.count {
            let scan = paragraph.quotes.firstIndex { $0.open < token && token < $0.close }
            #expect(paragraph.quote(containing: token) == scan, "token \(token)")
        }
    }

    @Test func markdownNeverLetsArticleTextBreakOut() {
        #expect(MarkdownReport.code("Evil | <img src=x onerror=alert(1)>", inTable: true).contains("\\|"))
        #expect(!MarkdownReport.code("Evil | x", inTable: true).contains(" | "))
        #expect(!MarkdownReport.code("a\r# heading\nb").contains("\r"))
        #expect(!MarkdownReport.code("a\r# heading\nb").contains("\n"))
        #expect(!MarkdownReport.code("\u{1B}[2Jx").contains("\u{1B}"))
        #expect(
            !MarkdownReport.escape("\u{1B}]0;title\u{07}x\u{202E}").unicodeScalars.contains {
                $0.value < 0x20 || $0.value == 0x202E
            })
        #expect(MarkdownReport.escape("line\rbreak") == "line break")
    }

    @Test func htmlReportEscapesTextAndLinks() {
        #expect(
            HTMLReport.escape("<a href='x'>\"&\"</a>\u{1B}") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
        #expect(HTMLReport.linkTarget("javascript:alert(1)") == "file://javascript%3Aalert%281%29")
        #expect(HTMLReport.linkTarget("/news/a b\".txt") == "file:///news/a%20b%22.txt")
        #expect(HTMLReport.linkTarget("https://example.test/a") == "https://example.test/a")
    }

    @Test func oddClusterSettingsDoNotTrap() {
        let articles = Pipeline().analyze(paths: [Fixtures.seeds]).articles
        for change in [
            { (c: inout ClusterConfiguration) in c.bands = 0 }, { $0.bands = 1000 }, { $0.mergeInterval = 0 },
            { $0.candidateTerms = -3 }, { $0.minHashPermutations = 0 }, { $0.minHashPermutations = 3 },
        ] as [(inout ClusterConfiguration) -> Void] {
            var configuration = ClusterConfiguration()
            change(&configuration)
            let result = Cluster(configuration: configuration).cluster(articles.map(ClusterItem.init))
            #expect(result.stories.count == articles.count)
        }
    }
}
