import TriangulateText

/// What the Cluster stage knows of one article (term and name counts, its MinHash signature, its day), in a form a
/// store can keep: a collection that grows is grouped from these, without reading its articles' texts again.
/// `bytes` is a versioned little-endian encoding; `init(bytes:)` checks every length and refuses anything else.
public struct ClusterFeatures: Sendable {
    let value: StoryFeatures

    init(_ value: StoryFeatures) {
        self.value = value
    }

    static let magic: [UInt8] = Array("TCF1".utf8)

    public var bytes: [UInt8] {
        var out = Self.magic
        out.reserveCapacity(16 + value.counts.count * 12 + value.signature.count * 4)
        func append(_ number: UInt64, bytes count: Int) {
            for shift in 0..<count { out.append(UInt8(truncatingIfNeeded: number >> (8 * UInt64(shift)))) }
        }
        append(UInt64(value.counts.count), bytes: 4)
        for (key, count) in value.counts {
            append(key, bytes: 8)
            append(UInt64(count.bitPattern), bytes: 4)
        }
        append(UInt64(value.signature.count), bytes: 4)
        for slot in value.signature { append(UInt64(slot), bytes: 4) }
        if let day = value.day {
            out.append(1)
            append(UInt64(bitPattern: Int64(day)), bytes: 8)
        } else {
            out.append(0)
        }
        return out
    }

    public init(bytes: [UInt8]) throws(ClusterFeaturesError) {
        var reader = Reader(bytes: bytes)
        guard try reader.take(4) == Self.magic else { throw .malformed("not cluster features (wrong header)") }
        let count = Int(try reader.number(4))
        guard count <= (bytes.count - reader.offset) / 12 else { throw .malformed("more terms than bytes") }
        var counts: [(key: UInt64, count: Float)] = []
        counts.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.number(8)
            let weight = Float(bitPattern: UInt32(truncatingIfNeeded: try reader.number(4)))
            guard weight.isFinite, weight > 0 else { throw .malformed("a term count that is not a positive number") }
            counts.append((key, weight))
        }
        guard zip(counts, counts.dropFirst()).allSatisfy({ $0.key < $1.key }) else {
            throw .malformed("terms out of order")
        }
        let slots = Int(try reader.number(4))
        guard slots <= (bytes.count - reader.offset) / 4 else { throw .malformed("a signature longer than the bytes") }
        var signature: [UInt32] = []
        signature.reserveCapacity(slots)
        for _ in 0..<slots { signature.append(UInt32(truncatingIfNeeded: try reader.number(4))) }
        var day: Int?
        switch try reader.take(1) {
        case [0]: day = nil
        case [1]:
            let raw = Int64(bitPattern: try reader.number(8))
            guard let value = Int(exactly: raw), abs(value) < 10_000_000 else { throw .malformed("a day out of range") }
            day = value
        default: throw .malformed("a bad day marker")
        }
        guard reader.offset == bytes.count else { throw .malformed("bytes after the end") }
        value = StoryFeatures(counts: counts, signature: signature, day: day)
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) throws(ClusterFeaturesError) -> [UInt8] {
            guard count <= bytes.count - offset else { throw .malformed("cut short") }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func number(_ count: Int) throws(ClusterFeaturesError) -> UInt64 {
            var value: UInt64 = 0
            for (shift, byte) in try take(count).enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
            return value
        }
    }
}

/// Stored cluster features that cannot be read back.
public enum ClusterFeaturesError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let reason): return "cluster features cannot be read: \(reason)"
        }
    }
}
