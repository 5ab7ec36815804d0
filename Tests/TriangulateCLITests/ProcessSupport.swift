import Foundation
import Testing

/// Runs the built `triangulate` executable as a child process (what a user runs), with its standard streams
/// redirected to files, a deadline, and its peak memory from `wait4`.
enum Child {
    struct Outcome {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
        var peakMemoryBytes: Int
    }

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `make test` builds the executable before the tests (`swift build --product triangulate`).
    static let executable = root + "/.build/debug/triangulate"

    /// `stdoutPath` nil gives a temporary file whose content comes back in `stdout`; "-" closes standard output.
    static func run(
        _ arguments: [String], stdoutPath: String? = nil, timeout: Double = 120
    ) throws -> Outcome {
        let scratch = NSTemporaryDirectory() + "triangulate-child-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = stdoutPath ?? scratch + "/stdout"
        let errPath = scratch + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if outPath == "-" {
            posix_spawn_file_actions_addclose(&actions, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        try #require(spawned == 0, "cannot start \(executable) (run `swift build` first): \(spawned)")
        let start = Date()
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(5000)
        }
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Outcome(
            status: (status >> 8) & 0xFF, signaled: signaled, timedOut: timedOut,
            stdout: stdoutPath == nil ? read(outPath) : "", stderr: read(errPath),
            seconds: Date().timeIntervalSince(start), peakMemoryBytes: usage.ru_maxrss * 1024)
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "triangulate-proc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "shell command failed: \(command)")
    }
}
