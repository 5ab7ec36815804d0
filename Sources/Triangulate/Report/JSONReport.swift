import TriangulateText
/// Stage 6, JSON: the contract of DESIGN.md ("The JSON contract"). Field names are fixed; fields are only added.
public enum JSONReport {
    public static let contractVersion = 1

    public static func render(_ result: AnalysisResult, pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("triangulate", contractVersion)
        json.key("articles")
        json.beginArray()
        for item in result.articles { write(item, to: &json) }
        json.endArray()
        json.key("stories")
        json.beginArray()
        for story in result.stories { write(story, to: &json) }
        json.endArray()
        json.key("failures")
        json.beginArray()
        for failure in result.failures {
            json.beginObject()
            json.field("origin", failure.origin)
            json.field("reason", failure.reason)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// One story as the contract writes it inside `stories` (the same writer as `render(_:)`), compact by default.
    public static func render(story: Story, pretty: Bool = false) -> String {
        var json = JSONWriter(pretty: pretty)
        write(story, to: &json)
        return json.output
    }

    /// One compact line for `triangulate extract`: the contract's article fields, no annotations.
    public static func line(for article: Article) -> String {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("id", article.id)
        json.field("origin", article.origin)
        json.field("title", article.title)
        json.field("byline", article.byline)
        json.field("published", article.published?.iso)
        json.field("outlet", article.outlet)
        json.field("text", article.text)
        json.stringArray("removed", article.removed)
        json.endObject()
        return json.output
    }

    /// One compact line for `triangulate align`: {"similarity", "aligned", "why"}.
    public static func line(for decision: ClaimAlignment.Decision) -> String {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("similarity", (decision.similarity * 10000).rounded() / 10000)
        json.field("aligned", decision.aligned)
        json.stringArray("why", decision.why)
        json.endObject()
        return json.output
    }

    /// `value` as a JSON string literal (quotes included, escaped).
    public static func quote(_ value: String) -> String {
        var output = ""
        JSONWriter.appendEscaped(value, to: &output)
        return output
    }

    /// The line `extract` prints for an input it could not read.
    public static func errorLine(id: String, origin: String, error: String) -> String {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("id", id)
        json.field("origin", origin)
        json.field("error", error)
        json.endObject()
        return json.output
    }

    static func write(_ story: Story, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", story.id)
        json.field("headline", story.headline)
        json.stringArray("articles", story.articles)
        json.key("facts")
        json.beginArray()
        for fact in story.facts {
            json.beginObject()
            json.field("id", fact.id)
            json.field("statement", fact.statement)
            json.stringArray("sources", fact.sources)
            json.field("independentSources", fact.independentSources)
            json.field("status", fact.status.rawValue)
            json.key("evidence")
            json.beginArray()
            for evidence in fact.evidence {
                json.beginObject()
                json.field("article", evidence.article)
                json.field("sentence", evidence.sentence)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("conflicts")
        json.beginArray()
        for conflict in story.conflicts {
            json.beginObject()
            json.field("id", conflict.id)
            json.field("subject", conflict.subject)
            json.field("kind", conflict.kind.rawValue)
            json.key("positions")
            json.beginArray()
            for position in conflict.positions {
                json.beginObject()
                json.field("statement", position.statement)
                json.stringArray("sources", position.sources)
                json.stringArray("evidence", position.evidence)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("quotes")
        json.beginArray()
        for quote in story.quotes {
            json.beginObject()
            json.field("speaker", quote.speaker)
            json.field("role", quote.role)
            json.field("text", quote.text)
            json.stringArray("sources", quote.sources)
            json.key("variants")
            json.beginArray()
            for variant in quote.variants {
                json.beginObject()
                json.field("article", variant.article)
                json.field("text", variant.text)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("people")
        json.beginArray()
        for person in story.people {
            json.beginObject()
            json.field("name", person.name)
            json.field("role", person.role)
            json.stringArray("sources", person.sources)
            json.endObject()
        }
        json.endArray()
        json.key("entities")
        json.beginArray()
        for entity in story.entities {
            json.beginObject()
            json.field("name", entity.name)
            json.field("type", entity.type.rawValue)
            json.stringArray("sources", entity.sources)
            json.endObject()
        }
        json.endArray()
        json.key("flags")
        json.beginArray()
        for flag in story.flags {
            json.beginObject()
            json.field("kind", flag.kind)
            json.field("article", flag.article)
            json.field("subject", flag.subject)
            json.field("detail", flag.detail)
            json.endObject()
        }
        json.endArray()
        json.key("timeline")
        json.beginArray()
        for entry in story.timeline {
            json.beginObject()
            json.field("date", entry.date)
            json.field("event", entry.event)
            json.stringArray("sources", entry.sources)
            json.endObject()
        }
        json.endArray()
        json.key("sources")
        json.beginArray()
        for score in story.sources {
            json.beginObject()
            json.field("article", score.article)
            json.field("facts", score.facts)
            json.field("corroborated", score.corroborated)
            json.field("unique", score.unique)
            json.field("contradicted", score.contradicted)
            json.field("flags", score.flags)
            json.endObject()
        }
        json.endArray()
        json.key("lineage")
        json.beginArray()
        for edge in story.lineage {
            json.beginObject()
            json.field("copy", edge.copy)
            json.field("original", edge.original)
            json.field("similarity", edge.similarity)
            if let passage = edge.passage { json.field("passage", passage) }
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    static func write(_ item: AnnotatedArticle, to json: inout JSONWriter) {
        let article = item.article
        let notes = item.annotations
        json.beginObject()
        json.field("id", article.id)
        json.field("origin", article.origin)
        json.field("outlet", article.outlet)
        json.field("title", article.title)
        json.field("byline", article.byline)
        json.field("bylineRole", article.bylineRole)
        json.field("published", article.published?.iso)
        json.field("text", article.text)
        json.stringArray("removed", article.removed)
        json.stringArray("warnings", article.warnings)
        json.key("annotations")
        json.beginObject()

        json.key("people")
        json.beginArray()
        for person in notes.people {
            json.beginObject()
            json.field("name", person.name)
            json.field("role", person.role)
            json.field("title", person.title)
            json.field("mentions", person.mentions)
            json.endObject()
        }
        json.endArray()
        for (name, list) in [
            ("organizations", notes.organizations), ("places", notes.places), ("products", notes.products),
            ("other", notes.others),
        ] {
            json.key(name)
            json.beginArray()
            for entity in list {
                json.beginObject()
                json.field("name", entity.name)
                json.field("mentions", entity.mentions)
                json.endObject()
            }
            json.endArray()
        }
        json.key("quotes")
        json.beginArray()
        for quote in notes.quotes {
            json.beginObject()
            json.field("speaker", quote.speaker)
            json.field("speakerType", quote.speakerKind?.rawValue)
            json.field("text", quote.text)
            json.field("kind", quote.kind.rawValue)
            json.field("sentence", quote.sentence)
            json.endObject()
        }
        json.endArray()
        json.key("quantities")
        json.beginArray()
        for quantity in notes.quantities {
            json.beginObject()
            json.field("text", quantity.text)
            json.field("value", quantity.value)
            json.field("unit", quantity.unit)
            json.field("kind", quantity.kind.rawValue)
            json.field("qualifier", quantity.qualifier)
            if let upper = quantity.upper { json.field("upper", upper) }
            json.field("sentence", quantity.sentence)
            json.endObject()
        }
        json.endArray()
        json.key("dates")
        json.beginArray()
        for date in notes.dates {
            json.beginObject()
            json.field("text", date.text)
            json.field("date", date.day?.iso)
            json.field("value", date.value?.iso)
            json.field("granularity", date.granularity.rawValue)
            json.field("relative", date.relative)
            json.field("sentence", date.sentence)
            json.endObject()
        }
        json.endArray()
        json.key("attributions")
        json.beginArray()
        for attribution in notes.attributions {
            json.beginObject()
            json.field("source", attribution.source)
            json.field("cue", attribution.cue)
            json.field("sentence", attribution.sentence)
            json.endObject()
        }
        json.endArray()
        json.key("sentences")
        json.beginArray()
        for sentence in notes.sentences {
            json.beginObject()
            json.field("text", sentence.text)
            json.field("paragraph", sentence.paragraph)
            json.field("negated", sentence.negated)
            json.field("hedged", sentence.hedged)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }
}
