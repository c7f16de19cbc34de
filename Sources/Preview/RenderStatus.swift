import Execution
import Foundation

/// What a render is doing, as one JSON object per line on standard output, for a program
/// that drives it: `ppo-book render --status-stream` writes it, and `ppo-book preview`
/// reads it to show the running cell, its progress, and errors.
///
/// ```json
/// {"event":"cell","place":"notebooks/109.md:28","anchor":"reinforce-seeds"}
/// {"event":"progress","place":"notebooks/109.md:28","anchor":"reinforce-seeds","text":"2/3 seed 1"}
/// {"event":"wrote","page":"output/109.html"}
/// {"event":"failed","errors":["notebooks/109.md:30:5: error: ..."]}
/// ```
public struct RenderStatus: Codable, Equatable, Sendable {
    /// `compiling`, `cell`, `progress`, `wrote` or `failed`.
    public var event: String
    /// The session being compiled.
    public var session: String?
    /// The running cell's opening fence, `file:line`.
    public var place: String?
    /// The running cell's anchor.
    public var anchor: String?
    /// A progress line.
    public var text: String?
    /// The page written.
    public var page: String?
    /// Error messages, each starting with `file:line`.
    public var errors: [String]?

    /// The line for what the executor reports, if it is one the stream carries.
    public init?(_ activity: NotebookExecutor.Activity) {
        switch activity {
        case .compiling(let session, _): self.init(event: "compiling", session: session)
        case .cellStarted(let cell): self.init(event: "cell", place: cell.fence.description, anchor: cell.anchor)
        case .progress(let cell, let report):
            let amount = report.total.map { "\(report.done)/\($0)" } ?? "\(report.done)"
            self.init(event: "progress", place: cell.fence.description, anchor: cell.anchor,
                      text: "\(amount) \(report.message)")
        case .starting, .compiled, .running, .ran, .cached, .warning: return nil
        }
    }

    /// A line from its parts.
    public init(event: String, session: String? = nil, place: String? = nil, anchor: String? = nil,
                text: String? = nil, page: String? = nil, errors: [String]? = nil) {
        self.event = event
        self.session = session
        self.place = place
        self.anchor = anchor
        self.text = text
        self.page = page
        self.errors = errors
    }

    /// Writes the line to standard output, whole, in one write.
    public func send() {
        guard let data = try? JSONEncoder().encode(self) else { return }
        Self.lock.withLock { FileHandle.standardOutput.write(data + Data("\n".utf8)) }
    }

    private static let lock = NSLock()
}
