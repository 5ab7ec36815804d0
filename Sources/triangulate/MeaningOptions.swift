import ArgumentParser
import Triangulate
import TriangulateMiniLM

/// `--minilm DIR` of `analyze`, `align`, `ingest`, `serve`, `watch` and `worker`: Corroborate aligns claims on their
/// meaning too, with the MiniLM encoder and the settings that go with it (`CorroborateConfiguration.meaning`).
struct MeaningOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Align claims on their meaning too, with the MiniLM sentence encoder whose weights are in DIR "
                + "(`make minilm` installs them into .build/minilm): better facts, about 120 sentences a second.",
            valueName: "DIR"))
    var minilm: String?

    /// The Corroborate settings to use: the defaults, or `meaning` with the loaded encoder.
    func corroborate() throws -> CorroborateConfiguration {
        guard let minilm else { return .default }
        return .meaning(try Self.load(minilm))
    }

    func apply(to configuration: inout PipelineConfiguration) throws {
        if minilm != nil { configuration.corroborate = try corroborate() }
    }

    /// The encoder, or a message naming the missing or broken file and exit 1.
    static func load(_ directory: String) throws -> MiniLM {
        do {
            return try MiniLM(directory: directory)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
    }
}
