import Testing

@testable import Triangulate

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
}
