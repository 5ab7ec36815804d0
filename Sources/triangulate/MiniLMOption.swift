import ArgumentParser
import Triangulate
import TriangulateMiniLM

/// `--minilm DIR` of `analyze` and `align`: the encoder, or a message naming the missing or broken file and exit 1.
enum MiniLMOption {
    static func load(_ directory: String) throws -> MiniLM {
        do {
            return try MiniLM(directory: directory)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
    }
}
