import ArgumentParser
import Foundation

/// Standard-error messages and file output shared by the subcommands.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("triangulate: \(message)\n".utf8))
    }

    static func progress(_ message: String, final: Bool) {
        FileHandle.standardError.write(Data("\r\(message)\(final ? "\n" : "")".utf8))
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
