import TriangulateText
/// Settings of the Cluster stage, defaults in one place: what `triangulate cluster` and `analyze` use. They were
/// fixed on the odd-numbered topics of the ECB+ benchmark and are never tuned at run time (see BENCHMARKS.md).
public struct ClusterConfiguration: Sendable, Hashable {
    /// Cosine similarity (TF-IDF of stemmed content words and names) an article needs to join a story's centroid.
    public var threshold: Double
    /// Centroid-to-centroid cosine at which two stories that grew towards each other are merged.
    public var mergeThreshold: Double
    /// Weight of a name feature (a capitalized word inside a sentence) relative to a content word.
    public var nameWeight: Double
    /// Weight of a name that is a known place (one word in Annotate's place gazetteers): people and organizations
    /// tell two events of one kind apart better than the places they share.
    public var placeWeight: Double
    /// How many times a title word counts.
    public var titleWeight: Float
    /// Articles published further apart than this (when both dates are known) never share a story; stories older
    /// than this are retired from memory.
    public var windowDays: Int
    /// Passes of revision at the end of a batch: articles of live stories move to a story whose centroid is now
    /// closer than their own (0: none).
    public var refinePasses: Int
    /// In revision, a story of at least `minimumSplitSize` members (an article with its near-duplicates is one) is
    /// split in two when that raises its members' mean leave-one-out cosine with their own group by more than
    /// `splitGain` (`StorySplit`; 0: never) and the two halves' centroids have a cosine below `splitSimilarity`.
    public var splitGain: Double
    public var splitSimilarity: Double
    public var minimumSplitSize: Int
    /// For undated streams: a story no article joined in this many articles is retired.
    public var idleArticles: Int
    /// Pseudo-documents sharing no term, added to the document count for term rarity: in a small batch a word every
    /// article shares still weighs something.
    public var backgroundDocuments: Int
    /// Candidate retrieval: an article looks up stories through its this-many heaviest features…
    public var candidateTerms: Int
    /// …skipping features more than this many active stories share (too common to retrieve by)…
    public var maxPostings: Int
    /// …and scores at most this many candidates (most shared features first).
    public var maxCandidates: Int
    /// Every this many articles, stories touched since the last pass are checked for merging against their
    /// `mergeCandidates` most feature-sharing stories.
    public var mergeInterval: Int
    public var mergeCandidates: Int
    /// MinHash signature length and LSH bands (rows per band = permutations / bands) for near-duplicates.
    public var minHashPermutations: Int
    public var bands: Int
    /// Estimated Jaccard similarity of word 4-shingles from which an article is reported as a copy (lineage).
    public var duplicateThreshold: Double

    public init(
        threshold: Double = 0.27, mergeThreshold: Double = 0.5, nameWeight: Double = 2, placeWeight: Double = 1,
        titleWeight: Float = 2,
        windowDays: Int = 10, refinePasses: Int = 2, splitGain: Double = 0.0375, splitSimilarity: Double = 0.65,
        minimumSplitSize: Int = 6,
        idleArticles: Int = 50_000, backgroundDocuments: Int = 200,
        candidateTerms: Int = 16,
        maxPostings: Int = 5_000, maxCandidates: Int = 20, mergeInterval: Int = 1_000, mergeCandidates: Int = 5,
        minHashPermutations: Int = 64,
        bands: Int = 16, duplicateThreshold: Double = 0.5
    ) {
        self.threshold = threshold
        self.mergeThreshold = mergeThreshold
        self.nameWeight = nameWeight
        self.placeWeight = placeWeight
        self.titleWeight = titleWeight
        self.windowDays = windowDays
        self.refinePasses = refinePasses
        self.splitGain = splitGain
        self.splitSimilarity = splitSimilarity
        self.minimumSplitSize = minimumSplitSize
        self.idleArticles = idleArticles
        self.backgroundDocuments = backgroundDocuments
        self.candidateTerms = candidateTerms
        self.maxPostings = maxPostings
        self.maxCandidates = maxCandidates
        self.mergeInterval = mergeInterval
        self.mergeCandidates = mergeCandidates
        self.minHashPermutations = minHashPermutations
        self.bands = bands
        self.duplicateThreshold = duplicateThreshold
    }

    public static let `default` = ClusterConfiguration()
}
