import TriangulateText

/// `triangulate cluster` as a library entry: JSON lines `{"id", "text", "title"?, "published"?}` in, fed chunk by
/// chunk in any sizes; one output line `{"id", "story"}` per input line at the end (`{"line", "error"}` for a line
/// that cannot be read), and the near-duplicates as `{"copy", "source", "similarity"}` lines. A line longer than
/// `maxLineBytes` is reported and skipped without being held in memory whole.
public struct JSONLinesClustering {
    /// Articles handed to the clusterer at a time (features are computed on all cores within a batch).
    public static let batchSize = 4096
    public let maxLineBytes: Int
    /// Called at once for every line that cannot be read, with its description.
    private let onError: (String) -> Void

    private let session: ClusterSession
    private var ids: [String] = []  // per article, in order
    private var slots: [Int?] = []  // per input line: its article, or nil for an unreadable line
    private var errors: [Int: (line: Int, description: String)] = [:]  // by output position
    private var batch: [ClusterItem] = []
    private var pending: [UInt8] = []
    private var linesBefore = 0  // input lines (blank ones included) before the bytes being consumed
    private var skippingLongLine = false

    public init(
        configuration: ClusterConfiguration = .default, maxLineBytes: Int = 16 << 20,
        onError: @escaping (String) -> Void = { _ in }
    ) {
        self.session = ClusterSession(configuration: configuration)
        self.maxLineBytes = maxLineBytes
        self.onError = onError
    }

    /// Articles read so far.
    public var articleCount: Int { ids.count }

    public mutating func consume(_ chunk: [UInt8]) {
        var bytes = chunk[...]
        if skippingLongLine {
            guard let newline = bytes.firstIndex(of: 0x0A) else { return }
            bytes = bytes[(newline + 1)...]
            skippingLongLine = false
        }
        // The line in progress (`pending` holds nothing else) would grow past the limit: report and drop it.
        let firstNewline = bytes.firstIndex(of: 0x0A)
        if pending.count + ((firstNewline ?? bytes.endIndex) - bytes.startIndex) > maxLineBytes {
            linesBefore += 1
            fail("line \(linesBefore): longer than \(maxLineBytes >> 20) MiB, skipped", line: linesBefore)
            pending.removeAll()
            guard let firstNewline else {
                skippingLongLine = true
                return
            }
            bytes = bytes[(firstNewline + 1)...]
        }
        pending += bytes
        if let lastNewline = pending.lastIndex(of: 0x0A) {
            lines(pending[...lastNewline])
            pending.removeSubrange(...lastNewline)
        }
    }

    /// Ends the input: the story of every line, in input order, and the near-duplicate lines.
    public mutating func finish() -> (assignments: String, lineage: String) {
        if !pending.isEmpty { lines(pending[...]) }
        pending.removeAll()
        session.add(batch)
        batch.removeAll()
        let result = session.finish()
        var out = ""
        out.reserveCapacity(ids.count * 40)
        for (position, slot) in slots.enumerated() {
            if let slot {
                // A story is named by its first article's id.
                out +=
                    "{\"id\":\(JSONReport.quote(ids[slot])),\"story\":\(JSONReport.quote(ids[result.stories[slot]]))}\n"
            } else {
                let (number, description) = errors[position] ?? (position + 1, "unreadable")
                out += "{\"line\":\(number),\"error\":\(JSONReport.quote(description))}\n"
            }
        }
        var edges = ""
        for edge in result.duplicates {
            edges +=
                "{\"copy\":\(JSONReport.quote(ids[edge.copy])),\"source\":\(JSONReport.quote(ids[edge.source])),"
                + "\"similarity\":\((edge.similarity * 1000).rounded() / 1000)}\n"
        }
        return (out, edges)
    }

    private mutating func fail(_ description: String, line: Int) {
        slots.append(nil)
        errors[slots.count - 1] = (line, description)
        onError(description)
    }

    private mutating func lines(_ bytes: ArraySlice<UInt8>) {
        var parsed: [(Result<ClusterItem, JSONLines.Failure>, Int)] = []
        JSONLines.forEachLine(in: Array(bytes)) { line, number in
            do throws(JSONLines.Failure) {
                parsed.append((.success(try ClusterItem.parse(line: line, number: linesBefore + number)), 0))
            } catch {
                parsed.append((.failure(error), linesBefore + number))
            }
        }
        for (result, line) in parsed {
            switch result {
            case .success(let item):
                ids.append(item.id)
                slots.append(ids.count - 1)
                batch.append(item)
                if batch.count >= Self.batchSize {
                    session.add(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            case .failure(let error): fail(error.description, line: line)
            }
        }
        linesBefore += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
