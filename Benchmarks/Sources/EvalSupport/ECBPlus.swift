// Shared by the ECB+ evaluations: the corpus's documents by event, sentences as (doc, line), and mapping an evidence
// sentence of Triangulate's output back to the line it came from.
import Foundation
import Triangulate

public func jsonLines(_ path: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    return data.split(separator: 0x0A).compactMap {
        try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
    }
}

public struct Line: Hashable, Comparable, Sendable {
    public var doc: String
    public var line: Int
    public init(doc: String, line: Int) {
        self.doc = doc
        self.line = line
    }
    public init?(_ object: Any?) {
        guard let object = object as? [String: Any], let doc = object["doc"] as? String,
            let line = object["line"] as? Int
        else { return nil }
        self.init(doc: doc, line: line)
    }
    public static func < (a: Line, b: Line) -> Bool { a.doc != b.doc ? a.doc < b.doc : a.line < b.line }
}

public func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
}

/// The documents of ECB+ (`ecbplus.jsonl`) by event, in file order.
public struct ECBPlus {
    public var documents: [String: [(id: String, text: String)]] = [:]
    /// Each document's lines as word lists, for locating evidence sentences.
    public var lines: [String: [[String]]] = [:]

    public init(path: String) {
        for object in jsonLines(path) {
            guard let id = object["id"] as? String, let event = object["event"] as? String,
                let text = object["text"] as? String
            else { continue }
            documents[event, default: []].append((id, text))
            lines[id] = text.split(separator: "\n", omittingEmptySubsequences: false).map { words(String($0)) }
        }
    }

    /// The line of `doc` an evidence sentence came from: the one sharing most of its words (at least 60%); at a
    /// tie, the one with fewest other words (a headline, not the URL line above it that spells the same words).
    public func locate(_ sentence: String, in doc: String) -> Line? {
        let target = Set(words(sentence))
        guard !target.isEmpty, let table = lines[doc] else { return nil }
        var best: (score: Double, extra: Int, index: Int)?
        for (index, line) in table.enumerated() {
            let words = Set(line)
            let common = target.intersection(words).count
            let shared = Double(common) / Double(target.count)
            let extra = words.count - common
            if shared > (best?.score ?? 0) || (shared == best?.score && extra < (best?.extra ?? 0)) {
                best = (shared, extra, index)
            }
        }
        guard let best, best.score >= 0.6 else { return nil }
        return Line(doc: doc, line: best.index)
    }

    /// The event's documents extracted and annotated (plain text, as `analyze` reads a .txt file).
    public func annotated(_ event: String) -> [AnnotatedArticle] {
        let extract = Extract()
        let articles = (documents[event] ?? []).compactMap { doc in
            try? extract.article(from: Document(id: doc.id, origin: doc.id, bytes: Array(doc.text.utf8)))
        }
        return Annotate().annotate(batch: articles)
    }
}
