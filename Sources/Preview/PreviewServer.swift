import FlyingFox
import Foundation

/// The preview's web server, on 127.0.0.1 only: the pages `render` wrote (a notebook's page,
/// or a course's whole site) with ``ReloadScript`` added, the files beside them, and the
/// state the script polls.
public final class PreviewServer: @unchecked Sendable {
    private let preview: RenderPreview
    private let outputDirectory: String
    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    /// A server on `port` (0 for any free one) for the notebook or course folder at `input`,
    /// rendered by `executable` into `outputDirectory`; `renderArguments` are added to every `render`.
    public init(input: String, isCourse: Bool, outputDirectory: String, port: UInt16, executable: String,
                renderArguments: [String]) throws {
        preview = RenderPreview(path: input, isCourse: isCourse, executable: executable,
                                renderArguments: ["--output", outputDirectory] + renderArguments)
        self.outputDirectory = outputDirectory
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Starts serving and rendering; returns the port the server listens on.
    public func start() async throws -> UInt16 {
        await server.appendRoute("GET /_preview/state") { [preview] request in
            let since = request.query["since"].flatMap { Int($0) } ?? -1
            let state = await preview.state.change(after: since, timeout: 20)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"] as HTTPHeaders,
                                body: try JSONEncoder().encode(state))
        }
        await server.appendRoute("GET *") { [self] request in response(for: request.path) }
        task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw PreviewError("the server did not report the port it listens on")
        }
        preview.start()
        return port
    }

    /// Stops the render and the server.
    public func stop() async {
        preview.stop()
        await server.stop(timeout: 1)
        task?.cancel()
    }

    /// A page (with the script), or a file under the output folder; `/` leads to the home page.
    private func response(for path: String) -> HTTPResponse {
        let relative = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard !relative.contains(where: { $0.hasPrefix(".") || $0.contains("/") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        if relative.isEmpty { return redirect(to: "/" + preview.homePage) }
        let file = ([outputDirectory] + relative).joined(separator: "/")
        let version = preview.state.current.pageVersion
        if relative.count == 1, relative[0].hasSuffix(".html") {
            if let page = try? String(contentsOfFile: file, encoding: .utf8) {
                return html(ReloadScript.inject(into: page, version: version))
            }
            if relative[0] == preview.homePage {
                return html(ReloadScript.inject(into: Self.placeholder(title: relative[0]), version: version))
            }
        }
        guard let data = FileManager.default.contents(atPath: file) else { return HTTPResponse(statusCode: .notFound) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(of: file), .cacheControl: "no-store"] as HTTPHeaders,
                            body: data)
    }

    /// The type of a file the pages link to: figures, their data, the search scripts, sources, handouts.
    private static func contentType(of file: String) -> String {
        switch URL(fileURLWithPath: file).pathExtension {
        case "svg": "image/svg+xml"
        case "csv": "text/csv; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "json", "ipynb": "application/json"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }

    private func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(statusCode: .temporaryRedirect, headers: [.location: location] as HTTPHeaders)
    }

    private func html(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"] as HTTPHeaders,
                     body: Data(text.utf8))
    }

    /// What is shown before the first render has written the home page.
    private static func placeholder(title: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head>"
            + "<body><p>No page yet for \(escape(title)): the first render is running.</p></body></html>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
