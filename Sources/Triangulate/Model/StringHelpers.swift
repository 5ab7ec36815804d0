extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    func trimming(_ set: String) -> String { self[...].trimming(set) }

    /// Start index of the last occurrence of `needle`.
    func lastRange(of needle: String) -> String.Index? {
        var found: String.Index?
        var search = startIndex
        while search < endIndex, let range = self[search...].firstRange(of: needle) {
            found = range.lowerBound
            search = index(after: range.lowerBound)
        }
        return found
    }
}

extension Substring {
    /// Drops leading and trailing characters found in `set`.
    func trimming(_ set: String) -> String {
        var view = self
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
