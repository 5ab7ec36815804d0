import TriangulateModel
extension String {
    package func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    package func trimming(_ set: String) -> String { self[...].trimming(set) }

    /// Start index of the last occurrence of `needle`.
    package func lastRange(of needle: String) -> String.Index? {
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
    package func trimming(_ set: String) -> String {
        let scalars = unicodeScalars
        let members = set.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, members.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, members.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension String {
    /// Substring test on UTF-8 bytes (no Foundation, no Character breaking): the hot paths' `contains`.
    package func includes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in Self.search(h, n) != nil }
        }
    }

    /// Byte offset of the first occurrence of `needle`'s UTF-8 in `haystack`.
    package static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0 else { return 0 }
        guard haystack.count >= n else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - n
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < n && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == n { return index }
            }
            index += 1
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// A character that must not reach a terminal or a rendered document as itself: C0 controls (tab included),
    /// DEL, C1 controls and the bidirectional embeddings, overrides and isolates that can reorder what is shown.
    package var isUnsafeControl: Bool {
        switch value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
