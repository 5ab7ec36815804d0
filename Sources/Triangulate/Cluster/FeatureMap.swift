import TriangulateText
/// A hash map from 64-bit feature keys (already hashes) to numbers: open addressing with linear probing and a
/// multiplicative index, no per-lookup hashing of its own. The clusterer's centroids and document frequencies live
/// here; `Dictionary`'s SipHash was a quarter of the clustering time.
struct FeatureMap<Value: AdditiveArithmetic>: Sequence {
    private var keys: [UInt64] = []
    private var values: [Value] = []
    private var shift = 64
    /// Keys stored (including keys whose value went back to zero).
    private(set) var count = 0

    /// Key 0 marks an empty slot; the one feature that hashes to 0 is stored under another even key.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 0x8000_0000_0000_0002 : key }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    subscript(key: UInt64) -> Value? {
        guard count > 0 else { return nil }
        let key = Self.stored(key)
        let mask = keys.count - 1
        var index = slot(for: key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Adds `delta` to the value of `key` (0 when absent) and returns the value before.
    @discardableResult
    mutating func add(_ key: UInt64, _ delta: Value) -> Value {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.stored(key)
        let mask = keys.count - 1
        var index = slot(for: key)
        while true {
            let found = keys[index]
            if found == key {
                let old = values[index]
                values[index] = old + delta
                return old
            }
            if found == 0 {
                keys[index] = key
                values[index] = delta
                count += 1
                return .zero
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = Swift.max(16, keys.count * 2)
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value](repeating: .zero, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        count = 0
        for index in oldKeys.indices where oldKeys[index] != 0 { add(oldKeys[index], oldValues[index]) }
    }

    struct Iterator: IteratorProtocol {
        let keys: [UInt64]
        let values: [Value]
        var index = 0

        mutating func next() -> (key: UInt64, value: Value)? {
            while index < keys.count {
                defer { index += 1 }
                if keys[index] != 0 { return (keys[index], values[index]) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }
}
