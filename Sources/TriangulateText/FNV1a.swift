/// 64-bit FNV-1a over UTF-8 bytes: the content keys, stable ids and text hashes of every layer (one definition, so
/// that an id computed by the store, the server and the pipeline is the same number).
package enum FNV1a {
    package static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    package static let prime: UInt64 = 0x100_0000_01B3

    /// `hash` continued over the bytes of `text`.
    package static func hash(_ text: String, continuing hash: UInt64 = offset) -> UInt64 {
        var value = hash
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* prime }
        return value
    }

    /// `hash` continued over one byte.
    package static func mix(_ byte: UInt8, into hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// The hash of `text` as 16 lowercase hex digits.
    package static func hex(_ text: String) -> String {
        let digits = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
