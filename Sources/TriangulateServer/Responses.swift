import Foundation
import Hummingbird
import Triangulate

/// An error a route answers with: its status, and a message naming what was wrong, sent as `{"error": "…"}`.
public struct APIError: Error, HTTPResponseError, Sendable, Hashable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) -> Response { response }

    /// The JSON body `{"error": "…"}` with the status.
    var response: Response { Reply.json("{\"error\":\(JSONReport.quote(message))}", status: status) }
}

/// Responses with a body and its content type.
enum Reply {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, status: status, type: "application/json; charset=utf-8")
    }

    /// `value` through JSONEncoder (keys sorted, slashes as they are).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return json(String(decoding: try encoder.encode(value), as: UTF8.self), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, status: status, type: "text/html; charset=utf-8")
    }

    static func body(_ text: String, status: HTTPResponse.Status, type: String) -> Response {
        Response(
            status: status, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Every response, errors included, goes out with a strict Content-Security-Policy (no script at all, styles and
/// images only from this server, no framing) and `X-Content-Type-Options: nosniff`. Errors thrown by a route or by
/// the router become JSON `{"error": "…"}` here, so that they carry the headers too.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'"
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = error.response
        } catch let error as HTTPError {
            response = APIError(error.status, error.body ?? error.status.reasonPhrase).response
        } catch let error as any HTTPResponseError {
            let message =
                error.status == .contentTooLarge ? "the request body is too large" : error.status.reasonPhrase
            response = APIError(error.status, message).response
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            response = APIError(.internalServerError, "internal error").response
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}
