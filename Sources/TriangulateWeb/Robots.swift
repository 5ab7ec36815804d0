/// A host's robots.txt, as far as Triangulate reads it: the group for "triangulate" (else for "*"), its Allow and
/// Disallow rules, the longest matching rule deciding (Allow on a tie), `*` matching any run and `$` the end.
struct Robots: Sendable, Hashable {
    var rules: [(allow: Bool, pattern: String)]

    static func == (a: Robots, b: Robots) -> Bool {
        a.rules.map { "\($0.allow)\($0.pattern)" } == b.rules.map { "\($0.allow)\($0.pattern)" }
    }

    func hash(into hasher: inout Hasher) { for rule in rules { hasher.combine("\(rule.allow)\(rule.pattern)") } }

    static let allowAll = Robots(rules: [])

    init(rules: [(allow: Bool, pattern: String)]) {
        self.rules = rules
    }

    init(_ text: String, agent: String = "triangulate") {
        var groups: [(agents: [String], rules: [(allow: Bool, pattern: String)])] = []
        var readingAgents = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !readingAgents || groups.isEmpty { groups.append(([], [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                readingAgents = true
            case "allow", "disallow":
                readingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append((field == "allow", value))
            default: continue
            }
        }
        let mine = groups.filter { $0.agents.contains { agent.lowercased().hasPrefix($0) && $0 != "*" } }
        let chosen = mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine
        rules = chosen.flatMap(\.rules)
    }

    /// Whether `path` (with its query) may be fetched.
    func allows(_ path: String) -> Bool {
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(rule.pattern, path) {
            let length = rule.pattern.count
            if let current = best, length < current.length || (length == current.length && !rule.allow) { continue }
            best = (length, rule.allow)
        }
        return best?.allow ?? true
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let parts = (anchored ? String(pattern.dropLast()) : pattern).split(
            separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (index, part) in parts.enumerated() {
            if index > 0 && part.isEmpty { continue }  // "**", or a trailing "*": matches any run
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if let found = rest.range(of: part) {
                rest = rest[found.upperBound...]
            } else {
                return false
            }
        }
        return !anchored || rest.isEmpty || parts.last == ""
    }
}

import Foundation
