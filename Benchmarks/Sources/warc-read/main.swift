// Web-archive reading speed and memory on one core (`make bench-warc`).
//   warc-read --read FILE      every record read and every HTTP payload parsed; nothing kept (the reader's memory)
//   warc-read --extract FILE   every page extracted on one core (workers: 1), the articles kept as analyze keeps them
// Prints records/s, MB/s of the file and of the decompressed records, and the peak resident memory.
import Foundation
import Triangulate

let arguments = CommandLine.arguments
guard arguments.count == 3, ["--read", "--extract"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: warc-read --read|--extract FILE.warc[.gz]\n".utf8))
    exit(64)
}
let path = arguments[2]
let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let clock = ContinuousClock()
let start = clock.now
var records = 0
var payloadBytes = 0
var pages = 0
if arguments[1] == "--read" {
    do {
        let reader = try WARCReader(path: path, maxBlockBytes: 16 << 20)
        while let record = try reader.next() {
            records += 1
            payloadBytes += record.block.count
            if record.type == "response", (try? HTTPPayload.parse(record.block, maxBodyBytes: 64 << 20)) != nil {
                pages += 1
            }
        }
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
} else {
    let results = Pipeline().extract(paths: [path], workers: 1)
    pages = results.filter { (try? $0.get()) != nil }.count
    records = pages
}
let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let mb = { (bytes: Int) in Double(bytes) / 1_000_000 }
print(
    String(
        format:
            "%@ %@: %d records (%d pages) in %.2f s: %.0f records/s, %.1f MB/s of file (%.1f MB)%@, peak RSS %.1f MB",
        arguments[1], (path as NSString).lastPathComponent, records, pages, seconds, Double(records) / seconds,
        mb(fileBytes) / seconds, mb(fileBytes),
        payloadBytes > 0 ? String(format: ", %.1f MB/s of records", mb(payloadBytes) / seconds) : "",
        Double(usage.ru_maxrss) / 1024))
