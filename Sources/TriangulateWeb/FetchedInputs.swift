import Foundation
import Triangulate

/// What fetching the URLs a user named gave: the documents (pages, and the pages of each fetched feed's items), the
/// failures (each naming its URL), and what a feed said of each item page, to fill what the page lacks.
public struct FetchedInputs: Sendable {
    /// Both: documents, failures and items together.
    public mutating func add(_ other: FetchedInputs) {
        documents += other.documents
        failures += other.failures
        items.merge(other.items) { first, _ in first }
    }

    public var documents: [Document] = []
    public var failures: [Failure] = []
    /// The feed item each item page was fetched for, by the page's document id.
    public var items: [String: FeedItem] = [:]

    public init() {}

    /// Fills an article's outlet from its URL's host, and its title, date and author from its feed item, where the
    /// page gives none.
    public func amend(_ article: inout Article) {
        if article.outlet == nil, let host = URL(string: article.origin)?.host {
            article.outlet = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        guard let item = items[article.id] else { return }
        if article.title?.isEmpty != false { article.title = item.title }
        if article.published == nil { article.published = item.published }
        if article.byline == nil { article.byline = item.author }
    }
}

extension Fetcher {
    /// The URLs fetched; a feed among them is read and each item's link fetched in turn (its page is the article;
    /// the item's title, date and author fill what the page lacks). A feed's own problems (not well-formed, an item
    /// without a link) are failures naming the feed.
    public func inputs(_ urls: [String]) async -> FetchedInputs {
        var inputs = FetchedInputs()
        var itemLinks: [String] = []
        var itemOf: [String: FeedItem] = [:]
        for (url, result) in zip(urls, await fetch(urls)) {
            switch result {
            case .failure(let error): inputs.failures.append(Failure(origin: error.url, reason: error.reason))
            case .success(let document) where document.kind == .feed:
                guard let feed = Feed.parse(document.bytes) else {
                    inputs.failures.append(Failure(origin: url, reason: "not a feed that can be read"))
                    continue
                }
                inputs.failures += feed.problems.map { Failure(origin: url, reason: $0) }
                for (number, item) in feed.items.enumerated() {
                    // A relative link is relative to the feed's own (final) address.
                    guard let given = item.link,
                        let link = URL(string: given, relativeTo: URL(string: document.origin))?.absoluteString
                    else {
                        inputs.failures.append(Failure(origin: url, reason: "item \(number + 1) has no link"))
                        continue
                    }
                    if itemOf[link] == nil {
                        guard itemLinks.count < configuration.maxFeedItems else { continue }
                        itemLinks.append(link)
                    }
                    itemOf[link] = item
                }
            case .success(let document): inputs.documents.append(document)
            }
        }
        await fetchItems(itemLinks.compactMap { link in itemOf[link].map { (link, $0) } }, into: &inputs)
        return inputs
    }

    /// The pages of the items of feed files that give only a link (`feeds`: paths whose content is a feed; items
    /// that carry their text are read from the file by the pipeline), at most `maxFeedItems` per feed.
    public func itemPages(ofFeedFiles feeds: [(path: String, bytes: [UInt8])]) async -> FetchedInputs {
        var inputs = FetchedInputs()
        var items: [(String, FeedItem)] = []
        var seen: Set<String> = []
        for (path, bytes) in feeds {
            guard let feed = Feed.parse(bytes) else { continue }
            var taken = 0
            for item in feed.items where item.content == nil {
                guard let link = item.link, Self.isURL(link) else {
                    inputs.failures.append(Failure(origin: path, reason: "an item without text has no web link"))
                    continue
                }
                guard taken < configuration.maxFeedItems, seen.insert(link).inserted else { continue }
                taken += 1
                items.append((link, item))
            }
        }
        await fetchItems(items, into: &inputs)
        return inputs
    }

    private func fetchItems(_ items: [(link: String, item: FeedItem)], into inputs: inout FetchedInputs) async {
        for ((_, item), result) in zip(items, await fetch(items.map(\.link))) {
            switch result {
            case .failure(let error): inputs.failures.append(Failure(origin: error.url, reason: error.reason))
            case .success(let document):
                inputs.documents.append(document)
                inputs.items[document.id] = item
            }
        }
    }
}
