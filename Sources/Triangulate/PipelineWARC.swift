import Foundation
import TriangulateText

extension Pipeline {
    /// Whether a path names a web archive (`.warc`, `.warc.gz`): read record by record, never whole.
    public static func isWARC(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".warc") || name.hasSuffix(".warc.gz")
    }

    /// Records extracted together on all cores.
    static let warcBatch = 64

    /// The articles of a web archive: every `response` record with a 2xx status whose payload is a web page,
    /// extracted (a batch at a time, on all cores). Its origin is the record's target URI, its id 16 hex digits of a
    /// hash of that URI, its date the record's when the page gives none, its outlet the URI's host when the page
    /// names none. Other records (requests, metadata, redirects, images) are passed over. A record that cannot be
    /// read is a failure naming the file, the record and its URI; a file that cannot be read on ends there, with a
    /// failure, after the records before it.
    /// `progress` hears (bytes read, file size) as the archive is read.
    func extractWARC(
        path: String, workers: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Result<Article, Failure>] {
        let reader: WARCReader
        do {
            reader = try WARCReader(path: path, maxBlockBytes: configuration.ingest.maxFileBytes)
        } catch {
            return [.failure(Failure(origin: path, reason: error.reason))]
        }
        var results: [Result<Article, Failure>] = []
        var batch: [(document: Document, date: String?)] = []
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        func flush() {
            let extract = Extract(configuration: configuration.extract)
            let pending = batch
            results += Parallel.map(count: pending.count, workers: workers) { _, index -> Result<Article, Failure> in
                do throws(ExtractError) {
                    var article = try extract.article(from: pending[index].document)
                    if article.published == nil, let date = pending[index].date {
                        article.published = DateGrammar.parseISO(String(date.prefix(10)))
                    }
                    if article.outlet == nil { article.outlet = HTMLMetadata.host(article.origin) }
                    return .success(article)
                } catch {
                    return .failure(Failure(origin: error.origin, reason: error.reason))
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        while true {
            let record: WARCRecord?
            do {
                record = try reader.next()
            } catch {
                flush()
                return results + [.failure(Failure(origin: path, reason: "record \(error.record): \(error.reason)"))]
            }
            guard let record else { break }
            progress?(min(reader.bytesRead, size), max(size, 1))
            switch document(of: record, number: reader.records, in: path) {
            case .none: continue
            case .failure(let failure)?: results.append(.failure(failure))
            case .success(let document)?:
                batch.append((document, record.date))
                if batch.count >= Self.warcBatch { flush() }
            }
        }
        flush()
        progress?(max(size, 1), max(size, 1))
        return results
    }

    /// The page a record holds; nil for a record that holds none.
    public func document(of record: WARCRecord, number: Int, in path: String) -> Result<Document, Failure>? {
        guard record.type == "response", let uri = record.targetURI,
            record.fields["content-type"]?.lowercased().contains("application/http") == true
        else { return nil }
        let name = "\(path) record \(number) (\(uri))"
        if record.oversized {
            return .failure(
                Failure(origin: name, reason: "over the \(configuration.ingest.maxFileBytes)-byte limit for one page"))
        }
        let payload: HTTPPayload
        do {
            payload = try HTTPPayload.parse(record.block, maxBodyBytes: configuration.ingest.maxDecompressedBytes)
        } catch {
            switch error {
            case .malformed(let reason): return .failure(Failure(origin: name, reason: "HTTP response: \(reason)"))
            case .tooLarge(let limit): return .failure(Failure(origin: name, reason: "body over \(limit) bytes"))
            }
        }
        guard (200..<300).contains(payload.status), payload.isHTML, !payload.body.isEmpty else { return nil }
        return .success(Document(id: FNV1a.hex(uri), origin: uri, kind: .html, bytes: payload.body))
    }
}
