import ArgumentParser
import Foundation
import Triangulate
import TriangulatePostgres
import TriangulateStore
import TriangulateWeb

extension IngestCommand {
    /// `--queue`: the inputs read (files as Ingest reads them, pages fetched) and queued, one job per document, in
    /// one transaction; nothing is extracted here. Inputs that cannot be read are named on standard error.
    func enqueue(files: [String], fetched: FetchedInputs, configuration: PipelineConfiguration) throws {
        var documents: [Document] = []
        var failures = fetched.failures
        let archives = files.filter(Pipeline.isWARC)
        for archive in archives {
            failures.append(
                Failure(origin: archive, reason: "web archives are not queued; ingest them without --queue"))
        }
        let named = files.filter { !archives.contains($0) }
        for result in Ingest(configuration: configuration.ingest).documents(from: named) {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let error): failures.append(Failure(origin: error.path, reason: error.reason))
            }
        }
        documents += fetched.documents
        let ids: [Int]
        do {
            ids = try WorkQueue(store: try Database.openPostgreSQL(database)).enqueue(documents)
        } catch {
            throw FileIO.fail("\(error)")
        }
        if !quiet {
            for failure in failures { Terminal.error("\(failure.origin): \(failure.reason)") }
            let range = ids.isEmpty ? "" : " (jobs \(ids.first ?? 0)–\(ids.last ?? 0))"
            Terminal.error("\(Database.display(database)): \(ids.count) queued\(range)")
        }
        if documents.isEmpty { throw ExitCode.failure }
    }
}
