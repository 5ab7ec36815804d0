import Mustache
import TriangulateText

/// Stage 6, HTML: the brief as one self-contained page (inline CSS, no script, no external resource) to mail to a
/// colleague. Per story: the fact × outlet matrix (which outlet states which fact, the sentence on hover and in a
/// disclosure), conflicts side by side, people and numbers only one outlet gives, quotes with their variants, the
/// timeline and the source table. Rendered from Mustache templates (`Report/Templates/`, the server's story page uses
/// the same section); every article-derived string is escaped by `escape`.
public enum HTMLReport {
    public static func render(_ result: AnalysisResult) -> String {
        let articles = Dictionary(
            result.articles.map { ($0.article.id, $0.article) }, uniquingKeysWith: { first, _ in first })
        let view = ReportView(
            style: style, articles: result.articles.count, stories: result.stories.count,
            failureCount: result.failures.count,
            // Each section without its last line break: the template puts one after each.
            sections: result.stories.map { String(story($0, articles: articles).dropLast()) },
            failures: result.failures.isEmpty
                ? nil
                : ReportView.Failures(
                    items: result.failures.map { ReportView.Failure(origin: $0.origin, reason: $0.reason) }))
        return render(view, "report")
    }

    /// One story's section. `link` is where each source's row points (by default the article as it was read).
    public static func story(
        _ story: Story, articles: [String: Article], link: (Article) -> String = { linkTarget($0.origin) }
    ) -> String {
        render(StoryView(story, articles: articles, link: link), "story")
    }

    /// The report's templates (`Report/Templates/*.mustache`, embedded), parsed once. Values are escaped by
    /// `escape`, registered as the content type `TRIANGULATE_HTML` the templates name.
    static let templates: Result<MustacheLibrary, TemplateFailure> = {
        MustacheContentTypes.register(EscapedHTML(), named: "TRIANGULATE_HTML")
        var library = MustacheLibrary()
        for (name, bytes) in [("story", PackageResources.story_mustache), ("report", PackageResources.report_mustache)]
        {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                return .failure(TemplateFailure(template: name, reason: "\(error)"))
            }
        }
        return .success(library)
    }()

    /// A template that does not parse (a test parses them all) renders as a line saying so, never as nothing.
    struct TemplateFailure: Error {
        var template: String
        var reason: String
    }

    static func render(_ view: Any, _ name: String) -> String {
        switch templates {
        case .success(let library):
            return library.render(view, withTemplate: name)
                ?? "<p>The report template \(escape(name)) is missing.</p>\n"
        case .failure(let failure):
            return "<p>The report template \(escape(failure.template)) does not parse: \(escape(failure.reason))</p>\n"
        }
    }

    /// An origin as a link: web addresses as they are, paths as `file:` URLs with every unsafe byte
    /// percent-encoded (a path cannot smuggle a `javascript:` scheme or an attribute break).
    public static func linkTarget(_ origin: String) -> String {
        let lower = origin.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return origin }
        var out = "file://"
        for byte in origin.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Text for HTML content and quoted attribute values: `& < > " '` as entities, control characters dropped. Works
    /// on Unicode scalars: a quotation mark followed by a combining mark is still escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The stylesheet (inline in the report, served as /style.css by the server).
    public static let style = """
        body { font: 16px/1.45 system-ui, sans-serif; margin: 1rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
        h2 { border-top: 2px solid #444; padding-top: .6rem; margin-top: 2rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
        .matrix th[scope=row] { font-weight: normal; min-width: 18rem; max-width: 34rem; }
        .matrix thead th { max-width: 9rem; overflow-wrap: anywhere; font-size: .8em; }
        .matrix td { text-align: center; min-width: 3rem; }
        tr.corroborated th[scope=row] { border-left: 6px solid #2e7d32; }
        tr.disputed th[scope=row] { border-left: 6px solid #c62828; background: #fff3f3; }
        tr.single-source th[scope=row] { border-left: 6px solid #9e9e9e; color: #444; }
        td.states { background: #e8f5e9; }
        tr.disputed td.states { background: #ffebee; }
        td.absent { background: #fafafa; }
        details summary { cursor: pointer; }
        details[open] { text-align: left; }
        .status, .kind, .who, .count { color: #555; font-size: .85em; }
        .positions { display: flex; flex-wrap: wrap; gap: .8rem; }
        .position { flex: 1 1 16rem; border: 1px solid #e0b4b4; border-radius: 4px; padding: .4rem .7rem; }
        blockquote { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid #ddd; color: #333; }
        @media (max-width: 40rem) { body { font-size: 15px; } .matrix td { min-width: 3rem; } }

        """
}

/// `HTMLReport.escape` as the templates' content type.
public struct EscapedHTML: MustacheContentType {
    public init() {}
    public func escapeText(_ text: String) -> String { HTMLReport.escape(text) }
}
