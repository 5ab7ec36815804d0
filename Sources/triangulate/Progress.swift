import ArgumentParser
import Foundation
import Synchronization
import Triangulate

/// Progress of `analyze` and `ingest` on standard error, only when it is a terminal: one line per stage with a bar,
/// overwritten in place.
final class ProgressDisplay: Sendable {
    let enabled: Bool
    /// Last time a line was drawn, so that thousands of small articles do not flood the terminal.
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func report(_ progress: PipelineProgress) {
        guard enabled else { return }
        let final = progress.done >= progress.total
        let now = ContinuousClock.now
        let due = last.withLock { previous -> Bool in
            if !final, progress.done > 0, let previous, now - previous < .milliseconds(100) { return false }
            previous = now
            return true
        }
        guard due else { return }
        let line: String
        switch progress.stage {
        case .archive:
            let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_000_000) }
            line =
                Self.bar(progress) + " reading web archives \(megabytes(progress.done))/\(megabytes(progress.total)) MB"
        case .extract: line = Self.bar(progress) + " extracting \(progress.done)/\(progress.total) files"
        case .annotate: line = Self.bar(progress) + " annotating \(progress.done)/\(progress.total) articles"
        case .cluster: line = final ? "clustered into stories" : "clustering articles into stories"
        case .corroborate: line = Self.bar(progress) + " corroborating \(progress.done)/\(progress.total) stories"
        }
        Terminal.progress(line, final: final)
    }

    /// `[#########...........]  45%`: twenty cells, filled in proportion to what is done.
    static func bar(_ progress: PipelineProgress) -> String {
        let total = max(1, progress.total)
        let done = min(max(0, progress.done), total)
        let filled = done * 20 / total
        let percent = done * 100 / total
        let padded = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "] " + padded
    }
}

/// What the directory walk passed over: one summary line by reason, or every name with `--verbose`.
enum SkippedSummary {
    static func report(_ skipped: [SkippedInput], verbose: Bool) {
        guard !skipped.isEmpty else { return }
        if verbose {
            for entry in skipped { Terminal.error("skipped \(entry.path): \(entry.reason)") }
            return
        }
        var counts: [String: Int] = [:]
        for entry in skipped { counts[category(entry.reason), default: 0] += 1 }
        let parts = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
        Terminal.error(
            "skipped \(skipped.count) \(skipped.count == 1 ? "entry" : "entries") while walking: "
                + parts.joined(separator: ", ") + " (--verbose names them)")
    }

    private static func category(_ reason: SkippedInput.Reason) -> String {
        switch reason {
        case .unsupportedType(let ext): return ext.isEmpty ? "without extension" : "of type .\(ext)"
        case .notRegular(let kind): return kind
        case .duplicate: return "read already through another path"
        case .directoryLoop: return "directory link loop"
        case .projectDocument: return "project document"
        case .unreadable: return "unreadable"
        }
    }
}

/// Limits on one input, shared by the subcommands that read articles.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse a file larger than this many bytes (default 16 MiB).", valueName: "BYTES"))
    var maxBytes: Int?

    @Option(help: ArgumentHelp("Seconds one article may take to annotate (default 30).", valueName: "SECONDS"))
    var timeBudget: Double?

    func validate() throws {
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1.") }
        if let timeBudget, !(timeBudget > 0 && timeBudget.isFinite) {
            throw ValidationError("--time-budget must be a positive number of seconds.")
        }
    }

    func apply(to configuration: inout PipelineConfiguration) {
        if let maxBytes { configuration.ingest.maxFileBytes = maxBytes }
        if let timeBudget { configuration.annotate.timeBudget = timeBudget }
    }
}
