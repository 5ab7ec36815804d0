import TriangulateText
import Foundation

// Near-duplicates of the stream: MinHash signatures in LSH bands, the nearest earlier copy of an article.
extension StoryStream {
    func bandKeys(_ signature: [UInt32]) -> [UInt64] {
        // Any configured band count works: at least one band, and no band reads past the signature.
        guard !signature.isEmpty else { return [] }
        let bands = min(max(1, configuration.bands), signature.count)
        let rows = max(1, signature.count / bands)
        return (0..<bands).map { band in
            var value = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<rows where band * rows + row < signature.count {
                value = (value ^ UInt64(signature[band * rows + row])) &* 0x0000_0100_0000_01B3
            }
            return value
        }
    }

    func nearestDuplicate(_ signature: [UInt32]) -> (Int, Double)? {
        guard !signature.isEmpty else { return nil }
        var seen: Set<Int32> = []
        var best: (Int, Double)?
        for key in bandKeys(signature) {
            for other in buckets[key] ?? [] where seen.insert(other).inserted {
                guard let theirs = signatures[Int(other)], theirs.count == signature.count else { continue }
                var same = 0
                for slot in 0..<signature.count where signature[slot] == theirs[slot] { same += 1 }
                let similarity = Double(same) / Double(signature.count)
                if similarity >= configuration.duplicateThreshold,
                    similarity > (best?.1 ?? 0) || (similarity == best?.1 && Int(other) < best!.0)
                {
                    best = (Int(other), similarity)
                }
            }
        }
        return best
    }

    func remember(_ signature: [UInt32], article: Int, day: Int?) {
        guard !signature.isEmpty else { return }
        signatures[article] = signature
        signatureOrder.append((article, day))
        for key in bandKeys(signature) { buckets[key, default: []].append(Int32(article)) }
    }
}
