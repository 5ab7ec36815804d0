import Foundation

/// Which addresses a fetch may connect to. By default none that reaches the machine or its network: loopback,
/// private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, where cloud metadata lives,
/// and fe80::/10), unspecified, broadcast, multicast and reserved. A host name is resolved here, every address it
/// resolves to is checked, and the connection is pinned to a checked one, so a second resolution cannot swap in
/// another (no DNS-rebinding gap).
enum AddressPolicy {
    /// Why `address` (numeric IPv4 or IPv6) is not allowed; nil when it is.
    static func refusal(_ address: String) -> String? {
        if let v4 = ipv4(address) { return refusal(v4: v4) }
        guard let v6 = ipv6(address) else { return "not an address" }
        if v6.allSatisfy({ $0 == 0 }) { return "unspecified" }
        if v6[0..<15].allSatisfy({ $0 == 0 }) && v6[15] == 1 { return "loopback" }
        // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96, 64:ff9b:1::/48),
        // 6to4 (2002:aabb:ccdd::/16): the embedded IPv4 address decides.
        if v6[0..<10].allSatisfy({ $0 == 0 }) && v6[10] == 0xFF && v6[11] == 0xFF {
            return refusal(v4: Array(v6[12..<16]))
        }
        if v6[0..<12].allSatisfy({ $0 == 0 }) { return refusal(v4: Array(v6[12..<16])) }
        if v6[0..<4] == [0x00, 0x64, 0xFF, 0x9B] { return refusal(v4: Array(v6[12..<16])) }
        if v6[0] == 0x20 && v6[1] == 0x02 { return refusal(v4: Array(v6[2..<6])) }
        if v6[0] & 0xFE == 0xFC { return "private" }
        if v6[0] == 0xFE && v6[1] & 0xC0 == 0x80 { return "link-local" }
        if v6[0] == 0xFE && v6[1] & 0xC0 == 0xC0 { return "site-local" }
        if v6[0] == 0xFF { return "multicast" }
        return nil
    }

    static func refusal(v4: [UInt8]) -> String? {
        switch (v4[0], v4[1]) {
        case (0, _): return "unspecified"
        case (127, _): return "loopback"
        case (10, _), (192, 168), (172, 16...31): return "private"
        case (100, 64...127): return "private (carrier-grade NAT)"
        case (169, 254): return "link-local"
        case (198, 18...19): return "reserved (benchmarking)"
        case (192, 0) where v4[2] == 0: return "reserved (IETF)"
        case (224...239, _): return "multicast"
        case (240...255, _): return v4 == [255, 255, 255, 255] ? "broadcast" : "reserved"
        default: return nil
        }
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    struct Unresolved: Error {
        var reason: String
    }

    /// `resolve` on a thread of its own: getaddrinfo blocks, and must not hold one of the few threads async tasks
    /// share.
    static func resolveOffThread(_ host: String) async -> Result<[String], Unresolved> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: resolve(host)) }
        }
    }

    /// The numeric addresses `host` resolves to (a numeric host is itself), through the system resolver.
    static func resolve(_ host: String) -> Result<[String], Unresolved> {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if ipv4(bare) != nil || ipv6(bare) != nil { return .success([bare]) }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(bare, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(Unresolved(reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if let address = current.pointee.ai_addr,
                getnameinfo(
                    address, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
            {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            node = current.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(Unresolved(reason: "no address")) : .success(addresses)
    }
}
