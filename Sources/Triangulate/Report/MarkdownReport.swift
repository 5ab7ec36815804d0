/// Stage 6, Markdown: a brief a person reads in a terminal or renders as a page. Article text is untrusted, so every
/// piece of it is escaped (Markdown syntax and HTML angle brackets), never interpreted.
public enum MarkdownReport {
    public static func render(_ result: AnalysisResult) -> String {
        var out = "# Triangulate brief\n\n"
        let failed = result.failures.count
        out += "\(result.articles.count) article\(result.articles.count == 1 ? "" : "s") analyzed"
        out +=
            failed > 0
            ? ", \(failed) input\(failed == 1 ? "" : "s") could not be read (listed at the end).\n\n" : ".\n\n"
        out += "Story grouping, corroboration and conflicts are not computed yet: this brief lists each article's "
        out += "cleaned metadata and annotations.\n"
        for item in result.articles { out += "\n" + article(item) }
        if !result.failures.isEmpty {
            out += "\n## Inputs that could not be analyzed\n\n"
            for failure in result.failures { out += "- `\(code(failure.origin))`: \(escape(failure.reason))\n" }
        }
        return out
    }

    static func article(_ item: AnnotatedArticle) -> String {
        let article = item.article
        let notes = item.annotations
        var out = "## \(escape(article.title ?? article.id))\n\n"
        var facts = ["`\(code(article.id))`"]
        if let outlet = article.outlet { facts.append(escape(outlet)) }
        if let byline = article.byline {
            facts.append("by " + escape(byline) + (article.bylineRole.map { " (\(escape($0)))" } ?? ""))
        } else if let role = article.bylineRole {
            facts.append(escape(role))
        }
        facts.append(article.published.map { "published \($0.iso)" } ?? "publication date unknown")
        facts.append("\(article.paragraphs.count) paragraphs, \(notes.sentences.count) sentences")
        out += facts.joined(separator: " · ") + "\n\n"

        func line(_ label: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            out += "- **\(label)**: " + values.joined(separator: "; ") + "\n"
        }
        line(
            "People",
            notes.people.map { person in
                var text = escape(person.name)
                if let role = person.role {
                    text += " — " + escape(role)
                } else if let title = person.title {
                    text += " — " + escape(title)
                }
                return text
            })
        line("Organizations", notes.organizations.map { escape($0.name) })
        line("Places", notes.places.map { escape($0.name) })
        line("Products", notes.products.map { escape($0.name) })
        line(
            "Numbers",
            notes.quantities.map { quantity in
                let qualifier = quantity.qualifier.map { "\($0) " } ?? ""
                return "\(escape(quantity.text)) (\(qualifier)\(formatValue(quantity.value)) \(escape(quantity.unit)))"
            })
        line(
            "Dates",
            notes.dates.map { date in
                let resolved = date.value.map { $0.iso } ?? "unresolved"
                return "\(escape(date.text)) → \(resolved)"
            })
        line("Attributions", notes.attributions.map { "\(escape($0.source)) (\($0.cue))" })
        if !notes.quotes.isEmpty {
            out += "- **Quotes**:\n"
            for quote in notes.quotes {
                let speaker = quote.speaker.map(escape) ?? "unattributed"
                let text = quote.kind == .fragment ? "“\(escape(quote.text))” (fragment)" : "“\(escape(quote.text))”"
                out += "  - \(speaker): \(text)\n"
            }
        }
        if !article.removed.isEmpty {
            out += "- **Removed as debris or metadata** (\(article.removed.count)): "
            out += article.removed.map { "`\(code($0))`" }.joined(separator: ", ") + "\n"
        }
        if !article.warnings.isEmpty { line("Warnings", article.warnings.map(escape)) }
        return out
    }

    static func formatValue(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return JSONWriter.format(value) }
        let digits = String(Int64(value))
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    /// Backslash-escapes Markdown punctuation and HTML angle brackets; folds line breaks into spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "{", "}":
                out.append("\\"); out.append(character)
            case "\n", "\r": out.append(" ")
            default: out.append(character)
            }
        }
        return out
    }

    /// Text inside a code span: backticks replaced so the span cannot be closed early.
    static func code(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : ($0 == "\n" ? " " : $0) })
    }
}
