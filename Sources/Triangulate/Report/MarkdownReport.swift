import TriangulateText
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
        out += "\(result.stories.count) stor\(result.stories.count == 1 ? "y" : "ies") found.\n"
        for story in result.stories { out += "\n" + self.story(story, articles: result.articles) }
        if !result.articles.isEmpty { out += "\n---\n\n# Articles\n" }
        for item in result.articles { out += "\n" + article(item) }
        if !result.failures.isEmpty {
            out += "\n## Inputs that could not be analyzed\n\n"
            for failure in result.failures { out += "- `\(code(failure.origin))`: \(escape(failure.reason))\n" }
        }
        return out
    }

    /// Most single-source facts a brief lists before it summarizes the rest.
    static let singleSourceLimit = 12

    static func story(_ story: Story, articles: [AnnotatedArticle]) -> String {
        let label: [String: String] = Dictionary(
            articles.map { item in
                (item.article.id, item.article.outlet.map { "\($0) (\(item.article.id))" } ?? item.article.id)
            },
            uniquingKeysWith: { a, _ in a })
        func who(_ ids: [String], inTable: Bool = false) -> String {
            ids.map { "`\(code(label[$0] ?? $0, inTable: inTable))`" }.joined(separator: ", ")
        }
        var out = "## \(escape(story.headline))\n\n"
        out += "\(story.articles.count) article\(story.articles.count == 1 ? "" : "s"): \(who(story.articles))\n"
        if !story.lineage.isEmpty {
            out += "\nCopies (counted once): "
            out +=
                story.lineage.map { edge in
                    "`\(code(edge.copy))` \(edge.passage == nil ? "copies" : "pastes a passage of") `\(code(edge.original))`"
                }.joined(separator: "; ") + "\n"
        }
        let corroborated = story.facts.filter { $0.status == .corroborated }
        if !corroborated.isEmpty {
            out += "\n### Corroborated\n\n"
            for fact in corroborated {
                out +=
                    "- \(escape(fact.statement)) — **\(fact.independentSources) independent sources**: \(who(fact.sources))\n"
            }
        }
        if !story.conflicts.isEmpty {
            out += "\n### Disputed\n\n"
            for conflict in story.conflicts {
                out += "- **\(escape(conflict.subject))** (\(conflict.kind.rawValue))\n"
                for position in conflict.positions {
                    out += "  - \(escape(position.statement)): \(who(position.sources))"
                    if let example = position.evidence.first { out += " — “\(escape(example))”" }
                    out += "\n"
                }
            }
        }
        let single = story.facts.filter { $0.status == .singleSource }
        if !single.isEmpty {
            out += "\n### Only one outlet says\n\n"
            // Facts carrying a number or a name first: they are the ones a reader must check.
            let numbered = Set(story.flags.filter { $0.kind == "single-source-number" }.map(\.subject))
            let ranked = single.enumerated().sorted { a, b in
                let ra = numbered.contains { a.element.statement.contains($0) } ? 0 : 1
                let rb = numbered.contains { b.element.statement.contains($0) } ? 0 : 1
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
            for fact in ranked.prefix(singleSourceLimit) {
                out += "- \(escape(fact.statement)) — \(who(fact.sources))\n"
            }
            if ranked.count > singleSourceLimit {
                out += "- … and \(ranked.count - singleSourceLimit) more single-source statements (all in the JSON).\n"
            }
        }
        let unverified = story.flags.filter { $0.kind == "unverified-person" }
        if !unverified.isEmpty {
            out += "\n### People only one outlet names\n\n"
            for flag in unverified {
                out += "- **\(escape(flag.subject))** in \(who([flag.article])): \(escape(flag.detail))\n"
            }
        }
        let numbers = story.flags.filter { $0.kind == "single-source-number" }
        if !numbers.isEmpty {
            out += "\n### Numbers only one outlet gives\n\n"
            out += numbers.map { "\(escape($0.subject)) (\(who([$0.article])))" }.joined(separator: "; ") + "\n"
        }
        if !story.quotes.isEmpty {
            out += "\n### Quotes\n\n| speaker | quote | outlets | wording varies |\n|---|---|---|---|\n"
            for quote in story.quotes {
                let texts = Set(
                    quote.variants.map {
                        Terms.words($0.text.replacingAll(" (without quotation marks)", with: "")).joined(separator: " ")
                    })
                let drift = texts.count > 1 ? "yes (\(texts.count) wordings)" : "no"
                let speaker =
                    (quote.speaker.map(escape) ?? "unattributed") + (quote.role.map { ", " + escape($0) } ?? "")
                out +=
                    "| \(speaker) | “\(escape(quote.text))” | \(quote.sources.count): \(who(quote.sources, inTable: true)) | \(drift) |\n"
            }
        }
        if !story.timeline.isEmpty {
            out += "\n### Timeline\n\n"
            for entry in story.timeline {
                out += "- **\(entry.date)**: \(escape(entry.event)) — \(who(entry.sources))\n"
            }
        }
        if !story.sources.isEmpty {
            out +=
                "\n### Sources\n\n| article | facts | corroborated | unique | in conflicts | flags |\n|---|---|---|---|---|---|\n"
            for score in story.sources {
                out +=
                    "| `\(code(score.article, inTable: true))` | \(score.facts) | \(score.corroborated) | \(score.unique) | \(score.contradicted) | \(score.flags) |\n"
            }
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
            default: appendPrintable(character, to: &out)
            }
        }
        return out
    }

    /// Text inside a code span: backticks replaced so the span cannot be closed early; in a table cell, `|` escaped
    /// too (GFM splits cells on it even inside code spans, which would let the rest render as live HTML).
    static func code(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "`": out.append("'")
            case "|" where inTable: out.append("\\|")
            default: appendPrintable(character, to: &out)
            }
        }
        return out
    }

    /// Line breaks and tabs become spaces (a carriage return in a file name must not start a heading); other
    /// control characters (escape sequences for a terminal, bidirectional overrides) become U+FFFD.
    private static func appendPrintable(_ character: Character, to out: inout String) {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 || scalar.value < 0x20
        else {
            out.append(character)
            return
        }
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: out.append(" ")
        default: if scalar.isUnsafeControl { out.append("\u{FFFD}") } else { out.append(character) }
        }
    }
}
