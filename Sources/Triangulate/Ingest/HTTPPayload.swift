import CDeflate
import TriangulateText

/// An HTTP response as a WARC `response` record holds it: the status, the header fields (names lowercased), and the
/// body with the transfer coding (chunked) undone and the content coding (gzip, deflate) decoded.
public struct HTTPPayload: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public enum Failure: Error, Sendable, Hashable {
        case malformed(String)
        case tooLarge(limit: Int)
    }

    /// `bytes` parsed; the body (decoded) is at most `maxBodyBytes`.
    public static func parse(_ bytes: [UInt8], maxBodyBytes: Int) throws(Failure) -> HTTPPayload {
        var offset = 0
        guard let statusLine = line(bytes, &offset) else { throw .malformed("no status line") }
        let parts = String(decoding: statusLine, as: UTF8.self).split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...999).contains(status)
        else { throw .malformed("not an HTTP status line") }
        var headers: [String: String] = [:]
        var lines = 0
        while true {
            guard let header = line(bytes, &offset) else { throw .malformed("the header has no end") }
            if header.isEmpty { break }
            lines += 1
            if lines > 1000 { throw .malformed("more than 1000 header lines") }
            let text = String(decoding: header, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].lowercased().trimming(" \t")
            let value = String(text[text.index(after: colon)...]).trimming(" \t")
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        var body = Array(bytes[offset...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, limit: maxBodyBytes)
        }
        if body.count > maxBodyBytes { throw .tooLarge(limit: maxBodyBytes) }
        body = try decode(body, coding: headers["content-encoding"]?.lowercased() ?? "", limit: maxBodyBytes)
        return HTTPPayload(status: status, headers: headers, body: body)
    }

    /// Whether the body is a web page: an HTML or XHTML content type, or markup at its start when none is given.
    public var isHTML: Bool {
        if let type = headers["content-type"]?.lowercased() {
            return type.contains("text/html") || type.contains("application/xhtml")
        }
        return Ingest.looksLikeHTML(path: "", bytes: Array(body.prefix(512)))
    }

    /// The next line without its CR LF (or LF); nil when no line ends before the end of the bytes.
    static func line(_ bytes: [UInt8], _ offset: inout Int) -> ArraySlice<UInt8>? {
        guard offset <= bytes.count, let newline = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
        var end = newline
        if end > offset && bytes[end - 1] == 0x0D { end -= 1 }
        defer { offset = newline + 1 }
        return bytes[offset..<end]
    }

    /// The chunked transfer coding undone: hex sizes (extensions after `;` ignored), data, up to the zero chunk.
    static func dechunk(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        while true {
            guard let sizeLine = line(bytes, &offset) else { throw .malformed("a chunk size is missing") }
            let digits = String(decoding: sizeLine, as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(digits.trimming(" \t"), radix: 16), size >= 0 else {
                throw .malformed("a chunk size is not hexadecimal")
            }
            if size == 0 { return out }
            guard size <= limit - out.count else { throw .tooLarge(limit: limit) }
            guard size <= bytes.count - offset else { throw .malformed("a chunk is cut short") }
            out += bytes[offset..<offset + size]
            offset += size
            _ = line(bytes, &offset)  // the CR LF after the data
        }
    }

    /// The content coding undone: gzip (and x-gzip), deflate (zlib-wrapped, or raw as some servers send it),
    /// identity; anything else is an error naming it.
    static func decode(_ body: [UInt8], coding: String, limit: Int) throws(Failure) -> [UInt8] {
        switch coding.trimming(" \t") {
        case "", "identity": return body
        case "gzip", "x-gzip":
            guard Gzip.isGzip(body) else { throw .malformed("gzip body does not start as gzip data") }
            do {
                return try Gzip.decompress(body, limit: limit)
            } catch {
                switch error {
                case .tooLarge(let limit): throw .tooLarge(limit: limit)
                case .corrupt(let reason): throw .malformed("gzip body: \(reason)")
                }
            }
        case "deflate":
            if let inflated = inflate(body, limit: limit, zlibWrapped: true) { return inflated }
            if let inflated = inflate(body, limit: limit, zlibWrapped: false) { return inflated }
            throw .malformed("deflate body cannot be decompressed (or is over \(limit) bytes)")
        default: throw .malformed("content coding \(coding) is not supported")
        }
    }

    static func inflate(_ body: [UInt8], limit: Int, zlibWrapped: Bool) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = min(limit, max(1 << 16, body.count * 4))
        while true {
            var produced = 0
            var result = LIBDEFLATE_SUCCESS
            let output = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, count in
                result = body.withUnsafeBytes { raw in
                    zlibWrapped
                        ? libdeflate_zlib_decompress(
                            decompressor, raw.baseAddress, raw.count, buffer.baseAddress, capacity, &produced)
                        : libdeflate_deflate_decompress(
                            decompressor, raw.baseAddress, raw.count, buffer.baseAddress, capacity, &produced)
                }
                count = result == LIBDEFLATE_SUCCESS ? produced : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return output
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit: capacity = min(limit, capacity * 2)
            default: return nil
            }
        }
    }
}
