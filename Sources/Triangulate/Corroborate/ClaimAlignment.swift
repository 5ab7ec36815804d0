import TriangulateText
/// The decision Corroborate makes between two claims, on its own: for explaining a fact and for pair benchmarks
/// (`triangulate align`). Each text is annotated as a one-paragraph article and split into clauses as in a story;
/// the pair scores its best-matching clauses, with feature rarity taken from the two texts alone (in a story it comes
/// from all of the story's claims, so scores there differ somewhat).
public struct ClaimAlignment: Sendable {
    public struct Decision: Sendable, Hashable {
        public var similarity: Double
        public var aligned: Bool
        /// The evidence behind the score: the heaviest shared features, or the rule that kept the claims apart.
        public var why: [String]
    }

    public var configuration: CorroborateConfiguration
    let annotate = Annotate()

    public init(configuration: CorroborateConfiguration = .default) {
        self.configuration = configuration
    }

    public func compare(_ a: String, _ b: String) -> Decision {
        let articles = [("a", a), ("b", b)].map { id, text in
            annotate.annotate(
                Article(
                    id: id, origin: id, paragraphs: [Extract.collapseSpaces(Substring(text.replacing("\n", with: " ")))]
                ))
        }
        let names = StoryNames(articles)
        let stemmer = Stemmer()
        var claims: [Claim] = []
        for item in articles {
            var found = ClaimExtractor.claims(
                of: item, names: names, stemmer: stemmer, startIndex: claims.count, minimumWords: 1)
            if found.isEmpty {
                // Too short to be a claim in a story: compared as written.
                found = ClaimExtractor.claims(
                    of: item, names: names, stemmer: stemmer, startIndex: claims.count, minimumWords: 0)
            }
            claims += found
        }
        let space = ClaimSpace(
            claims, configuration: configuration, encoder: configuration.encoder?.encoder ?? configuration.embeddings)
        let grouping = FactGrouping(space: space, claims: claims, configuration: configuration)
        // The best pair of clauses that share enough features to align, else the best pair.
        var best: (score: Double, a: Int, b: Int)?
        var bestSharing: (score: Double, a: Int, b: Int)?
        for x in claims.indices where claims[x].article == "a" {
            for y in claims.indices where claims[y].article == "b" {
                let score = grouping.score(x, y)
                if score > best?.score ?? -1 { best = (score, x, y) }
                if score > bestSharing?.score ?? -1, grouping.sharesEnough(x, y) { bestSharing = (score, x, y) }
            }
        }
        if let bestSharing, bestSharing.score >= configuration.alignThreshold {
            return Decision(
                similarity: bestSharing.score, aligned: true, why: grouping.explain(bestSharing.a, bestSharing.b))
        }
        guard let best else { return Decision(similarity: 0, aligned: false, why: ["no words to compare"]) }
        return Decision(similarity: best.score, aligned: false, why: grouping.explain(best.a, best.b))
    }
}

extension ClaimAlignment {
    /// `triangulate align` as a library entry: JSON lines `{"a", "b"}` in; one line `{"similarity", "aligned",
    /// "why"}` per pair, or `{"line", "error"}` for a line that cannot be read (also passed to `onError`).
    public func alignJSONLines(_ bytes: [UInt8], onError: (String) -> Void = { _ in }) -> (lines: String, compared: Int)
    {
        var lines = ""
        var compared = 0
        JSONLines.forEachLine(in: bytes) { line, number in
            do {
                let fields = try JSONLines.strings(in: line, keys: ["a", "b"], line: number)
                guard let a = fields["a"], let b = fields["b"] else {
                    throw JSONLines.Failure.malformed(line: number, reason: "needs string members \"a\" and \"b\"")
                }
                lines += JSONReport.line(for: compare(a, b)) + "\n"
                compared += 1
            } catch {
                onError("\(error)")
                lines += "{\"line\": \(number), \"error\": \(JSONReport.quote("\(error)"))}\n"
            }
        }
        return (lines, compared)
    }
}
