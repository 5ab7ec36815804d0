import Foundation
import Triangulate
import TriangulateStore

/// Polls feeds into a collection: a conditional request per feed (ETag, Last-Modified), only the items not seen
/// before (by guid, else link, kept in the store), their pages fetched and ingested; a feed that fails waits longer
/// each time (the interval doubled per failure in a row, up to 64 times).
public struct FeedWatcher: Sendable {
    public let collection: ArticleCollection
    public let fetcher: Fetcher
    /// Seconds between checks of one feed.
    public let interval: Double

    public init(collection: ArticleCollection, fetcher: Fetcher, interval: Double) {
        self.collection = collection
        self.fetcher = fetcher
        self.interval = interval
    }

    /// What one check of one feed did.
    public struct Check: Sendable, Hashable, CustomStringConvertible {
        public var feed: String
        public var newItems = 0
        public var stored = 0
        public var notModified = false
        public var waiting = false
        /// Failures in a row before this check.
        public var failures = 0
        public var problems: [String] = []
        /// The feed could not be fetched or read (problems with some items only are not a failure).
        public var failed = false

        public var description: String {
            if waiting {
                return failures > 0
                    ? "\(feed): waiting (backing off after \(failures) failure\(failures == 1 ? "" : "s") in a row)"
                    : "\(feed): not due yet"
            }
            if notModified { return "\(feed): not modified" }
            let base = "\(feed): \(newItems) new item\(newItems == 1 ? "" : "s"), \(stored) stored"
            return problems.isEmpty ? base : base + "; " + problems.joined(separator: "; ")
        }
    }

    /// One round: every feed whose time has come (every feed, with `force`), checked once.
    public func round(_ feeds: [String], now: Date = Date(), force: Bool = false) async throws(StoreError) -> [Check] {
        var checks: [Check] = []
        for feed in feeds { checks.append(try await check(feed, now: now.timeIntervalSince1970, force: force)) }
        return checks
    }

    func check(_ url: String, now: Double, force: Bool) async throws(StoreError) -> Check {
        var state = try collection.store.feedState(url: url) ?? FeedState(url: url)
        var check = Check(feed: url)
        if state.nextCheck > now && !force {
            check.waiting = true
            check.failures = state.failures
            return check
        }
        let failed = { (reason: String) throws(StoreError) -> Check in
            state.failures += 1
            state.nextCheck = now + interval * pow(2, Double(min(state.failures, 6)))
            try collection.store.saveFeedState(state, seen: [])
            check.problems.append(reason)
            check.failed = true
            return check
        }
        let fetched: Document
        var validators: (String?, String?) = (nil, nil)
        switch await fetcher.fetch(url, etag: state.etag, lastModified: state.lastModified) {
        case .failure(let error): return try failed(error.reason)
        case .success(.notModified):
            state.failures = 0
            state.nextCheck = now + interval
            try collection.store.saveFeedState(state, seen: [])
            check.notModified = true
            return check
        case .success(.fetched(let document, let etag, let lastModified)):
            fetched = document
            // The validators are kept only once the feed is read: a broken feed is not "not modified" next time.
            validators = (etag, lastModified)
        }
        guard fetched.kind == .feed, let feed = Feed.parse(fetched.bytes) else { return try failed("not a feed") }
        (state.etag, state.lastModified) = validators
        check.problems += feed.problems
        let keyed = feed.items.compactMap { item in (item.guid ?? item.link).map { ($0, item) } }
        let unseen = try collection.store.unseenItems(feed: url, keys: keyed.map(\.0))
        let fresh = keyed.filter { unseen.contains($0.0) }
        check.newItems = fresh.count
        // Each item's page once (items sharing a link are one), at most `maxFeedItems` a round; an item without a
        // usable link has nothing to fetch and is not asked again.
        let base = URL(string: fetched.origin)
        var seen: [String] = []
        var links: [(String, String, FeedItem)] = []
        var linked: Set<String> = []
        for (key, item) in fresh {
            guard let link = item.link.flatMap({ URL(string: $0, relativeTo: base)?.absoluteString }) else {
                seen.append(key)
                continue
            }
            if linked.insert(link).inserted {
                if links.count < fetcher.configuration.maxFeedItems { links.append((key, link, item)) }
            } else {
                seen.append(key)
            }
        }
        var inputs = FetchedInputs()
        for ((key, _, item), result) in zip(links, await fetcher.fetch(links.map(\.1))) {
            switch result {
            case .failure(let error): inputs.failures.append(Failure(origin: error.url, reason: error.reason))
            case .success(let document):
                inputs.documents.append(document)
                inputs.items[document.id] = item
                seen.append(key)
            }
        }
        if !inputs.documents.isEmpty || !inputs.failures.isEmpty {
            let summary = try collection.ingest(
                paths: [], documents: inputs.documents, failures: inputs.failures, amend: { inputs.amend(&$0) })
            check.stored = summary.inserted + summary.updated
            check.problems += summary.failures.map { "\($0.origin): \($0.reason)" }
        }
        state.failures = 0
        state.nextCheck = now + interval
        try collection.store.saveFeedState(state, seen: seen)
        return check
    }
}
