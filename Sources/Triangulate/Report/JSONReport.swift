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
