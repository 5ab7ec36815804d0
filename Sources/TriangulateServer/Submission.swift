import Foundation
import Triangulate
import TriangulateText

/// The body of `POST /api/articles`, checked: exactly one of `text` and `html`, a date as YYYY-MM-DD, an id without
/// spaces or control characters. Title, outlet and date, when given, override what extraction finds.
struct Submission: Sendable {
    var id: String
    var content: String
    var kind: Document.Kind
    var url: String?
    var title: String?
    var published: CalendarDate?
    var outlet: String?

    /// The JSON fields as sent.
    struct Body: Decodable {
        var id: String?
        var text: String?
        var html: String?
        var url: String?
        var title: String?
        var published: String?
        var outlet: String?
    }

    static let maxIDLength = 200
    static let maxURLLength = 4096

    /// Parses and checks a request body; every refusal is a 400 naming what is wrong.
    static func parse(_ bytes: [UInt8]) throws(APIError) -> Submission {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw APIError(.badRequest, "the body is empty: send a JSON object with \"text\" or \"html\"")
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError(.badRequest, describe(error))
        } catch {
            throw APIError(.badRequest, "the body cannot be read as JSON: \(error)")
        }
        return try Submission(body)
    }

    init(_ body: Body) throws(APIError) {
        switch (body.text, body.html) {
        case (.some, .some): throw APIError(.badRequest, "give the article as \"text\" or as \"html\", not both")
        case (nil, nil): throw APIError(.badRequest, "give the article as \"text\" or as \"html\"")
        case (let text?, nil): (content, kind) = (text, .text)
        case (nil, let html?): (content, kind) = (html, .html)
        }
        if content.allSatisfy(\.isWhitespace) {
            throw APIError(.badRequest, "\"\(kind == .html ? "html" : "text")\" is empty")
        }
        url = Self.given(body.url)
        if let url, url.count > Self.maxURLLength || url.unicodeScalars.contains(where: Self.isControl) {
            throw APIError(.badRequest, "\"url\" must be at most \(Self.maxURLLength) characters, without controls")
        }
        title = Self.given(body.title)
        outlet = Self.given(body.outlet)
        if let published = Self.given(body.published) {
            guard let date = Self.day(published) else {
                throw APIError(
                    .badRequest, "\"published\" must be a date as YYYY-MM-DD, not \(published.debugDescription)")
            }
            self.published = date
        }
        if let id = body.id {
            guard !id.isEmpty, id.count <= Self.maxIDLength,
                !id.unicodeScalars.contains(where: { Self.isControl($0) || $0.properties.isWhitespace })
            else {
                throw APIError(
                    .badRequest, "\"id\" must be 1 to \(Self.maxIDLength) characters, without spaces or controls")
            }
            self.id = id
        } else {
            self.id = Self.stableID(url ?? content)
        }
    }

    /// The id given to an article posted without one: 16 hex digits of a 64-bit FNV-1a hash.
    static func stableID(_ text: String) -> String {
        FNV1a.hex(text)
    }

    /// Sets on an extracted article what the body gave.
    func amend(_ article: inout Article) {
        if let title { article.title = title }
        if let outlet { article.outlet = outlet }
        if let published { article.published = published }
    }

    /// A string field trimmed, nil when absent or blank.
    static func given(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A calendar day written YYYY-MM-DD (a real one: no February 30).
    static func day(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// What a decoding error says about the body, in the body's own terms.
    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "the body must be a JSON object"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\"\(field(context.codingPath))\" must be a string"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not valid JSON"
        case .dataCorrupted(let context):
            return "\"\(field(context.codingPath))\" cannot be read: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "\"\(key.stringValue)\" is missing"
        @unknown default:
            return "the body cannot be read: \(error)"
        }
    }
}
