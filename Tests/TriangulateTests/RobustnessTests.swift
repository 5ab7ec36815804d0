import Testing

@testable import Triangulate

/// Hostile and degenerate text must never crash extraction or annotation.
@Suite("Robustness")
struct RobustnessTests {
    static let nasty = [
        "\"", "“", "”", "'", "‘’", "\"\"\"\"", "“”“”", "...", ". . .", "$", "$.", "%", "5%", "(", ")", "(R-", "R-MI)",
        "Mr.", "U.S.", "U.S.A.", "A.", "J. R.", "—", "— X (@", "— X (@y)", "January", "January 32, 2026", "2026-13-45",
        "February 29, 2025", "last", "over the", "said", "\"x,\" said", "said \"", ",\"", ":\"", "“a.” b", "'s", "’s",
        "Ford’s’s", "$3.5 billion.", "the the the", String(repeating: "\"a\" ", count: 200),
        String(repeating: "Ab. ", count: 500), String(repeating: "“", count: 300) + String(repeating: "”", count: 2),
        "\u{FFFD}\u{FFFD} \u{1F600} ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Zürich São",
    ]

    @Test func degenerateParagraphsAnnotateWithoutCrashing() {
        for text in Self.nasty {
            let notes = Fixtures.annotate(paragraphs: [
                text, "Before " + text + " after.", text + "\u{2014} Acme (@acme) May 1, 2026",
            ])
            #expect(notes.sentences.count >= 1, "\(text)")
        }
    }

    @Test func pseudoRandomTextAnnotatesWithoutCrashing() throws {
        let alphabet = Array("aAbBzZ .,;:!?'\"“”‘’()$%—-0123456789\n".unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let bytes = Array(text.utf8)
            if let article = try? Extract().article(from: Document(id: "r", origin: "r.txt", bytes: bytes)) {
                let notes = Annotate().annotate(article).annotations
                #expect(notes.sentences.allSatisfy { !$0.text.isEmpty })
            }
        }
    }
}
