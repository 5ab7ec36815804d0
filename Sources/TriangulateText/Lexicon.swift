import TriangulateModel
/// The word lists Annotate relies on, parsed once from the gazetteer files in `Annotate/Gazetteers/` (embedded in the
/// binary at build time). Entries are `Canonical | alias | alias`; `#` starts a comment line.
public struct Lexicon: Sendable {
    /// Lowercased alias → canonical name.
    public let places: [String: String]
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

    public static let shared = Lexicon()

    package init() {
        var places: [String: String] = [:]
        for file in [
            PackageResources.countries_txt, PackageResources.us_states_txt, PackageResources.cities_txt,
            PackageResources.regions_txt,
        ] {
            for entry in Self.entries(file) {
                for alias in entry where places[alias.lowercased()] == nil { places[alias.lowercased()] = entry[0] }
            }
        }
        self.places = places
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
