import TriangulateText
/// One line of page text as the debris rules see it.
public struct DebrisLine: Sendable {
    /// The line as printed (trimmed).
    public var text: String
    /// Lowercased, typographic quotes folded to ASCII, runs of spaces collapsed.
    public var folded: String
    /// `folded` split into words with surrounding punctuation stripped (empty words dropped).
    public var words: [String]
    /// The article's headline, folded, when one was found.
    public var foldedTitle: String?

    public init(_ text: String, title: String? = nil) {
        self.text = text
        self.folded = Self.fold(text)
        self.words = Self.words(of: folded)
        self.foldedTitle = title.map(Self.fold)
    }

    /// Works on UTF-8 bytes; only non-ASCII letters go through `String.lowercased`.
    static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var lastWasSpace = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    if byte == 0x20 || byte == 0x09 {
                        if !lastWasSpace { out.append(0x20) }
                        lastWasSpace = true
                        continue
                    }
                    lastWasSpace = false
                    out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                    continue
                }
                lastWasSpace = false
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(bytes.count, index + width)
                let sequence = UnsafeBufferPointer(rebasing: bytes[index..<end])
                index = end
                let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first!
                switch scalar {
                case "\u{2018}", "\u{2019}", "\u{02BC}": out.append(0x27)
                case "\u{201C}", "\u{201D}": out.append(0x22)
                case "\u{2013}", "\u{2014}": out.append(0x2D)
                case "\u{2026}": out.append(0x2E)
                default:
                    if scalar.properties.changesWhenLowercased {
                        out.append(contentsOf: String(scalar).lowercased().utf8)
                    } else {
                        out.append(contentsOf: sequence)
                    }
                }
            }
            if out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Characters stripped from both ends of a word: ASCII punctuation, and • · – — as UTF-8.
    private static let trimmedASCII: [Bool] = (0..<128).map { ".,:;!?\"'()[]{}|*>-/".utf8.contains(UInt8($0)) }
    private static let trimmedSequences: [[UInt8]] = ["•", "·", "–", "—"].map { Array($0.utf8) }

    static func words(of folded: String) -> [String] {
        var folded = folded
        return folded.withUTF8 { bytes -> [String] in
            func trimmedWidth(at index: Int, backwards: Bool) -> Int {
                let byte = bytes[index]
                if byte < 0x80 { return trimmedASCII[Int(byte)] ? 1 : 0 }
                for sequence in trimmedSequences {
                    let start = backwards ? index - sequence.count + 1 : index
                    guard start >= 0, start + sequence.count <= bytes.count else { continue }
                    if UnsafeBufferPointer(rebasing: bytes[start..<(start + sequence.count)]).elementsEqual(sequence) {
                        return sequence.count
                    }
                }
                return 0
            }
            var words: [String] = []
            var index = 0
            while index < bytes.count {
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                var start = index
                while index < bytes.count && bytes[index] != 0x20 { index += 1 }
                var end = index
                while start < end {
                    let width = trimmedWidth(at: start, backwards: false)
                    if width == 0 { break }
                    start += width
                }
                while end > start {
                    let width = trimmedWidth(at: end - 1, backwards: true)
                    if width == 0 { break }
                    end -= width
                }
                if start < end {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
            }
            return words
        }
    }

    func starts(with prefixes: [String]) -> Bool { prefixes.contains { folded.hasPrefix($0) } }
    func contains(any needles: [String]) -> Bool { needles.contains { folded.includes($0) } }
}

/// What a debris rule decided about a line.
public enum DebrisVerdict: Sendable, Hashable {
    /// Drop the line.
    case remove
    /// Drop the line and record the named source as a credit of the article ("Source: X").
    case credit(String)
}

/// A named, generic pattern for one kind of page debris.
public struct DebrisRule: Sendable {
    public var name: String
    public var summary: String
    public var verdict: @Sendable (DebrisLine) -> DebrisVerdict?

    public init(name: String, summary: String, verdict: @escaping @Sendable (DebrisLine) -> DebrisVerdict?) {
        self.name = name
        self.summary = summary
        self.verdict = verdict
    }
}

/// Every debris rule, in one place. Rules describe kinds of debris (share bars, comment widgets, …), never strings of
/// particular sites. Each rule has tests in `DebrisRulesTests`.
public enum DebrisRules {
    public static let all: [DebrisRule] = [
        shareBar, commentWidget, affiliateNotice, readTime, tagLine, repeatedHeadline, subscriptionPrompt,
        photoCredit, sourceCredit, advertisement, relatedLinks, followPrompt, copyrightNotice, bareURL, separator,
        staffCredit,
    ]

    /// First rule that claims the line, with its verdict.
    public static func match(
        _ line: DebrisLine, rules: [DebrisRule] = all
    ) -> (rule: DebrisRule, verdict: DebrisVerdict)? {
        for rule in rules {
            if let verdict = rule.verdict(line) { return (rule, verdict) }
        }
        return nil
    }

    static let shareWords: Set<String> = Lexicon.shared.words(.shareWords)
    static let shareFiller: Set<String> = Lexicon.shared.words(.shareFiller)

    public static let shareBar = DebrisRule(
        name: "share-bar", summary: "a line made only of sharing buttons (Share, Facebook, Email, Copy link …)"
    ) { line in
        guard !line.words.isEmpty, line.words.count <= 12 else { return nil }
        guard line.words.contains(where: shareWords.contains) else { return nil }
        return line.words.allSatisfy { shareWords.contains($0) || shareFiller.contains($0) } ? .remove : nil
    }

    public static let commentWidget = DebrisRule(
        name: "comment-widget", summary: "comment-section furniture: headings, counters, prompts, loaders"
    ) { line in
        guard line.words.count <= 10 else { return nil }
        let prompts = [
            "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
            "join the conversation", "join the discussion", "show comments", "view comments", "load comments",
            "loading comments", "no comments", "be the first to comment", "comments are closed", "cancel reply",
            "you must be logged in to post", "log in to comment", "sign in to comment", "comment policy",
            "read comments", "see comments", "hide comments", "be the first to", "share your thoughts",
            "what do you think?", "comment below",
        ]
        if line.starts(with: prompts) || line.folded.includes("be the first to comment") { return .remove }
        // "Comments", "Comments (12)", "0 Comments", "This Post Has 0 Comments", "12 responses"
        let words = line.words
        if let last = words.last, ["comment", "comments", "responses", "replies"].contains(last) {
            let head = words.dropLast()
            let counted = head.allSatisfy {
                Int($0) != nil || ["this", "post", "has", "article", "story", "no"].contains($0)
            }
            if counted { return .remove }
        }
        if words.first == "comments", words.count <= 2, words.dropFirst().allSatisfy({ Int($0) != nil }) {
            return .remove
        }
        return nil
    }

    public static let affiliateNotice = DebrisRule(
        name: "affiliate-notice", summary: "affiliate, sponsorship and commission disclosures"
    ) { line in
        guard line.words.count <= 60 else { return nil }
        if line.starts(with: ["ftc:", "disclosure:", "affiliate disclosure", "sponsored:", "advertiser disclosure"]) {
            return .remove
        }
        let cues = [
            "affiliate link", "affiliate commission", "earn a commission", "earn a small commission",
            "may earn commission", "qualifying purchases", "at no extra cost to you", "sponsored content",
            "paid partnership", "earn from purchases", "income earning", "commission from links",
        ]
        return line.contains(any: cues) ? .remove : nil
    }

    static let numberWords: Set<String> = Lexicon.shared.words(.numberWords)

    public static let readTime = DebrisRule(
        name: "read-time", summary: "estimated reading time (\"4 min read\", \"Reading time: 3 minutes\")"
    ) { line in
        let words = line.words
        guard !words.isEmpty, words.count <= 8 else { return nil }
        if line.starts(with: ["reading time", "read time", "estimated reading time", "time to read"]) {
            return .remove
        }
        for (index, word) in words.enumerated() where ["min", "mins", "minute", "minutes"].contains(word) {
            guard index > 0 else { continue }
            let count = words[index - 1]
            let isCount = Int(count) != nil || numberWords.contains(count)
            let followed = index + 1 < words.count ? words[index + 1] : ""
            if isCount && (followed == "read" || followed == "reading" || followed == "listen" || words.count == 2) {
                return .remove
            }
        }
        // "5-min read", "3-minute read"
        if let first = words.first, first.hasSuffix("-min") || first.hasSuffix("-minute"), words.count <= 3,
            words.contains("read")
        {
            return .remove
        }
        return nil
    }

    public static let tagLine = DebrisRule(
        name: "tag-line", summary: "lone hashtags and category/tag lists (\"#Energy\", \"Tags: …\", \"Filed under …\")"
    ) { line in
        if line.text.hasPrefix("#") {
            let tokens = line.text.split(separator: " ")
            if tokens.count <= 8, tokens.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 }) { return .remove }
        }
        guard line.words.count <= 25 else { return nil }
        let prefixes = [
            "tags:", "tagged:", "tagged with", "filed under", "categories:", "category:", "topics:", "posted in",
        ]
        return line.starts(with: prefixes) ? .remove : nil
    }

    public static let repeatedHeadline = DebrisRule(
        name: "repeated-headline", summary: "the headline printed again below itself"
    ) { line in
        guard let title = line.foldedTitle, !title.isEmpty else { return nil }
        return line.folded == title ? .remove : nil
    }

    public static let subscriptionPrompt = DebrisRule(
        name: "subscription-prompt", summary: "newsletter, subscription, membership and paywall prompts"
    ) { line in
        guard line.words.count <= 25 else { return nil }
        let cues = [
            "subscribe to our", "subscribe to the", "subscribe now", "subscribe for", "sign up for our",
            "sign up for the", "sign up to our", "sign up to receive", "already a subscriber", "already subscribed",
            "become a member", "become a subscriber", "support our journalism", "support independent journalism",
            "to continue reading", "log in to continue", "create a free account", "unlimited access",
            "start your free trial", "get our newsletter", "in your inbox", "our daily newsletter",
            "our weekly newsletter", "subscriber-only", "subscribers only",
        ]
        if line.contains(any: cues) { return .remove }
        if line.words.count <= 6, line.words.contains("newsletter") || line.words.contains("subscribe") {
            return .remove
        }
        return nil
    }

    public static let photoCredit = DebrisRule(
        name: "photo-credit", summary: "photo, image and illustration credits"
    ) { line in
        guard line.words.count <= 20 else { return nil }
        let prefixes = [
            "photo:", "photo by", "photo credit", "photograph:", "photograph by", "photos:", "image:", "image credit",
            "image by", "image via", "picture:", "pictured:", "illustration:", "illustration by", "credit:", "(photo",
            "(image", "(credit", "[photo", "(picture", "photo courtesy", "image courtesy", "file photo",
        ]
        if line.starts(with: prefixes) { return .remove }
        let agencies = [
            "getty images", "/ap photo", "ap photo/", "via reuters", "reuters/", "/afp", "afp via", "shutterstock",
        ]
        if line.words.count <= 8, line.contains(any: agencies) { return .remove }
        return nil
    }

    public static let sourceCredit = DebrisRule(
        name: "source-credit", summary: "a \"Source: X\" credit line; X is kept as a credit of the article"
    ) { line in
        guard line.words.count <= 12, line.starts(with: ["source:", "sources:", "(source:", "source -", "source –"])
        else {
            return nil
        }
        guard let colon = line.text.firstIndex(where: { $0 == ":" || $0 == "-" || $0 == "–" }) else { return nil }
        let rest = line.text[line.text.index(after: colon)...].trimming(" ()[].")
        return rest.isEmpty ? .remove : .credit(rest)
    }

    public static let advertisement = DebrisRule(
        name: "advertisement", summary: "advertising slots and their labels"
    ) { line in
        let exact: Set<String> = [
            "advertisement", "advertisements", "ad", "ads", "sponsored", "promoted", "paid content",
            "story continues below advertisement", "article continues below advertisement", "scroll to continue",
            "continue reading below", "skip advertisement", "continue reading", "story continues below",
            "article continues below", "advertisement - scroll to continue",
        ]
        return exact.contains(line.folded.trimming(" .:-")) ? .remove : nil
    }

    public static let relatedLinks = DebrisRule(
        name: "related-links", summary: "\"Read more\", \"Related:\", \"See also\" link lines"
    ) { line in
        guard line.words.count <= 25 else { return nil }
        let prefixes = [
            "related:", "related articles", "related stories", "related coverage", "read more:", "read more about",
            "read also:", "also read:", "see also:", "more:", "recommended:", "recommended for you",
            "you may also like",
            "you might also like", "more from", "trending:", "trending now", "most read", "most popular", "popular now",
            "read next", "up next", "more stories", "latest news", "read more",
        ]
        return line.starts(with: prefixes) ? .remove : nil
    }

    public static let followPrompt = DebrisRule(
        name: "follow-prompt", summary: "follow-us, download-the-app and click-here prompts"
    ) { line in
        guard line.words.count <= 25 else { return nil }
        let prefixes = [
            "follow us on", "follow us", "like us on", "download our app", "download the app", "get the app",
            "click here to", "click here for", "tap here to", "get alerts", "turn on notifications", "follow @",
        ]
        return line.starts(with: prefixes) ? .remove : nil
    }

    public static let copyrightNotice = DebrisRule(
        name: "copyright-notice", summary: "copyright and all-rights-reserved lines"
    ) { line in
        guard line.words.count <= 30 else { return nil }
        if line.folded.hasPrefix("©") || line.folded.hasPrefix("(c) ") || line.folded.hasPrefix("copyright ") {
            return .remove
        }
        return line.folded.includes("all rights reserved") ? .remove : nil
    }

    public static let bareURL = DebrisRule(
        name: "bare-url", summary: "a line holding nothing but a web address"
    ) { line in
        let text = line.folded
        guard !text.contains(" ") else { return nil }
        return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") ? .remove : nil
    }

    public static let separator = DebrisRule(
        name: "separator", summary: "a line of only punctuation or symbols (*** , ---, •••)"
    ) { line in
        guard !line.folded.isEmpty else { return nil }
        return line.folded.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
            ? .remove : nil
    }

    public static let staffCredit = DebrisRule(
        name: "staff-credit", summary: "wire-style production credits (\"Reporting by …; Editing by …\")"
    ) { line in
        guard line.words.count <= 30 else { return nil }
        let prefixes = [
            "reporting by", "additional reporting by", "editing by", "edited by", "writing by", "compiled by",
            "(reporting by", "(additional reporting",
        ]
        return line.starts(with: prefixes) ? .remove : nil
    }
}
