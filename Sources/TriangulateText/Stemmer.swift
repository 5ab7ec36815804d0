import TriangulateModel
import CStemmer

/// English Snowball stemmer (libstemmer from Debian) with a per-instance cache. Not thread-safe: make one per task.
package final class Stemmer {
    private let stemmer: OpaquePointer?
    private var cache: [String: String] = [:]

    package init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a lowercase word ("denied" → "deni", "talks" → "talk").
    package func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        guard let stemmer else { return word }
        var bytes = Array(word.utf8)
        let result: String = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let output = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else {
                return word
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self)
        }
        cache[word] = result
        return result
    }
}
