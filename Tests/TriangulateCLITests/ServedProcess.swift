import Foundation
import Testing

/// A `triangulate` child that keeps running (`serve`, or an `ingest` to be killed): started with its standard error
/// in a file, stopped by a signal.
final class Running {
    let pid: pid_t
    let stderrPath: String

    init(_ arguments: [String], stderrPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([Child.executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, Child.executable, &actions, nil, argv, environ)
        try #require(spawned == 0, "cannot start \(Child.executable): \(spawned)")
        self.pid = pid
        self.stderrPath = stderrPath
    }

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits until standard error holds `marker` (true) or the child ends or `timeout` passes (false).
    func wait(for marker: String, timeout: Double = 60) -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if stderr.contains(marker) { return true }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return stderr.contains(marker) }
            usleep(20_000)
        }
        return false
    }

    /// Sends `signal` and reaps the child: its exit status, or nil when the signal killed it or it outlived
    /// `timeout` (then it is killed).
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM, timeout: Double = 20) -> Int32? {
        kill(pid, signal)
        let start = Date()
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date().timeIntervalSince(start) > timeout {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
            usleep(20_000)
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
    }
}
