import TriangulateText
/// Every conflict of a story, each about one quantity or one slot, numbered in order of kind and appearance.
enum Conflicts {
    static func find(
        _ context: ConflictContext, articleWords: [String: Set<String>], articles: [AnnotatedArticle]
    ) -> [Conflict] {
        var result = StatusConflicts.find(context)
        result += PolarityConflicts.find(context)
        result += NumericConflicts.find(context)
        result += DateConflicts.find(context)
        result += PlaceConflicts.find(context, articleWords: articleWords)
        result += OutcomeConflicts.find(context)
        result += AttributionConflicts.find(articles, names: context.names, order: context.order)
        for index in result.indices { result[index].id = "conflict-\(index + 1)" }
        return result
    }
}
