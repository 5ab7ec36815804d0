import TriangulateText
import Foundation

// Stories that turn out to be one are merged; stories quiet for long enough are retired from the index.
extension StoryStream {
    func mergePass() {
        let recent = touched.sorted()
        touched.removeAll()
        for raw in recent {
            let story = find(raw)
            guard !stories[story].retired, stories[story].normSquared > 0 else { continue }
            var hits: [Int: Int] = [:]
            for key in stories[story].indexed {
                guard let list = postings[key], list.count <= configuration.maxPostings else { continue }
                for other in list {
                    let candidate = find(Int(other))
                    if candidate != story && !stories[candidate].retired { hits[candidate, default: 0] += 1 }
                }
            }
            // The few stories sharing most of its indexed features.
            let ranked = hits.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(configuration.mergeCandidates)
            for (candidate, _) in ranked.sorted(by: { $0.key < $1.key }) {
                let a = find(story)
                let b = find(candidate)
                guard a != b else { continue }
                let (small, large) = stories[a].centroid.count <= stories[b].centroid.count ? (a, b) : (b, a)
                guard compatibleStories(stories[a], stories[b]) else { continue }
                var dot: Double = 0
                for (key, value) in stories[small].centroid {
                    if let other = stories[large].centroid[key] { dot += Double(value * other) }
                }
                let cosine = dot / (stories[a].normSquared.squareRoot() * stories[b].normSquared.squareRoot())
                if cosine >= configuration.mergeThreshold { merge(min(a, b), absorbing: max(a, b)) }
            }
        }
    }

    func compatibleStories(_ a: Story, _ b: Story) -> Bool {
        guard let aFirst = a.firstDay, let aLast = a.lastDay, let bFirst = b.firstDay, let bLast = b.lastDay else {
            return true
        }
        return aFirst <= bLast + configuration.windowDays && bFirst <= aLast + configuration.windowDays
    }

    /// The older story absorbs the younger: centroids add up, the younger's number now answers to the older's.
    func merge(_ older: Int, absorbing younger: Int) {
        var keep = stories[older]
        let gone = stories[younger]
        stories[older] = Story()
        for (key, value) in gone.centroid { keep.centroid.add(key, value) }
        keep.normSquared = keep.centroid.reduce(0) { $0 + Double($1.value * $1.value) }
        keep.size += gone.size
        keep.members += gone.members
        keep.lastArticle = max(keep.lastArticle, gone.lastArticle)
        if let first = gone.firstDay { keep.firstDay = min(keep.firstDay ?? first, first) }
        if let last = gone.lastDay { keep.lastDay = max(keep.lastDay ?? last, last) }
        for key in gone.indexed where keep.indexed.insert(key).inserted {
            postings[key, default: []].append(Int32(older))
        }
        stories[older] = keep
        stories[younger] = Story()
        stories[younger].retired = true
        parent[younger] = older
        touched.insert(older)
    }

    /// Stories outside the window (by date, or idle for `idleArticles` in undated streams) leave memory; so do
    /// signatures of articles outside it.
    func retire() {
        let now = assignments.count
        for index in 0..<stories.count where !stories[index].retired && parent[index] == index {
            let story = stories[index]
            var old = now - story.lastArticle > configuration.idleArticles
            if let newestDay, let last = story.lastDay { old = old || newestDay - last > configuration.windowDays }
            if old {
                for member in story.members {
                    liveVectors[member] = nil
                    copySource[member] = nil
                }
                // The centroid and index go; the member list stays (a grown collection asks a story for it).
                stories[index] = Story()
                stories[index].retired = true
                stories[index].members = story.members
            }
        }
        while signatureHead < signatureOrder.count {
            let (article, day) = signatureOrder[signatureHead]
            var old = now - article > configuration.idleArticles
            if let newestDay, let day { old = old || newestDay - day > configuration.windowDays }
            guard old else { break }
            if let signature = signatures.removeValue(forKey: article) {
                for key in bandKeys(signature) {
                    buckets[key]?.removeAll { $0 == Int32(article) }
                    if buckets[key]?.isEmpty == true { buckets[key] = nil }
                }
            }
            signatureHead += 1
        }
        if signatureHead > 4096 && signatureHead * 2 > signatureOrder.count {
            signatureOrder.removeFirst(signatureHead)
            signatureHead = 0
        }
        // Drop retired and merged stories from the postings now and then.
        retirementCursor += 1
        if retirementCursor % 20 == 0 {
            for key in Array(postings.keys) {
                let live = postings[key]!.filter { !stories[Int($0)].retired }
                postings[key] = live.isEmpty ? nil : live
            }
        }
    }
}
