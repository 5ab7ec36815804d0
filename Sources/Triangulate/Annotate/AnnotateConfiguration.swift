/// Settings of the Annotate stage; the defaults here are the ones the CLI uses.
public struct AnnotateConfiguration: Sendable, Hashable {
    /// Include the list of sentences (with negation/hedge flags) in the annotations.
    public var includeSentences: Bool

    public init(includeSentences: Bool = true) {
        self.includeSentences = includeSentences
    }

    public static let `default` = AnnotateConfiguration()
}
