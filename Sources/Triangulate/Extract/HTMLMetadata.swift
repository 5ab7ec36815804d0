import TriangulateText
import Foundation

/// Title, byline, publication date and outlet of a web page: JSON-LD first, then meta tags, then the page.
struct HTMLMetadata {
    var title: String?
    var byline: String?
    var published: CalendarDate?
    var outlet: String?
    var canonical: String?
    var language: String?

    static let notAuthors: Set<String> = Lexicon.shared.words(.notAuthors)

    init(root: HTMLNode, scripts: [String]) {
        var meta: [String: String] = [:]
        var canonical: String?
        root.descendants { node in
            if node.tag == "link", canonical == nil, node.attributes["rel"]?.lowercased() == "canonical" {
                canonical = node.attributes["href"]
            }
            guard node.tag == "meta", let content = node.attributes["content"], !content.isEmpty else { return }
            for key in [node.attributes["property"], node.attributes["name"], node.attributes["itemprop"]].compactMap({
                $0
            }) {
                let lower = key.lowercased()
                if meta[lower] == nil { meta[lower] = HTMLText.collapse(content) }
            }
        }
        let linked = Self.jsonLD(scripts)
        language = root.attributes["lang"].map { $0.lowercased() }
        self.canonical = canonical ?? meta["og:url"]
        canonical = self.canonical

        // Title: og:title, JSON-LD headline, <title> without the site's suffix, the first h1.
        let pageTitle = root.first("title")?.textContent
        let h1 = root.first("h1")?.textContent
        let siteName = meta["og:site_name"] ?? linked.publisher
        let candidates = [
            meta["og:title"], linked.headline, pageTitle.map { Self.stripSiteSuffix($0, site: siteName) }, h1,
        ]
        title = candidates.compactMap { $0 }.map { HTMLText.collapse($0) }.first { !$0.isEmpty }

        // Byline: JSON-LD author, meta author, rel=author, a byline element.
        var authors = linked.authors
        if authors.isEmpty, let author = meta["author"] ?? meta["article:author"] ?? meta["byl"] { authors = [author] }
        if authors.isEmpty {
            root.descendants { node in
                guard authors.isEmpty, !node.isText else { return }
                let isAuthor =
                    node.attributes["rel"]?.lowercased() == "author" || node.attributes["itemprop"] == "author"
                    || (!node.hints.isEmpty
                        && node.hints.split(separator: " ").contains {
                            String($0).includes("byline") || $0 == "author" || $0.hasSuffix("-author")
                        })
                if isAuthor {
                    let text = node.textContent
                    if text.count >= 3 && text.count <= 80 { authors = [text] }
                }
            }
        }
        let cleaned = authors.map(Self.cleanAuthor).filter {
            !$0.isEmpty && !Self.notAuthors.contains($0.lowercased()) && !$0.includes("http")
        }
        var unique: [String] = []
        for name in cleaned where !unique.contains(name) { unique.append(name) }
        byline = unique.isEmpty ? nil : unique.joined(separator: ", ")

        // Published: JSON-LD, meta, <time>, the URL.
        let dateCandidates = [
            linked.datePublished, meta["article:published_time"], meta["datepublished"], meta["pubdate"],
            meta["publishdate"], meta["date"], meta["dc.date"], meta["dc.date.issued"], meta["sailthru.date"],
            meta["parsely-pub-date"], meta["og:published_time"],
        ]
        published = dateCandidates.compactMap { $0 }.compactMap(Self.parseDate).first
        if published == nil {
            root.descendants { node in
                guard published == nil, node.tag == "time" else { return }
                published = node.attributes["datetime"].flatMap(Self.parseDate) ?? Self.parseDate(node.textContent)
            }
        }
        if published == nil, let url = canonical { published = Self.dateInURL(url) }

        // Outlet: og:site_name, JSON-LD publisher, the host.
        outlet = siteName.map { HTMLText.collapse($0) } ?? canonical.flatMap(Self.host)
    }

    static func cleanAuthor(_ text: String) -> String {
        var value = HTMLText.collapse(text)
        for prefix in ["By ", "by ", "BY ", "Written by ", "Author: "] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        if let bar = value.firstIndex(where: { $0 == "|" || $0 == "\n" }) { value = String(value[..<bar]) }
        return value.trimming(" ,.")
    }

    static func stripSiteSuffix(_ title: String, site: String?) -> String {
        let separators = [" | ", " - ", " — ", " – ", " :: ", " · "]
        for separator in separators {
            let parts = title.splitting(on: separator)
            guard parts.count >= 2, let last = parts.last else { continue }
            if let site, last.lowercased().includes(site.lowercased()) || site.lowercased().includes(last.lowercased())
            {
                return parts.dropLast().joined(separator: separator)
            }
            if last.split(separator: " ").count <= 4 { return parts.dropLast().joined(separator: separator) }
        }
        return title
    }

    static func parseDate(_ text: String) -> CalendarDate? {
        let value = text.trimming(" ")
        if let iso = DateGrammar.parseISO(value) { return iso }
        if let (date, _) = DateGrammar.parseLeadingDate(value), date.isComplete { return date }
        return nil
    }

    static func dateInURL(_ url: String) -> CalendarDate? {
        let parts = url.split(separator: "/").map(String.init)
        for index in parts.indices.dropLast(2) {
            if let year = Int(parts[index]), DateGrammar.plausibleYears.contains(year),
                let month = Int(parts[index + 1]),
                let day = Int(parts[index + 2].prefix(2)), CalendarDate.isValid(year: year, month: month, day: day)
            {
                return CalendarDate(year: year, month: month, day: day)
            }
        }
        return nil
    }

    static func host(_ url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        var host = url[start.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host)
    }

    // MARK: JSON-LD

    struct Linked {
        var headline: String?
        var authors: [String] = []
        var datePublished: String?
        var publisher: String?
    }

    static func jsonLD(_ scripts: [String]) -> Linked {
        var linked = Linked()
        func visit(_ value: Any) {
            if let array = value as? [Any] {
                array.forEach(visit)
                return
            }
            guard let object = value as? [String: Any] else { return }
            if let graph = object["@graph"] { visit(graph) }
            let type = (object["@type"] as? String) ?? ((object["@type"] as? [Any])?.first as? String) ?? ""
            let articleTypes = [
                "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "WebPage",
                "OpinionNewsArticle", "Report", "TechArticle", "LiveBlogPosting",
            ]
            guard articleTypes.contains(type) else { return }
            if linked.headline == nil, let headline = object["headline"] as? String, type != "WebPage" {
                linked.headline = headline
            }
            if linked.datePublished == nil, let date = object["datePublished"] as? String {
                linked.datePublished = date
            }
            if linked.authors.isEmpty, let author = object["author"] { linked.authors = names(author) }
            if linked.publisher == nil, let publisher = object["publisher"] {
                linked.publisher = names(publisher).first
            }
        }
        for script in scripts {
            guard let data = script.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            visit(value)
        }
        return linked
    }

    static func names(_ value: Any) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any], let name = object["name"] as? String { return [name] }
        if let array = value as? [Any] { return array.flatMap(names) }
        return []
    }
}
