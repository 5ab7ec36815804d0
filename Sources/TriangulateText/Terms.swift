import TriangulateModel
/// Content words of a text, lowercased, stop words dropped: the shared vocabulary of Cluster and Corroborate.
package enum Terms {
    package static let stopWords: Set<String> = Lexicon.shared.words(.stopWords)

    /// Lowercased words of `text` (letters, digits, inner hyphens and apostrophes), in order.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
            } else if byte >= 0x41 && byte <= 0x5A {
                current.append(byte + 32)
            } else if byte >= 0xC0, !Tokenizer.isPunctuationScalar(bytes, index) {
                let length = Tokenizer.scalarLength(byte)
                current.append(contentsOf: bytes[index..<min(bytes.count, index + length)])
                index += length
                continue
            } else if (byte == 0x2D || byte == 0x27) && !current.isEmpty && index + 1 < bytes.count
                && Tokenizer.isAlnum(bytes, index + 1)
            {
                if byte == 0x27, index + 1 < bytes.count, bytes[index + 1] == 0x73 || bytes[index + 1] == 0x53,
                    index + 2 >= bytes.count || !Tokenizer.isLetter(bytes, index + 2)
                {
                    flush()  // possessive 's
                    index += 2
                    continue
                }
                current.append(byte)
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                // ’s possessive or inner apostrophe
                if index + 3 < bytes.count, bytes[index + 3] == 0x73,
                    index + 4 >= bytes.count || !Tokenizer.isLetter(bytes, index + 4)
                {
                    flush()
                    index += 4
                    continue
                }
                flush()
                index += 3
                continue
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return words
    }

    /// Stems of the content words of `text`.
    package static func contentStems(_ text: String, stemmer: Stemmer) -> [String] {
        words(text).compactMap { word in
            guard !stopWords.contains(word), word.count > 1 else { return nil }
            return stemmer.stem(word)
        }
    }
}
