import TriangulateText

extension Pipeline {
    /// The articles a feed file gives: each item whose text the feed carries (RSS `content:encoded` or
    /// `description`, Atom `content` or `summary`) is extracted as a page, its origin the item's link, its id 16 hex
    /// digits of a hash of the link (or guid), and the item's title, date and author, and the link's host (else the
    /// feed's title) as outlet,
    /// fill what the text lacks. An item with only a link is a failure naming it (the core reads no network: a feed
    /// named by its URL has its items' pages fetched, by `TriangulateWeb`); so is every problem of the feed itself (not well-formed, an item with
    /// neither link nor text), after the items that could be read.
    func extractFeed(_ document: Document) -> [Result<Article, Failure>] {
        guard let feed = Feed.parse(document.bytes) else {
            return [.failure(Failure(origin: document.origin, reason: "not a feed that can be read"))]
        }
        let extract = Extract(configuration: configuration.extract)
        var results: [Result<Article, Failure>] = []
        for (number, item) in feed.items.enumerated() {
            let name = "\(document.origin) item \(number + 1)" + (item.link.map { " (\($0))" } ?? "")
            guard let content = item.content else {
                guard configuration.extract.reportFeedItemsWithoutText else { continue }
                results.append(
                    .failure(
                        Failure(
                            origin: name,
                            reason:
                                "the feed gives only a link: name the feed's URL (or the item's link) to fetch its page"
                        )))
                continue
            }
            let key = item.link ?? item.guid ?? name
            let page =
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(HTMLReport.escape(item.title ?? ""))"
                + "</title></head><body><article>\(content)</article></body></html>"
            let source = Document(id: FNV1a.hex(key), origin: item.link ?? name, kind: .html, bytes: Array(page.utf8))
            do throws(ExtractError) {
                var article = try extract.article(from: source)
                if article.title == nil || article.title?.isEmpty == true { article.title = item.title }
                if article.published == nil { article.published = item.published }
                if article.byline == nil { article.byline = item.author }
                if article.outlet == nil { article.outlet = item.link.flatMap(HTMLMetadata.host) ?? feed.title }
                results.append(.success(article))
            } catch {
                results.append(.failure(Failure(origin: name, reason: error.reason)))
            }
        }
        results += feed.problems.map { .failure(Failure(origin: document.origin, reason: $0)) }
        return results
    }
}
