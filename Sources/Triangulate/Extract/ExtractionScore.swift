import TriangulateText
/// The article-extraction benchmark's scoring (ScrapingHub's definition): `\w+` tokens, multisets of 4-token
/// shingles, per-page TP/FP/FN normalized to sum to one, precision and recall averaged over pages, F1 of the averages.
public enum ExtractionScore {
    public struct Page: Sendable {
        public var tp: Double
        public var fp: Double
        public var fn: Double
    }

    public struct Summary: Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var pages: Int
    }

    /// Unicode word characters: letters, digits and other numbers, and the underscore (Python's `\w`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func shingles(_ text: String) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        if words.isEmpty { return counts }
        if words.count < 4 {
            counts[words.joined(separator: " "), default: 0] += 1
            return counts
        }
        for index in 0...(words.count - 4) {
            counts[words[index..<(index + 4)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    public static func page(predicted: String, gold: String) -> Page {
        let p = shingles(predicted)
        let g = shingles(gold)
        var tp = 0.0
        var fp = 0.0
        var fn = 0.0
        for key in Set(p.keys).union(g.keys) {
            let predictedCount = Double(p[key] ?? 0)
            let goldCount = Double(g[key] ?? 0)
            tp += min(predictedCount, goldCount)
            fp += max(0, predictedCount - goldCount)
            fn += max(0, goldCount - predictedCount)
        }
        let total = tp + fp + fn
        guard total > 0 else { return Page(tp: 0, fp: 0, fn: 0) }
        return Page(tp: tp / total, fp: fp / total, fn: fn / total)
    }

    public static func summarize(_ pages: [Page]) -> Summary {
        var precisions: [Double] = []
        var recalls: [Double] = []
        for page in pages {
            if page.tp + page.fp > 0 {
                precisions.append(page.fp == 0 && page.fn == 0 ? 1 : page.tp / (page.tp + page.fp))
            }
            if page.tp + page.fn > 0 {
                recalls.append(page.fp == 0 && page.fn == 0 ? 1 : page.tp / (page.tp + page.fn))
            }
        }
        let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Summary(precision: precision, recall: recall, f1: f1, pages: pages.count)
    }
}
