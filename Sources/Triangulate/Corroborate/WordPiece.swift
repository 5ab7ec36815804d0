import Foundation

/// BERT's uncased tokenisation: the basic tokeniser (lowercase, accents stripped, punctuation and CJK ideographs
/// split off) then greedy longest-match-first WordPiece over a vocabulary. Shared by the static embeddings table and
/// the MiniLM encoder.
public struct WordPiece: Sendable {
    let vocabulary: [String: Int32]
    /// The longest token in UTF-8 bytes ("##" included): WordPiece never tries a longer piece.
    let longestToken: Int
    /// The id a word no token covers becomes (BERT's [UNK]); nil drops such words.
    let unknown: Int32?

    public init(vocabulary: [String: Int32], unknown: Int32? = nil) {
        self.vocabulary = vocabulary
        self.longestToken = vocabulary.keys.reduce(0) { max($0, $1.utf8.count) }
        self.unknown = unknown
    }

    /// The id of a token, when the vocabulary has it.
    public func id(of token: String) -> Int32? { vocabulary[token] }

    /// BERT's basic tokeniser then WordPiece, as token ids. ASCII and Latin-1 are folded by table, other scalars by
    /// Unicode's lowercase mapping and canonical decomposition.
    public func tokenIDs(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        var word: [UInt8] = []
        var key: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            appendPieces(of: word, to: &ids, key: &key)
            word.removeAll(keepingCapacity: true)
        }
        func single(_ scalar: Unicode.Scalar) {
            flush()
            Self.append(scalar, to: &word)
            flush()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                switch byte {
                case 0x41...0x5A: word.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                case 0x20, 0x09, 0x0A, 0x0D: flush()
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: single(scalar)
                default: break  // control characters
                }
            } else if v < 0x100 {
                switch v {
                case 0xC0...0xFF: Self.append(Self.latin1Folded[Int(v - 0xC0)], to: &word)
                case 0xA0: flush()
                case 0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF: single(scalar)
                case 0x80...0x9F, 0xAD: break  // C1 controls, soft hyphen
                default: Self.append(scalar, to: &word)
                }
            } else {
                let properties = scalar.properties
                switch properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: flush()
                case .control, .format, .nonspacingMark, .enclosingMark: break  // BERT drops these
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                    .initialPunctuation, .finalPunctuation, .otherPunctuation:
                    single(scalar)
                default:
                    if Self.isCJK(v) {
                        single(scalar)
                    } else if v != 0xFFFD {
                        // Rare outside Latin-1: lowercase, decompose (NFD) and drop the marks, as BERT does.
                        let lowered = properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)
                        for part in lowered.decomposedStringWithCanonicalMapping.unicodeScalars
                        where part.properties.generalCategory != .nonspacingMark {
                            Self.append(part, to: &word)
                        }
                    }
                }
            }
        }
        flush()
        return ids
    }

    /// Greedy longest-match-first WordPiece over one word's UTF-8 bytes; a word with a part that no token covers
    /// (BERT's [UNK]) adds nothing.
    private func appendPieces(of word: [UInt8], to ids: inout [Int32], key: inout [UInt8]) {
        let scalars = word.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        guard scalars <= 100 else {
            if let unknown { ids.append(unknown) }
            return
        }
        let first = ids.count
        var start = 0
        while start < word.count {
            let prefix = start == 0 ? 0 : 2
            var end = min(word.count, start + longestToken - prefix)
            var found: Int32?
            while end > start {
                if end == word.count || word[end] & 0xC0 != 0x80 {  // cut only between scalars
                    key.removeAll(keepingCapacity: true)
                    if prefix > 0 {
                        key.append(0x23)  // "##"
                        key.append(0x23)
                    }
                    key.append(contentsOf: word[start..<end])
                    if let id = vocabulary[String(decoding: key, as: UTF8.self)] {
                        found = id
                        break
                    }
                }
                end -= 1
            }
            guard let id = found else {
                ids.removeSubrange(first...)
                if let unknown { ids.append(unknown) }
                return
            }
            ids.append(id)
            start = end
        }
    }

    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// U+00C0...U+00FF lowercased with accents removed, as BERT's NFD-and-drop-marks leaves them.
    private static let latin1Folded: [Unicode.Scalar] = Array(
        "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy".unicodeScalars)

    /// BERT's CJK ideograph blocks, each of which is tokenised on its own.
    private static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2A6DF, 0x2A700...0x2CEAF,
            0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
