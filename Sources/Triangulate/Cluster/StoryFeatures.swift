import TriangulateText
/// What the clusterer knows of one article: term counts (stemmed content words, and names — capitalized words inside
/// a sentence — as features of their own), a MinHash signature of its word shingles, and its day.
struct StoryFeatures: Sendable {
    /// (feature key, count), sorted by key. Keys are 64-bit hashes of a stem (even) or of a name (odd).
    var counts: [(key: UInt64, count: Float)]
    /// Minimum hash per permutation over the word 4-shingles; empty when the text has fewer than 4 words.
    var signature: [UInt32]
    /// Days since 1970-01-01 of the publication date, when known.
    var day: Int?

    /// Name features have odd keys, word features even ones.
    static func isName(_ key: UInt64) -> Bool { key & 1 == 1 }
    /// Among names, places (one-word names in the place gazetteers) have bit 1 set too.
    static func isPlace(_ key: UInt64) -> Bool { key & 3 == 3 }
}

/// Turns text into `StoryFeatures`. Holds a stemmer, so one per thread.
final class StoryFeatureExtractor {
    let configuration: ClusterConfiguration
    private let stemmer = Stemmer()
    /// Stop words as 64-bit hashes of their bytes (the scanner never builds a `String` for them).
    private static let stopHashes: Set<UInt64> = Set(Terms.stopWords.map { hash(Array($0.utf8)) })
    /// One-word places of Annotate's gazetteers (countries, states, cities, regions), lowercased, hashed as words are.
    private static let placeHashes: Set<UInt64> = Set(
        Lexicon.shared.places.keys.filter { !$0.contains(" ") }.map { hash(Array($0.utf8)) })
    /// Multipliers and offsets of the MinHash permutations (fixed seed: the same input always gives the same
    /// signature).
    static func permutations(_ count: Int) -> [(UInt64, UInt64)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in (next() | 1, next()) }
    }
    private let permutations: [(UInt64, UInt64)]

    init(configuration: ClusterConfiguration) {
        self.configuration = configuration
        self.permutations = Self.permutations(max(0, configuration.minHashPermutations))
    }

    /// FNV-1a over bytes, then a final mix.
    @inline(__always)
    static func hash<C: Collection<UInt8>>(_ bytes: C, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var value = seed
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        return value
    }

    static let termSeed: UInt64 = 0x1234_5678_9ABC_DEF1
    static let nameSeed: UInt64 = 0x0FED_CBA9_8765_4321

    func features(title: String?, text: String, day: Int?) -> StoryFeatures {
        var counts: [UInt64: Float] = [:]
        var shingle: [UInt64] = []  // hashes of the last words, for 4-shingles
        var signature = [UInt32](repeating: .max, count: permutations.count)
        var words = 0
        func scan(_ string: String, weight: Float) {
            let bytes = Array(string.utf8)
            do {
                var index = 0
                var sentenceStart = true
                var word: [UInt8] = []
                word.reserveCapacity(32)
                while index < bytes.count {
                    let byte = bytes[index]
                    if Tokenizer.isAlnum(bytes, index) {
                        let capitalized = byte >= 0x41 && byte <= 0x5A
                        word.removeAll(keepingCapacity: true)
                        while index < bytes.count {
                            let b = bytes[index]
                            if b < 0x80 {
                                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                                    word.append(b)
                                } else if b >= 0x41 && b <= 0x5A {
                                    word.append(b + 32)
                                } else if (b == 0x2D || b == 0x27) && index + 1 < bytes.count
                                    && Tokenizer.isAlnum(bytes, index + 1)
                                    && !(b == 0x27 && bytes[index + 1] | 0x20 == 0x73)
                                {
                                    word.append(b)
                                } else {
                                    break
                                }
                                index += 1
                            } else {
                                guard Tokenizer.isAlnum(bytes, index) else { break }
                                let length = Tokenizer.scalarLength(b)
                                let end = min(bytes.count, index + length)
                                word.append(contentsOf: bytes[index..<end])
                                index = end
                            }
                        }
                        add(word, capitalized: capitalized, sentenceStart: sentenceStart, weight: weight)
                        sentenceStart = false
                    } else {
                        if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A || byte == 0x3A
                            || byte == 0x22
                            || (byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                                && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98))
                        {
                            sentenceStart = true
                        }
                        index += byte < 0x80 ? 1 : Tokenizer.scalarLength(byte)
                    }
                }
            }
        }
        func add(_ word: [UInt8], capitalized: Bool, sentenceStart: Bool, weight: Float) {
            let wordHash = Self.hash(word)
            // Shingles over every word, stop words included (they carry the wording a copy keeps).
            words += 1
            shingle.append(wordHash)
            if shingle.count > 4 { shingle.removeFirst() }
            if shingle.count == 4 {
                let value = (shingle[0] &* 31 &+ shingle[1]) &* 31 &+ shingle[2] &* 0x9E37_79B9 &+ shingle[3]
                for (slot, (a, b)) in permutations.enumerated() {
                    let permuted = UInt32(truncatingIfNeeded: (a &* value &+ b) >> 32)
                    if permuted < signature[slot] { signature[slot] = permuted }
                }
            }
            guard word.count > 1 || (word.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false),
                !Self.stopHashes.contains(wordHash)
            else { return }
            let lower = String(decoding: word, as: UTF8.self)
            let stem = stemmer.stem(lower)
            let termKey = Self.hash(stem.utf8, seed: Self.termSeed) & ~1  // even: a word; odd: a name

            counts[termKey, default: 0] += weight
            if capitalized && !sentenceStart {
                // Odd: a name; bit 1 set as well: a place (places weigh less than people and organizations).
                let nameHash = Self.hash(word, seed: Self.nameSeed)
                let nameKey = Self.placeHashes.contains(wordHash) ? nameHash | 3 : (nameHash | 1) & ~2
                counts[nameKey, default: 0] += weight
            }
        }
        if let title, !title.isEmpty { scan(title, weight: configuration.titleWeight) }
        shingle.removeAll()
        scan(text, weight: 1)
        let sorted = counts.sorted { $0.key < $1.key }
        return StoryFeatures(
            counts: sorted.map { ($0.key, $0.value) },
            signature: words >= 4 ? signature : [], day: day)
    }
}
