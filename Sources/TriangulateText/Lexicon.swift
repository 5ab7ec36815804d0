import TriangulateModel
/// The word lists the stages rely on, parsed once from the gazetteer files in `TriangulateText/Gazetteers/` (embedded in the
/// binary at build time). Entries are `Canonical | alias | alias`; `#` starts a comment line.
public struct Lexicon: Sendable {
    /// Lowercased alias → canonical name.
    public let places: [String: String]
    /// Canonical names of the places that hold towns: countries, US states and regions.
    public let widePlaces: Set<String>
    /// Lowercased short form of a word of place names ("mt") → the word written out ("mount").
    public let placeWords: [String: String]
    public let outlets: [String: String]
    /// Lowercased adjective ("chinese") → country.
    public let demonyms: [String: String]
    public let firstNames: Set<String>
    public let surnameFirst: Set<String>
    public let commonWords: Set<String>
    /// Lowercased title ("rep.", "representative", "prime minister") → canonical title.
    public let titles: [String: String]
    public let roleNouns: Set<String>
    public let orgSuffixes: Set<String>
    public let orgCues: Set<String>
    public let speechVerbs: Set<String>
    public let productNouns: Set<String>
    public let commonAcronyms: Set<String>
    /// Lowercase words never taken as a quote's speaker (days, months, question words).
    public let nonSpeakers: Set<String>
    /// The rules' word classes, by section of the word-class files.
    let wordLists: [WordList: Set<String>]
    /// Sections of the word-class files that name no `WordList` (a typo there would silently empty a list).
    package let unknownSections: [String]
    /// News predicate classes ("deny words", "no-response phrases") → their lowercase entries, in file order.
    public let predicates: [String: [String]]
    /// Currency sections ("symbols", "prefixes", "words") → lowercased alias → ISO code.
    public let currencies: [String: [String: String]]

    public static let shared = Lexicon()

    package init() {
        var places: [String: String] = [:]
        var wide: Set<String> = []
        for (file, isWide) in [
            (PackageResources.countries_txt, true), (PackageResources.us_states_txt, true),
            (PackageResources.cities_txt, false), (PackageResources.regions_txt, true),
        ] {
            for entry in Self.entries(file) {
                if isWide { wide.insert(entry[0]) }
                for alias in entry where places[alias.lowercased()] == nil { places[alias.lowercased()] = entry[0] }
            }
        }
        self.places = places
        self.widePlaces = wide
        self.placeWords = Self.aliasTable(PackageResources.place_abbreviations_txt).mapValues { $0.lowercased() }
        self.outlets = Self.aliasTable(PackageResources.outlets_txt)
        var demonyms: [String: String] = [:]
        for entry in Self.entries(PackageResources.demonyms_txt) {
            for adjective in entry.dropFirst() { demonyms[adjective.lowercased()] = entry[0] }
        }
        self.demonyms = demonyms
        self.firstNames = Self.set(PackageResources.first_names_txt, lowercased: false)
        self.surnameFirst = Self.set(PackageResources.surname_first_txt, lowercased: false)
        self.commonWords = Self.set(PackageResources.common_words_txt, lowercased: true)
        self.titles = Self.aliasTable(PackageResources.titles_txt)
        self.roleNouns = Self.set(PackageResources.role_nouns_txt, lowercased: true)
        self.orgSuffixes = Self.set(PackageResources.org_suffixes_txt, lowercased: false)
        self.orgCues = Self.set(PackageResources.org_cues_txt, lowercased: true)
        self.speechVerbs = Self.set(PackageResources.speech_verbs_txt, lowercased: true)
        self.productNouns = Self.set(PackageResources.product_nouns_txt, lowercased: true)
        self.commonAcronyms = Self.set(PackageResources.common_acronyms_txt, lowercased: false)
        self.nonSpeakers = Self.set(PackageResources.non_speakers_txt, lowercased: true)
        var lists: [WordList: Set<String>] = [:]
        var unknown: [String] = []
        for file in [
            PackageResources.annotate_words_txt, PackageResources.extract_words_txt,
            PackageResources.corroborate_words_txt, PackageResources.stop_words_txt,
        ] {
            for (name, words) in Self.sections(file) {
                guard let list = WordList(rawValue: name) else {
                    unknown.append(name)
                    continue
                }
                lists[list, default: []].formUnion(words)
            }
        }
        self.wordLists = lists
        self.unknownSections = unknown
        var predicates: [String: [String]] = [:]
        for (name, words) in Self.sections(PackageResources.predicates_txt) { predicates[name, default: []] += words }
        self.predicates = predicates
        var currencies: [String: [String: String]] = [:]
        for (name, lines) in Self.sections(PackageResources.currencies_txt, lines: true) {
            for line in lines {
                let parts = line.split(separator: "|").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
                guard let code = parts.first else { continue }
                for alias in parts.dropFirst() { currencies[name, default: [:]][alias] = code }
            }
        }
        self.currencies = currencies
    }

    /// The words of one word class, exactly as the file writes them.
    public func words(_ list: WordList) -> Set<String> { wordLists[list] ?? [] }

    /// A word-class file's sections: `[name]` lines, each followed by entries separated by `|` or line breaks.
    /// With `lines`, each entry is a whole line, its `|` kept.
    package static func sections(_ bytes: [UInt8], lines: Bool = false) -> [(name: String, words: [String])] {
        var sections: [(name: String, words: [String])] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let trimmed = line.trimming(" \t\r")
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count > 2 {
                sections.append((String(trimmed.dropFirst().dropLast()), []))
            } else if !sections.isEmpty {
                let words = trimmed.split(separator: "|").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
                sections[sections.count - 1].words += lines ? [trimmed] : words
            }
        }
        return sections
    }

    package static func entries(_ bytes: [UInt8]) -> [[String]] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> [String]? in
            let trimmed = line.trimming(" \t\r")
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let parts = trimmed.split(separator: "|").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts
        }
    }

    package static func aliasTable(_ bytes: [UInt8]) -> [String: String] {
        var table: [String: String] = [:]
        for entry in entries(bytes) {
            for alias in entry where table[alias.lowercased()] == nil { table[alias.lowercased()] = entry[0] }
        }
        return table
    }

    package static func set(_ bytes: [UInt8], lowercased: Bool) -> Set<String> {
        var set: Set<String> = []
        for entry in entries(bytes) {
            for alias in entry { set.insert(lowercased ? alias.lowercased() : alias) }
        }
        return set
    }
}
