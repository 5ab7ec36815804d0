import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// The repository root (…/Tests/TriangulateTests/Support.swift → …).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared` beside the repository (CI provides it), or TRIANGULATE_SHARED.
    static let shared: String = ProcessInfo.processInfo.environment["TRIANGULATE_SHARED"] ?? root + "/../shared"

    static let seeds = shared + "/seeds/ford-xiaomi"
    static let examples = root + "/Examples"

    /// A fresh temporary directory, removed by the caller with `cleanup`.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "triangulate-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func write(bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Extract + annotate a text given inline.
    static func analyze(_ text: String, id: String = "inline") throws -> AnnotatedArticle {
        let document = Document(id: id, origin: id + ".txt", bytes: Array(text.utf8))
        let article = try Extract().article(from: document)
        return Annotate().annotate(article)
    }

    /// One story of articles "o1", "o2", …, each given as its paragraphs (the first a headline), corroborated with the
    /// default configuration.
    static func story(_ texts: [[String]]) throws -> Story {
        let articles = try texts.enumerated().map { index, paragraphs in
            try analyze(paragraphs.joined(separator: "\n\n"), id: "o\(index + 1)")
        }
        return Corroborate().story(id: "s", articles: articles)
    }

    /// Annotate paragraphs directly (no header handling).
    static func annotate(paragraphs: [String], published: CalendarDate? = nil) -> Annotations {
        Annotate().annotate(Article(id: "t", origin: "t", published: published, paragraphs: paragraphs)).annotations
    }
}

/// The first annotated quote whose text holds `fragment`, and its speaker: how the quote-speaker suites look a quote up.
func quote(_ notes: Annotations, _ fragment: String) -> Quote? {
    notes.quotes.first { $0.text.contains(fragment) }
}

func speaker(_ notes: Annotations, _ fragment: String) -> String? { quote(notes, fragment)?.speaker }
