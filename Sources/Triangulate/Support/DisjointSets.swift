import TriangulateText
/// Union-find over 0..<count with path halving: the grouping under fact building and conflict slots.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The representative of `x`'s set.
    mutating func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Makes `child`'s representative point at `representative` (both must be roots).
    mutating func attach(_ child: Int, to representative: Int) {
        parent[child] = representative
    }

    /// True when `x` is the representative of its set.
    func isRoot(_ x: Int) -> Bool { parent[x] == x }
}
