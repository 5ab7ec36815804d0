import Foundation
import Triangulate
import TriangulateMiniLM

/// Reads one Corroborate setting from the command line (`--threshold X`, `--coherence X`, `--member-support X`, …)
/// into `configuration`, taking its value from `arguments`; false when `name` is not one. A value that does not
/// parse leaves the setting as it was. Shared by the evals that corroborate ECB+ events.
public func corroborateOption(
    _ name: String, _ arguments: inout ArraySlice<String>, _ configuration: inout CorroborateConfiguration
) -> Bool {
    func number(_ current: Double) -> Double { Double(arguments.popFirst() ?? "") ?? current }
    func weight(_ current: Float) -> Float { Float(arguments.popFirst() ?? "") ?? current }
    switch name {
    case "--threshold": configuration.alignThreshold = number(configuration.alignThreshold)
    case "--coherence": configuration.groupCoherence = number(configuration.groupCoherence)
    case "--same-article": configuration.sameArticleCoherence = number(configuration.sameArticleCoherence)
    case "--member-support": configuration.memberSupport = number(configuration.memberSupport)
    case "--member-words": configuration.memberWords = number(configuration.memberWords)
    case "--minimum-shared":
        configuration.minimumShared = Int(arguments.popFirst() ?? "") ?? configuration.minimumShared
    case "--slot-pair": configuration.slotPairThreshold = number(configuration.slotPairThreshold)
    case "--word-slot-pair": configuration.wordSlotPairThreshold = number(configuration.wordSlotPairThreshold)
    case "--conflict-pair": configuration.conflictPairThreshold = number(configuration.conflictPairThreshold)
    case "--conflict-ratio": configuration.conflictRatio = number(configuration.conflictRatio)
    case "--mismatch": configuration.numberMismatchFactor = number(configuration.numberMismatchFactor)
    case "--smoothing": configuration.weights.raritySmoothing = number(configuration.weights.raritySmoothing)
    case "--embedding-weight": configuration.weights.embedding = number(configuration.weights.embedding)
    case "--coverage": configuration.weights.coverage = number(configuration.weights.coverage)
    case "--name-weight": configuration.weights.name = weight(configuration.weights.name)
    case "--quoted-name-weight": configuration.weights.quotedName = weight(configuration.weights.quotedName)
    case "--number-weight": configuration.weights.number = weight(configuration.weights.number)
    case "--predicate-weight": configuration.weights.predicate = weight(configuration.weights.predicate)
    case "--minilm":
        do {
            // The settings that go with the encoder (CorroborateConfiguration.meaning); flags after this one change them.
            let embeddings = configuration.embeddings
            let model = try MiniLM(directory: arguments.popFirst() ?? MiniLM.defaultPath)
            if let cache = ProcessInfo.processInfo.environment["MINILM_CACHE"] {
                configuration = .meaning(CachingEncoder(model, path: cache))
            } else {
                configuration = .meaning(model)
            }
            configuration.embeddings = embeddings
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    case "--embeddings":
        do {
            configuration.embeddings = try StaticEmbeddings.shared(arguments.popFirst() ?? StaticEmbeddings.defaultPath)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    default: return false
    }
    return true
}
