/// Why a URL gave no document. Every case names the URL.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case badURL, privateAddress, dns, connection, timeout, status, tooLarge, notAPage, robots, tooManyRedirects
    }
    public var url: String
    public var kind: Kind
    public var reason: String

    public init(_ url: String, _ kind: Kind, _ reason: String) {
        self.url = url
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(url): \(reason)" }
}
