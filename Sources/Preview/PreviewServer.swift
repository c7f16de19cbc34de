import FlyingFox
import Foundation

/// The preview's web server, on 127.0.0.1 only: each notebook's page as `render` wrote it
/// with ``ReloadScript`` added, the figure files beside it, and the state the script polls.
public final class PreviewServer: @unchecked Sendable {
    private let notebooks: [NotebookPreview]
    private let outputDirectory: String
    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    /// A server on `port` (0 for any free one) for `notebooks`, rendered by `executable`
    /// into `outputDirectory`; `renderArguments` are added to every `render`.
    public init(notebooks paths: [String], outputDirectory: String, port: UInt16, executable: String,
                renderArguments: [String]) throws {
        notebooks = paths.map {
            NotebookPreview(path: $0, executable: executable,
                            renderArguments: ["--output", outputDirectory] + renderArguments)
        }
        self.outputDirectory = outputDirectory
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Starts serving and rendering; returns the port the server listens on.
    public func start() async throws -> UInt16 {
        await server.appendRoute("GET /_preview/state") { [notebooks] request in
            guard let name = request.query["name"], let preview = notebooks.first(where: { $0.name == name }) else {
                return HTTPResponse(statusCode: .notFound)
            }
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
        notebooks.forEach { $0.start() }
        return port
    }

    /// Stops every render and the server.
    public func stop() async {
        notebooks.forEach { $0.stop() }
        await server.stop(timeout: 1)
        task?.cancel()
    }

    /// The page of a notebook (with the script), a file under the output folder, or an index of the pages.
    private func response(for path: String) -> HTTPResponse {
        let relative = path.split(separator: "/").map(String.init)
        guard !relative.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        if relative.isEmpty {
            return notebooks.count == 1 ? redirect(to: "/\(notebooks[0].name).html") : index()
        }
        if relative.count == 1, let preview = notebooks.first(where: { "\($0.name).html" == relative[0] }) {
            let version = preview.state.current.pageVersion
            let page = (try? String(contentsOfFile: "\(outputDirectory)/\(relative[0])", encoding: .utf8))
                ?? Self.placeholder(title: preview.name)
            return html(ReloadScript.inject(into: page, name: preview.name, version: version))
        }
        let file = ([outputDirectory] + relative).joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: file) else { return HTTPResponse(statusCode: .notFound) }
        let type = file.hasSuffix(".svg") ? "image/svg+xml" : file.hasSuffix(".csv") ? "text/csv; charset=utf-8"
            : "application/octet-stream"
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type] as HTTPHeaders, body: data)
    }

    private func index() -> HTTPResponse {
        let links = notebooks.map { "<li><a href=\"/\($0.name).html\">\(Self.escape($0.name))</a></li>" }.joined()
        return html("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Preview</title></head>"
                    + "<body><h1>Notebooks</h1><ul>\(links)</ul></body></html>")
    }

    private func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(statusCode: .temporaryRedirect, headers: [.location: location] as HTTPHeaders)
    }

    private func html(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"] as HTTPHeaders,
                     body: Data(text.utf8))
    }

    /// What is shown before a notebook's first page is written.
    private static func placeholder(title: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head>"
            + "<body><p>No page yet for \(escape(title)): the first render is running.</p></body></html>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
