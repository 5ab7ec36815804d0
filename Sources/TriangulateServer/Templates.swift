import Mustache
import Triangulate

/// The pages' Mustache templates (`Templates/*.mustache`, embedded in the binary). Values are escaped by the
/// report's own HTML escaping (`EscapedHTML`), registered as the content type `TRIANGULATE_HTML` that every template
/// names: it works on Unicode scalars, so a quotation mark followed by a combining mark is escaped too
/// (swift-mustache's own HTML escaping compares whole characters and would let it through), and control characters
/// are dropped.
struct Templates: Sendable {
    let library: MustacheLibrary

    /// The templates, parsed once; a template that does not parse is a failure every page reports (a test parses
    /// them all).
    static let shared: Result<Templates, APIError> = load()

    private static func load() -> Result<Templates, APIError> {
        MustacheContentTypes.register(EscapedHTML(), named: "TRIANGULATE_HTML")
        let sources: [(String, [UInt8])] = [
            ("page", PackageResources.page_mustache), ("index", PackageResources.index_mustache),
            ("article", PackageResources.article_mustache), ("search", PackageResources.search_mustache),
            ("missing", PackageResources.missing_mustache),
        ]
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                return .failure(APIError(.internalServerError, "the page template \(name) does not parse: \(error)"))
            }
        }
        return .success(Templates(library: library))
    }

    /// `view` through the template `name`.
    func render(_ view: Any, _ name: String) throws(APIError) -> String {
        guard let text = library.render(view, withTemplate: name) else {
            throw APIError(.internalServerError, "no page template \(name)")
        }
        return text
    }
}

/// What the templates show. Strings are raw text (the template escapes them) except `PageView.body`, which is HTML
/// rendered by a template or by `HTMLReport`.
struct PageView {
    var title: String
    var query: String
    var body: String
}

struct IndexView {
    struct Entry {
        var link: String
        var headline: String
        var count: String
    }
    var stories: [Entry]
    var summary: String?
    var previous: Int?
    var next: Int?
}

struct ArticleView {
    struct StoryLink {
        var link: String
        var headline: String
    }
    var id: String
    var title: String
    var outlet: String?
    var published: String?
    var byline: String?
    var origin: String
    var story: StoryLink?
    var paragraphs: [String]
}

struct SearchView {
    struct Part {
        var text: String
        var marked: Bool
    }
    struct Hit {
        var link: String
        var title: String
        var story: String?
        var parts: [Part]
    }
    var query: String?
    var count: String
    var hits: [Hit]
}

struct MissingView {
    var what: String
    var id: String
}
