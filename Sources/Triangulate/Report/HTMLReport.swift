import TriangulateText

/// Stage 6, HTML: the brief as one self-contained page (inline CSS, no script, no external resource) to mail to a
/// colleague. Per story: the fact × outlet matrix (which outlet states which fact, the sentence on hover and in a
/// disclosure), conflicts side by side, people and numbers only one outlet gives, quotes with their variants, the
/// timeline and the source table. Every article-derived string is escaped.
public enum HTMLReport {
    public static func render(_ result: AnalysisResult) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Triangulate brief</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        out += "<h1>Triangulate brief</h1>\n<p class=\"summary\">\(result.articles.count) articles, "
        out += "\(result.stories.count) stories, \(result.failures.count) inputs not analyzed.</p>\n"
        let articles = Dictionary(
            result.articles.map { ($0.article.id, $0.article) }, uniquingKeysWith: { first, _ in first })
        for story in result.stories { out += self.story(story, articles: articles) }
        if !result.failures.isEmpty {
            out += "<h2>Not analyzed</h2>\n<ul>\n"
            for failure in result.failures {
                out += "<li><code>\(escape(failure.origin))</code>: \(escape(failure.reason))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// One story's section. `link` is where each source's row points (by default the article as it was read).
    public static func story(
        _ story: Story, articles: [String: Article], link: (Article) -> String = { linkTarget($0.origin) }
    ) -> String {
        func label(_ id: String) -> String { articles[id]?.outlet ?? id }
        var out = "<section class=\"story\" id=\"\(escape(story.id))\">\n<h2>\(escape(story.headline))</h2>\n"
        out += matrix(story, label: label)
        out += conflicts(story, label: label)
        out += onlyOne(story, label: label)
        out += quotes(story, label: label)
        out += timeline(story, label: label)
        out += sources(story, articles: articles, link: link)
        return out + "</section>\n"
    }

    /// Rows facts (corroborated, then disputed, then single-source), columns outlets.
    static func matrix(_ story: Story, label: (String) -> String) -> String {
        guard !story.facts.isEmpty else { return "" }
        let order: [Fact.Status: Int] = [.corroborated: 0, .disputed: 1, .singleSource: 2]
        let facts = story.facts.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.status] ?? 3, order[b.element.status] ?? 3)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var out = "<h3>Facts by outlet</h3>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>fact</th>"
        for article in story.articles { out += "<th scope=\"col\">\(escape(label(article)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for fact in facts {
            let status = fact.status.rawValue
            out += "<tr class=\"\(status)\"><th scope=\"row\">\(escape(fact.statement))"
            out += " <span class=\"status\">\(status), \(fact.independentSources) independent</span></th>"
            for article in story.articles {
                let sentences = fact.evidence.filter { $0.article == article }.map(\.sentence)
                if sentences.isEmpty {
                    out += "<td class=\"absent\"></td>"
                } else {
                    let said = sentences.joined(separator: " … ")
                    out +=
                        "<td class=\"states\" title=\"\(escape(said))\"><details><summary aria-label=\"states it\">✓</summary>"
                    out += "\(escape(said))</details></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// Each conflict as a row of its positions, side by side.
    static func conflicts(_ story: Story, label: (String) -> String) -> String {
        guard !story.conflicts.isEmpty else { return "" }
        var out = "<h3>Where outlets disagree</h3>\n"
        for conflict in story.conflicts {
            out += "<div class=\"conflict\"><h4>\(escape(conflict.subject)) <span class=\"kind\">"
            out += "\(escape(conflict.kind.rawValue))</span></h4>\n<div class=\"positions\">\n"
            for position in conflict.positions {
                out += "<div class=\"position\"><p class=\"claim\">\(escape(position.statement))</p>"
                out += "<p class=\"who\">\(escape(position.sources.map(label).joined(separator: ", ")))</p>"
                for sentence in position.evidence.prefix(2) { out += "<blockquote>\(escape(sentence))</blockquote>" }
                out += "</div>\n"
            }
            out += "</div></div>\n"
        }
        return out
    }

    /// People only one outlet names, numbers only one outlet gives.
    static func onlyOne(_ story: Story, label: (String) -> String) -> String {
        var out = ""
        for (kind, heading) in [
            ("unverified-person", "People only one outlet names"),
            ("single-source-number", "Numbers only one outlet gives"),
        ] {
            let flags = story.flags.filter { $0.kind == kind }
            guard !flags.isEmpty else { continue }
            out += "<h3>\(heading)</h3>\n<ul>\n"
            for flag in flags {
                out += "<li><strong>\(escape(flag.subject))</strong> (\(escape(label(flag.article)))): "
                out += "\(escape(flag.detail))</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    static func quotes(_ story: Story, label: (String) -> String) -> String {
        guard !story.quotes.isEmpty else { return "" }
        var out = "<h3>Quotes</h3>\n<table>\n<thead><tr><th>speaker</th><th>quote</th><th>outlets</th></tr></thead>\n"
        out += "<tbody>\n"
        for quote in story.quotes {
            let speaker = (quote.speaker ?? "unattributed") + (quote.role.map { ", " + $0 } ?? "")
            out += "<tr><td>\(escape(speaker))</td><td>“\(escape(quote.text))”"
            let wordings = Set(quote.variants.map(\.text))
            if wordings.count > 1 {
                out += "<details><summary>\(wordings.count) wordings</summary><ul>"
                for variant in quote.variants {
                    out += "<li>\(escape(label(variant.article))): “\(escape(variant.text))”</li>"
                }
                out += "</ul></details>"
            }
            out += "</td><td>\(escape(quote.sources.map(label).joined(separator: ", ")))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func timeline(_ story: Story, label: (String) -> String) -> String {
        guard !story.timeline.isEmpty else { return "" }
        var out = "<h3>Timeline</h3>\n<ol class=\"timeline\">\n"
        for entry in story.timeline {
            out += "<li><time>\(escape(entry.date))</time> \(escape(entry.event)) "
            out += "<span class=\"who\">(\(escape(entry.sources.map(label).joined(separator: ", "))))</span></li>\n"
        }
        return out + "</ol>\n"
    }

    /// The source table, each article linked by `link`.
    static func sources(_ story: Story, articles: [String: Article], link: (Article) -> String) -> String {
        guard !story.sources.isEmpty else { return "" }
        var out = "<h3>Sources</h3>\n<table>\n<thead><tr><th>article</th><th>facts</th><th>corroborated</th>"
        out += "<th>unique</th><th>in conflicts</th><th>flags</th></tr></thead>\n<tbody>\n"
        for score in story.sources {
            let article = articles[score.article]
            let name = [article?.outlet, article?.title ?? score.article].compactMap { $0 }.joined(separator: ": ")
            let anchor = article.map { "<a href=\"\(escape(link($0)))\">\(escape(name))</a>" }
            out += "<tr><td>\(anchor ?? escape(name))</td><td>\(score.facts)</td><td>\(score.corroborated)</td>"
            out += "<td>\(score.unique)</td><td>\(score.contradicted)</td><td>\(score.flags)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
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

    /// Text for HTML content and quoted attribute values: `& < > " '` as entities, control characters dropped.
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
