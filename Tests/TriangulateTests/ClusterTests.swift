import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// Story clustering: the ECB+ floor, stable ids, order, look-alike events, copies, and the JSON lines reader.
@Suite("Story clustering")
struct ClusterTests {
    /// ECB+ rows in file order: (item, topic, event).
    static let ecb: [(item: ClusterItem, topic: Int, event: String)] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.shared + "/bench/clustering/ecbplus.jsonl")
        else { return [] }
        var rows: [(item: ClusterItem, topic: Int, event: String)] = []
        try? JSONLines.forEachLine(in: [UInt8](data)) { line, number in
            let fields = try JSONLines.strings(in: line, keys: ["id", "text", "topic", "event"], line: number)
            rows.append(
                (
                    ClusterItem(id: fields["id"]!, text: fields["text"]!), Int(fields["topic"]!)!, fields["event"]!
                ))
        }
        return rows
    }()

    /// The accuracy reached with the defaults (chosen on the odd topics), pinned: a regression fails the build.
    @Test func ecbPlusBCubedFloor() throws {
        try #require(Self.ecb.count == 982)
        let result = Cluster().cluster(Self.ecb.map(\.item))
        let score = ClusterScore.score(predicted: result.stories, gold: Self.ecb.map(\.event))
        print(
            String(
                format: "ECB+ all: B3 P %.4f R %.4f F1 %.4f ARI %.4f", score.precision, score.recall, score.f1,
                score.adjustedRand))
        #expect(score.f1 >= 0.93)
        #expect(score.adjustedRand >= 0.90)
    }

    /// The held-out half (defaults were chosen on the odd topics): the issue's goal, B³ F1 ≥ 0.92.
    @Test func ecbPlusHeldOutTopicsReachTheGoal() throws {
        try #require(Self.ecb.count == 982)
        let even = Self.ecb.filter { $0.topic % 2 == 0 }
        let result = Cluster().cluster(even.map(\.item))
        let score = ClusterScore.score(predicted: result.stories, gold: even.map(\.event))
        #expect(score.f1 >= 0.92, "even topics: B3 F1 \(score.f1)")
    }

    /// Unit vectors from keys with weights, normalized.
    static func unit(_ pairs: [(UInt64, Float)]) -> StorySplit.Vector {
        let length = pairs.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        return pairs.map { (key: $0.0, weight: $0.1 / length) }
    }

    @Test func splitFindsTwoEventsOfOneKind() throws {
        // Both events share the words of their kind (keys 1–4); each has its own names (100s vs 200s), and every
        // article has a word of its own.
        let vectors = (0..<12).map { member -> StorySplit.Vector in
            let event: UInt64 = member % 2 == 0 ? 100 : 200
            return Self.unit(
                [
                    (1, 1), (2, 1), (3, 1), (4, 1), (event + 1, 1), (event + 2, 1), (event + 3, 1),
                    (1000 + UInt64(member), 1),
                ]
            )
        }
        let partition = try #require(StorySplit(vectors).bestPartition())
        for member in 0..<12 { #expect(partition.side[member] == partition.side[member % 2]) }
        #expect(partition.side[0] != partition.side[1])
        #expect(partition.gain > ClusterConfiguration.default.splitGain)
        #expect(partition.similarity < ClusterConfiguration.default.splitSimilarity)
    }

    @Test func placesAreNamesOfTheirOwnKind() {
        let features = StoryFeatureExtractor(configuration: .default).features(
            title: nil, text: "Officials from Norvex Holdings met in Paris and Ohio on Monday.", day: nil)
        let keys = Set(features.counts.map(\.key))
        func nameHash(_ word: String) -> UInt64 {
            StoryFeatureExtractor.hash(Array(word.utf8), seed: StoryFeatureExtractor.nameSeed)
        }
        for place in ["paris", "ohio"] { #expect(keys.contains(nameHash(place) | 3), "\(place) is a place") }
        for name in ["norvex", "holdings"] {
            #expect(keys.contains((nameHash(name) | 1) & ~2), "\(name) is a name, not a place")
        }
    }

    @Test func splitLeavesOneEventWhole() {
        // One event: the same core words and names in every article, each article with two words of its own.
        let vectors = (0..<12).map { member -> StorySplit.Vector in
            Self.unit([
                (1, 1), (2, 1), (3, 1), (101, 1), (102, 1), (1000 + UInt64(member), 1), (2000 + UInt64(member), 1),
            ])
        }
        let partition = StorySplit(vectors).bestPartition()
        #expect(partition == nil || partition!.gain <= ClusterConfiguration.default.splitGain)
    }

    @Test func storyIDsStayStableUnderAppends() throws {
        try #require(Self.ecb.count == 982)
        let items = Self.ecb.map(\.item)
        let prefix = Cluster().cluster(Array(items[0..<400])).stories
        let full = Cluster().cluster(items).stories
        // A story keeps its number as the stream grows: the article that started it still carries that number
        // (or an older one, when an older story absorbed it). Revision may move single articles.
        var firstArticle: [Int: Int] = [:]
        for (index, story) in prefix.enumerated() where firstArticle[story] == nil { firstArticle[story] = index }
        for (story, first) in firstArticle { #expect(full[first] <= story, "story \(story) lost its number") }
        let kept = (0..<400).filter { full[$0] == prefix[$0] }.count
        #expect(kept >= 360, "only \(kept) of 400 kept their story")
    }

    @Test func inputOrderChangesLittle() throws {
        try #require(Self.ecb.count == 982)
        let odd = Self.ecb.filter { $0.topic % 2 == 1 }
        let forward = Cluster().cluster(odd.map(\.item)).stories
        let backward = Array(Cluster().cluster(odd.map(\.item).reversed()).stories.reversed())
        let gold = odd.map(\.event)
        let a = ClusterScore.score(predicted: forward, gold: gold).f1
        let b = ClusterScore.score(predicted: backward, gold: gold).f1
        #expect(abs(a - b) < 0.04, "forward \(a), backward \(b)")
        #expect(ClusterScore.score(predicted: backward, gold: forward).f1 >= 0.85)
    }

    /// Two fires of the same kind, in different towns with different people, in the same week.
    static let lookAlike: [(String, String)] = [
        (
            "a",
            "A fire destroyed the Harlow Mills paper warehouse in Dunmore on Tuesday night. Fire chief Edda Vance said forty firefighters fought the blaze for six hours. No one was hurt, Vance said, but the Dunmore warehouse, owned by Harlow Mills, is a total loss."
        ),
        (
            "b",
            "Flames tore through a furniture depot in Castlereagh on Wednesday. Castlereagh fire chief Tomas Oyelaran said the Brightwood Furniture depot burned for most of the night and two workers were treated for smoke."
        ),
        (
            "a",
            "Investigators in Dunmore are looking for the cause of Tuesday's blaze at the Harlow Mills warehouse. Chief Edda Vance told reporters the fire started near the loading dock of the paper warehouse."
        ),
        (
            "b",
            "Two Brightwood Furniture employees were treated for smoke inhalation after the Castlereagh depot fire, chief Tomas Oyelaran said. The depot, on the edge of Castlereagh, burned through the night."
        ),
        (
            "a",
            "Harlow Mills said it will rebuild its Dunmore warehouse after the fire. The paper company thanked chief Edda Vance and the Dunmore firefighters who saved the neighbouring offices."
        ),
        (
            "b",
            "Brightwood Furniture will reopen its Castlereagh depot within a month, the company said after Wednesday's fire. Fire chief Tomas Oyelaran praised the night crew."
        ),
    ]

    @Test func lookAlikeEventsAreSeparated() {
        let items = Self.lookAlike.enumerated().map { index, row in
            ClusterItem(id: "\(index)", text: row.1, published: CalendarDate(year: 2026, month: 5, day: 12 + index % 2))
        }
        let stories = Cluster().cluster(items).stories
        let score = ClusterScore.score(predicted: stories, gold: Self.lookAlike.map(\.0))
        #expect(score.f1 == 1, "stories \(stories)")
    }

    @Test func datesFarApartNeverShareAStory() {
        let text = Self.lookAlike[0].1
        let items = [
            ClusterItem(id: "x", text: text, published: CalendarDate(year: 2026, month: 1, day: 2)),
            ClusterItem(id: "y", text: text, published: CalendarDate(year: 2026, month: 3, day: 2)),
        ]
        let stories = Cluster().cluster(items).stories
        #expect(stories[0] != stories[1])
    }

    @Test func copiesAreReportedAsLineage() {
        let original =
            "The regional water board approved a plan on Thursday to replace four hundred kilometres of lead pipes across the valley over the next ten years, at a cost the board put at two billion crowns. Board chair Ilse Marant said the work would start in the oldest districts first, where tests last winter found the highest lead levels in tap water, and that households would not pay for the replacement of the pipes on their side of the meter."
        let copy =
            original.replacingOccurrences(of: "on Thursday", with: "this week")
            + " Residents can ask the board for a test kit."
        let other =
            "The city council of a neighbouring town voted to close two libraries and merge their collections into a new central branch that will open next spring, after a long debate about opening hours."
        let items = [
            ClusterItem(id: "original", text: original), ClusterItem(id: "unrelated", text: other),
            ClusterItem(id: "copy", text: copy),
        ]
        let result = Cluster().cluster(items)
        #expect(result.duplicates.map(\.copy) == [2])
        #expect(result.duplicates.first?.source == 0)
        // The MinHash estimate against the exact Jaccard similarity of the word 4-shingles, computed here.
        func shingles(_ text: String) -> Set<[Substring]> {
            let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
            return Set((0..<(words.count - 3)).map { Array(words[$0..<($0 + 4)]) })
        }
        let (a, b) = (shingles(original), shingles(copy))
        let exact = Double(a.intersection(b).count) / Double(a.union(b).count)
        #expect(abs((result.duplicates.first?.similarity ?? 0) - exact) < 0.2, "exact \(exact)")
        #expect(result.stories[0] == result.stories[2])
        #expect(result.stories[0] != result.stories[1])
    }

    @Test func scorerMatchesHandComputedValues() {
        // Gold {a,a,b,b}; predicted {1,1,1,2}: B³ precision (2/3·3 + 1·1)/4 … computed by hand.
        let score = ClusterScore.score(predicted: [1, 1, 1, 2], gold: ["a", "a", "b", "b"])
        // precision: items 1,2 → 2/3 each; item 3 → 1/3; item 4 → 1 → (2/3+2/3+1/3+1)/4 = 2/3
        #expect(abs(score.precision - 2.0 / 3.0) < 1e-12)
        // recall: items 1,2 → 1; item 3 → 1/2; item 4 → 1/2 → 3/4
        #expect(abs(score.recall - 0.75) < 1e-12)
        #expect(ClusterScore.score(predicted: [5, 5, 7], gold: ["x", "x", "y"]).adjustedRand == 1)
        #expect(ClusterScore.score(predicted: [1, 2, 3, 4], gold: ["a", "a", "b", "b"]).adjustedRand <= 0)
    }

    @Test func jsonLinesReaderDecodesAndSkips() throws {
        let line = Array(
            #"{"title": null, "meta": {"a": [1, 2.5e3, {"b": "}"}], "c": true}, "id": "x\u00e9\ud83d\ude00", "text": "line\nnext \"q\""}"#
                .utf8)
        let fields = try line.withUnsafeBufferPointer {
            try JSONLines.strings(in: $0, keys: ["id", "text", "title"], line: 3)
        }
        #expect(fields["id"] == "xé😀")
        #expect(fields["text"] == "line\nnext \"q\"")
        #expect(fields["title"] == nil)
        for bad in [#"{"id": "x""#, #"["id"]"#, #"{"id": tru}"#, #"{"id": "x"} extra"#] {
            #expect(throws: JSONLines.Failure.self) {
                try Array(bad.utf8).withUnsafeBufferPointer { try JSONLines.strings(in: $0, keys: ["id"], line: 1) }
            }
        }
    }

    @Test func clusterItemNeedsIDAndText() throws {
        func parse(_ text: String) throws -> ClusterItem {
            try Array(text.utf8).withUnsafeBufferPointer { try ClusterItem.parse(line: $0, number: 1) }
        }
        #expect(throws: JSONLines.Failure.self) { try parse(#"{"text": "t"}"#) }
        #expect(throws: JSONLines.Failure.self) { try parse(#"{"id": "a"}"#) }
        let item = try parse(#"{"id": "a", "text": "t", "published": "2026-01-31T09:30:00Z", "x": 1}"#)
        #expect(item.published == CalendarDate(year: 2026, month: 1, day: 31))
    }

    /// Near-duplicates from clustering count as copies in corroboration: a fact two articles state counts once when
    /// one is known to copy the other.
    @Test func knownCopiesCountOnceInCorroboration() throws {
        let a = try Fixtures.analyze(
            "Harbor Board Extends Ferries\n\nThe harbor board voted on Tuesday to extend the night ferry service through the winter, board chair Lena Okafor said.",
            id: "a")
        let b = try Fixtures.analyze(
            "Night Ferries Will Run All Winter\n\nNight ferries will keep running this winter after a vote by the harbor board on Tuesday, according to board chair Lena Okafor.",
            id: "b")
        let plain = Corroborate().story(id: "s", articles: [a, b])
        let copied = Corroborate().story(
            id: "s", articles: [a, b], knownCopies: [LineageEdge(copy: "b", original: "a", similarity: 0.6)])
        #expect(plain.lineage.isEmpty)
        #expect(copied.lineage == [LineageEdge(copy: "b", original: "a", similarity: 0.6)])
        let shared = try #require(plain.facts.first { $0.sources == ["a", "b"] })
        #expect(shared.independentSources == 2)
        let sharedCopied = try #require(copied.facts.first { $0.sources == ["a", "b"] })
        #expect(sharedCopied.independentSources == 1)
        // An edge about articles outside the story is ignored.
        let unrelated = Corroborate().story(
            id: "s", articles: [a, b], knownCopies: [LineageEdge(copy: "x", original: "a", similarity: 0.9)])
        #expect(unrelated.lineage.isEmpty)
    }

    /// One event told by five outlets, each article also present in two trimmed copies (as syndication does): one
    /// story. Revision must not split a story along its groups of copies.
    @Test func copiesOfSeveralArticlesStayOneStory() throws {
        let folder = Fixtures.examples + "/dayton-battery-plant-fire"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(names.count == 5)
        var items: [ClusterItem] = []
        for name in names {
            let article = try Extract().article(
                from: Document(
                    id: name, origin: name,
                    bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))))
            for variant in 0..<3 {
                var paragraphs = article.paragraphs
                if variant > 0 && paragraphs.count > 3 { paragraphs.remove(at: variant) }
                items.append(
                    ClusterItem(
                        id: "\(name)-\(variant)", title: article.title, text: paragraphs.joined(separator: "\n"),
                        published: article.published))
            }
        }
        let result = Cluster().cluster(items)
        #expect(Set(result.stories).count == 1, "stories: \(result.stories)")
        #expect(result.duplicates.count >= 8)
    }
}

/// The Cluster stage's state as a store keeps it: features round-trip through bytes, damaged bytes are refused, and
/// a session restored from a stored grouping assigns new articles as the uninterrupted stream would.
@Suite("Cluster state")
struct ClusterStateTests {
    /// The Examples corpus (three events) and the seeds, in content order as the pipeline feeds the clusterer.
    static func items() throws -> [ClusterItem] {
        let articles = Pipeline().analyzeArticles(paths: [Fixtures.examples, Fixtures.seeds]).articles
        let plain = articles.map(\.article)
        return Pipeline.contentOrder(plain).map { plain[$0] }.map { article in
            ClusterItem(id: article.id, title: article.title, text: article.text, published: article.published)
        }
    }

    @Test func featuresRoundTripAndDamagedBytesAreRefused() throws {
        let session = ClusterSession()
        let features = session.features(try Self.items())
        for feature in features {
            let bytes = feature.bytes
            #expect(try ClusterFeatures(bytes: bytes).bytes == bytes)
        }
        let bytes = try #require(features.first).bytes
        for damaged in [
            [], Array(bytes.dropLast()), bytes + [0], [UInt8](repeating: 0xFF, count: bytes.count),
            Array("TCF1".utf8) + [0xFF, 0xFF, 0xFF, 0x7F],
        ] {
            #expect(throws: ClusterFeaturesError.self) { try ClusterFeatures(bytes: damaged) }
        }
    }

    @Test func aRestoredSessionAssignsNewArticlesAsTheUninterruptedStreamDoes() throws {
        let items = try Self.items()
        let split = items.count / 2
        let first = ClusterSession(workers: 1)
        let features = first.features(items)
        first.add(Array(features[..<split]))
        let stored = first.finish(revise: false).stories
        let restored = ClusterSession(workers: 1)
        for (index, feature) in features[..<split].enumerated() {
            restored.restore(try ClusterFeatures(bytes: feature.bytes), story: "s\(stored[index])")
        }
        restored.add(Array(features[split...]))
        let grown = restored.finish(revise: false)
        let whole = ClusterSession(workers: 1)
        whole.add(features)
        let uninterrupted = whole.finish(revise: false)
        #expect(Set(Cluster.groups(grown.stories)) == Set(Cluster.groups(uninterrupted.stories)))
        #expect(Set(grown.duplicates) == Set(uninterrupted.duplicates))
    }
}
