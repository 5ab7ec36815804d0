import Testing

@testable import Triangulate
import TriangulateText

@Suite("Text decoding")
struct DecodingTests {
    @Test func invalidUTF8IsRepairedWithReplacementCharacters() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" opens. Bad \u{FF}".utf8) + [0xC3, 0x28]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.repairedInvalidUTF8)
        #expect(decoded.text.hasPrefix("Caf\u{FFFD} opens."))
        #expect(decoded.text.contains("\u{FFFD}("))
    }

    @Test func crlfAndLoneCRBecomeLFAndBOMIsDropped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("One\r\nTwo\rThree\n".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "One\nTwo\nThree\n")
        #expect(!decoded.repairedInvalidUTF8)
    }

    @Test func controlBytesAndZeroWidthCharactersAreDropped() {
        let bytes: [UInt8] = Array("A\u{0}B".utf8) + Array("\u{200B}C\u{00A0}D\tE".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "ABC D E")
        #expect(decoded.droppedControlBytes == 1)
    }

    @Test func extractorRecordsTheRepairAsAWarning() throws {
        let bytes: [UInt8] =
            Array("The council met on Tuesday and voted to approve the budget for next year.\n".utf8) + [0xFF]
        let article = try Extract().article(from: Document(id: "x", origin: "x.txt", bytes: bytes))
        #expect(article.warnings.contains { $0.contains("invalid UTF-8") })
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        let samples: [[UInt8]] = [
            Array("plain ASCII text, longer than eight bytes".utf8), Array("café — “quotes” 😀 日本".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xE2, 0x82], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xE2, 0x82, 0xAC], [0xFF], [0x80], [],
        ]
        // Plus random bytes, biased towards UTF-8 lead and continuation bytes (fixed seed).
        var state: UInt64 = 42
        var random: [[UInt8]] = []
        for _ in 0..<2000 {
            random.append(
                (0..<Int(state % 24)).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let pick = UInt8(truncatingIfNeeded: state >> 33)
                    return pick % 3 == 0 ? 0x80 | (pick & 0x3F) : pick % 3 == 1 ? 0xC0 | (pick & 0x3F) : pick & 0x7F
                })
        }
        for bytes in samples + random {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(TextDecoder.isValidUTF8) == expected, "\(bytes)")
        }
    }
}
