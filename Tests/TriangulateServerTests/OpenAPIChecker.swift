import Foundation
import NIOCore

/// Checks a response against an OpenAPI 3.1 document: the status documented for the operation, the media type, and
/// the JSON body against the schema (the JSON Schema keywords the document uses: `$ref`, `type` (no booleans) with `"null"`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `minimum`, `maximum`, `minItems`,
/// `minLength`, `oneOf`). Returns what does not match, empty when all does.
struct OpenAPIChecker {
    let document: [String: Any]

    func check(method: String, path: String, status: Int, contentType: String, body: ByteBuffer) -> [String] {
        let paths = document["paths"] as? [String: Any]
        guard let operation = (paths?[path] as? [String: Any])?[method] as? [String: Any] else {
            return ["no operation \(method) \(path) in the document"]
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard var response = responses[String(status)] as? [String: Any] else {
            return ["status \(status) is not documented"]
        }
        if let ref = response["$ref"] as? String, let resolved = resolve(ref) { response = resolved }
        let content = response["content"] as? [String: Any] ?? [:]
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return ["content type \(mediaType.debugDescription) is not documented for \(status)"]
        }
        guard mediaType == "application/json", let schema = media["schema"] else { return [] }
        guard
            let value = try? JSONSerialization.jsonObject(
                with: Data(body.readableBytesView), options: .fragmentsAllowed)
        else { return ["the body is not JSON"] }
        var problems: [String] = []
        validate(value, against: schema, at: "$", into: &problems)
        return problems
    }

    func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    func validate(_ value: Any, against schemaValue: Any, at path: String, into problems: inout [String]) {
        guard var schema = schemaValue as? [String: Any] else { return }
        if let ref = schema["$ref"] as? String {
            guard let resolved = resolve(ref) else { return problems.append("\(path): unknown \(ref)") }
            schema = resolved
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            guard allowed.contains(where: { Self.value(value, is: $0) }) else {
                return problems.append("\(path): \(Self.describe(value)) is not \(allowed.joined(separator: " or "))")
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let number = value as? NSNumber {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
                problems.append("\(path): \(number) < \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
                problems.append("\(path): \(number) > \(maximum)")
            }
        }
        if let text = value as? String, let minimum = schema["minLength"] as? Int, text.count < minimum {
            problems.append("\(path): shorter than \(minimum)")
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                problems.append("\(path): fewer than \(minimum) items")
            }
            if let items = schema["items"] {
                for (index, item) in array.enumerated() {
                    validate(item, against: items, at: "\(path)[\(index)]", into: &problems)
                }
            }
        }
        if let object = value as? [String: Any] { validateObject(object, schema, at: path, into: &problems) }
        if let options = schema["oneOf"] as? [Any] {
            let passing = options.filter { option in
                var local: [String] = []
                validate(value, against: option, at: path, into: &local)
                return local.isEmpty
            }
            if passing.count != 1 { problems.append("\(path): matches \(passing.count) of oneOf, not 1") }
        }
    }

    func validateObject(
        _ object: [String: Any], _ schema: [String: Any], at path: String, into problems: inout [String]
    ) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil {
            problems.append("\(path): no \(key)")
        }
        for (key, item) in object {
            if let property = properties[key] {
                validate(item, against: property, at: "\(path).\(key)", into: &problems)
            } else if schema["additionalProperties"] as? Bool == false {
                problems.append("\(path): \(key) is not documented")
            }
        }
    }

    static func value(_ value: Any, is type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "integer":
            guard let number = value as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if value is String { return "a string" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(value)"
    }
}
