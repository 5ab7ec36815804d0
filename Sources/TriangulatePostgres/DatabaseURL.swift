import Foundation
import TriangulateStore

/// A `postgresql://` (or `postgres://`) address as libpq reads it: `postgresql://[user[:password]@][host][:port][/database]
/// [?sslmode=disable|prefer|require]`. A password missing from the address comes from `PGPASSWORD`, else from the
/// password file (`PGPASSFILE`, else `~/.pgpass`; ignored when others may read it, as libpq does). The password is
/// never part of `description`: logs and errors name the address redacted.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// libpq's sslmode: `prefer` and `require` encrypt without checking the certificate (as libpq does);
    /// `verify-ca` checks it against the system's trusted roots, `verify-full` also checks the host name.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert`: the PEM file of the roots `verify-ca` and `verify-full` trust (default: the system's).
    public var rootCertificate: String?

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isPostgreSQL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads `text`; the environment and the password file fill what it leaves out.
    public init(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        passwordFile: String? = nil
    ) throws(StoreError) {
        guard Self.isPostgreSQL(text), let components = URLComponents(string: text) else {
            throw .cannotOpen(path: Self.redact(text), reason: "not a postgresql:// address")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGHOST"] ?? "localhost"
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        port = components.port ?? environment["PGPORT"].flatMap { Int($0) } ?? 5432
        guard (1...65535).contains(port) else {
            throw .cannotOpen(path: Self.redact(text), reason: "the port \(port) is out of range")
        }
        // URLComponents decodes user, password and path once; they are used as they come.
        user =
            components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"]
            ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? environment["PGDATABASE"] ?? user : path
        var mode = TLSMode.prefer
        var queryPassword: String?
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"), ("sslmode", "allow"): mode = .disable
            case ("sslmode", let value):
                guard let known = TLSMode(rawValue: value) else {
                    throw .cannotOpen(path: Self.redact(text), reason: "sslmode '\(value)' is not known")
                }
                mode = known
            case ("password", let value): queryPassword = value
            case ("sslrootcert", let value): rootCertificate = value.isEmpty ? nil : value
            default:
                throw .cannotOpen(
                    path: Self.redact(text), reason: "the parameter '\(item.name)' is not one Triangulate reads")
            }
        }
        tls = mode
        password =
            components.password ?? queryPassword
            ?? environment["PGPASSWORD"]
            ?? Self.passwordFromFile(
                passwordFile ?? environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" }),
                host: host, port: port, database: database, user: user)
    }

    /// The address without its password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// The address in full, with its password when `withPassword` (for a child process, never for a log).
    public func address(withPassword: Bool) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let credentials = encode(user) + (withPassword ? password.map { ":" + encode($0) } ?? "" : "")
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let mode = "?sslmode=\(tls.rawValue)"
        return "postgresql://\(credentials)@\(shownHost):\(port)/\(encode(database))\(mode)"
    }

    /// `text` with any password between `user:` and `@` replaced by `***`, for messages about an address that could
    /// not be read.
    public static func redact(_ text: String) -> String {
        var shown = text
        // A password given as a parameter.
        if let query = shown.firstIndex(of: "?") {
            let parameters = shown[shown.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("password=") ? "password=***" : String($0) }
            shown = String(shown[...query]) + parameters.joined(separator: "&")
        }
        // The credentials end at the last "@" (a password typed unencoded may hold "@", "/" or "?"; an "@" later
        // in the address hides more, never less).
        guard let scheme = shown.range(of: "://"), let at = shown[scheme.upperBound...].lastIndex(of: "@"),
            let colon = shown[scheme.upperBound..<at].firstIndex(of: ":")
        else { return shown }
        return String(shown[..<colon]) + ":***" + String(shown[at...])
    }

    /// The password of the first line of a `.pgpass` file matching the connection (`*` matches anything; `\:` and
    /// `\\` are escapes). The file is ignored when it is missing, not a regular file, or readable by others.
    static func passwordFromFile(_ path: String?, host: String, port: Int, database: String, user: String) -> String? {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
            let data = FileManager.default.contents(atPath: path), data.count < 1 << 20
        else { return nil }
        let wanted = [host, String(port), database, user]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            let fields = splitFields(line)
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value
            }
            if matches { return fields[4] }
        }
        return nil
    }

    private static func splitFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
