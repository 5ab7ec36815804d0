// Checks the Swift MiniLM against a reference: prints, for each line of standard input, its token ids and its
// sentence vector as JSON lines, and the encoding rate. scripts/check-minilm.py feeds the same ids through the numpy
// forward pass of scripts/distill-embeddings.py and compares.
// Usage: minilm-check [MODEL_DIR] < sentences.txt
import Foundation
import TriangulateMiniLM

let directory = CommandLine.arguments.dropFirst().first ?? "../" + MiniLM.defaultPath
let model: MiniLM
do {
    model = try MiniLM(directory: directory)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
var lines: [String] = []
while let line = readLine() { lines.append(line) }
let began = Date()
let vectors = model.encode(lines)
let seconds = Date().timeIntervalSince(began)
for (line, vector) in zip(lines, vectors) {
    let ids = model.tokens(line).map(String.init).joined(separator: ",")
    let values = vector.map { String(format: "%.6f", $0) }.joined(separator: ",")
    print("{\"ids\": [\(ids)], \"vector\": [\(values)]}")
}
FileHandle.standardError.write(
    Data(
        String(format: "%d sentences in %.3f s (%.1f / s)\n", lines.count, seconds, Double(lines.count) / seconds).utf8)
)
