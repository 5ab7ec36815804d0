import TriangulateText
import Foundation

/// The real identity of a file: device and inode, the same through every path and link that reaches it.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }

    /// `stat` (following links, unless told not to) of `path`, or nil with `errno` set.
    static func status(_ path: String, followingLinks: Bool = true) -> stat? {
        var info = stat()
        let code = followingLinks ? stat(path, &info) : lstat(path, &info)
        return code == 0 ? info : nil
    }

    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }
}

/// Expands the paths the user named into regular files to read, in a fixed order: the paths as given, each
/// directory's entries sorted by name, depth first. Every file is reached once, whatever links or repeated paths
/// lead to it; directories reached again through a link are not walked again (no loops).
struct DirectoryWalk {
    let configuration: IngestConfiguration
    private(set) var inputs: [Result<Ingest.Input, IngestError>] = []
    private(set) var skipped: [SkippedInput] = []
    private var seenFiles: [FileIdentity: String] = [:]
    private var seenDirectories: Set<FileIdentity> = []

    init(configuration: IngestConfiguration) {
        self.configuration = configuration
    }

    mutating func add(named path: String) {
        guard let info = FileIdentity.status(path) else {
            let code = errno
            if FileIdentity.status(path, followingLinks: false) != nil {
                inputs.append(.failure(.unreadable(path: path, reason: "a symbolic link to nothing, or a loop")))
            } else if code == ENOENT {
                inputs.append(.failure(.notFound(path: path)))
            } else {
                inputs.append(.failure(.unreadable(path: path, reason: String(cString: strerror(code)))))
            }
            return
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            let (before, skippedBefore) = (inputs.count, skipped.count)
            walk(path, identity: FileIdentity(info))
            let readAlready = skipped[skippedBefore...].contains {
                if case .duplicate = $0.reason { return true }
                return $0.reason == .directoryLoop
            }
            if inputs.count == before && !readAlready { inputs.append(.failure(.noInputs(path: path))) }
            return
        }
        if let kind = FileIdentity.kindName(info.st_mode) {
            inputs.append(.failure(.unreadable(path: path, reason: "not a regular file (\(kind))")))
            return
        }
        // Named files are read whatever their extension: their content decides whether they are text.
        addFile(path, identity: FileIdentity(info), named: true)
    }

    private mutating func addFile(_ path: String, identity: FileIdentity, named: Bool) {
        if let original = seenFiles[identity] {
            skipped.append(SkippedInput(path: path, reason: .duplicate(of: original)))
            return
        }
        seenFiles[identity] = path
        inputs.append(.success(Ingest.Input(path: path, named: named)))
    }

    /// Depth first in name order (a subdirectory's files come where its name sorts), with an explicit stack of
    /// open directories rather than recursion on input structure.
    private mutating func walk(_ root: String, identity: FileIdentity) {
        seenDirectories.insert(identity)
        var stack: [(directory: String, names: [String], next: Int)] = []
        if let names = list(root) { stack.append((root, names, 0)) }
        while let top = stack.last {
            guard top.next < top.names.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let name = top.names[top.next]
            let child = top.directory.hasSuffix("/") ? top.directory + name : top.directory + "/" + name
            guard let info = FileIdentity.status(child) else {
                skipped.append(SkippedInput(path: child, reason: .unreadable(reason: "a link to nothing")))
                continue
            }
            let identity = FileIdentity(info)
            if info.st_mode & S_IFMT == S_IFDIR {
                guard configuration.recursive else { continue }
                if !seenDirectories.insert(identity).inserted {
                    skipped.append(SkippedInput(path: child, reason: .directoryLoop))
                } else if let names = list(child) {
                    stack.append((child, names, 0))
                }
                continue
            }
            if let kind = FileIdentity.kindName(info.st_mode) {
                skipped.append(SkippedInput(path: child, reason: .notRegular(kind: kind)))
                continue
            }
            let ext = Ingest.fileExtension(name)
            if !configuration.extensions.contains(ext) {
                skipped.append(SkippedInput(path: child, reason: .unsupportedType(fileExtension: ext)))
            } else if Ingest.isProjectDocument(name) {
                skipped.append(SkippedInput(path: child, reason: .projectDocument))
            } else {
                addFile(child, identity: identity, named: false)
            }
        }
    }

    /// A directory's entries in name order (hidden ones left out unless configured), or nil when it cannot be listed.
    private mutating func list(_ directory: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            skipped.append(SkippedInput(path: directory, reason: .unreadable(reason: "directory cannot be listed")))
            return nil
        }
        return names.filter { configuration.includeHidden || !$0.hasPrefix(".") }.sorted()
    }
}
