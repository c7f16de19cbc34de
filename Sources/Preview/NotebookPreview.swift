import Execution
import Foundation
import Notebook

/// One notebook under preview: it watches the notebook and its declared inputs, renders
/// on each settled save by running `ppo-book render` as a child process, and restarts a
/// running render when a new save comes in. The browser learns of each step through
/// ``PreviewState``; a page counts as new only once the render reported it written.
final class NotebookPreview: @unchecked Sendable {
    /// The notebook's path.
    let path: String
    /// Its name, which its page is named after.
    let name: String
    /// What the page's script is told.
    let state = PreviewState()

    private let executable: String
    private let renderArguments: [String]
    private let watcher: FileWatcher
    private let lock = NSLock()
    private var running: RenderProcess?
    private var finished = false

    /// Prepares the preview of the notebook at `path`; `renderArguments` are added to every `render`.
    init(path: String, executable: String, renderArguments: [String]) {
        self.path = path
        let file = URL(fileURLWithPath: path).lastPathComponent
        name = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        self.executable = executable
        self.renderArguments = renderArguments
        watcher = FileWatcher(files: [path])
    }

    /// Renders now, then again on every save, until ``stop()``.
    func start() {
        watcher.watch(watchedFiles())
        render()
        watcher.start { [weak self] in self?.render() }
    }

    /// Stops the running render, if any, and renders no more.
    func stop() {
        let process: RenderProcess? = lock.withLock {
            finished = true
            defer { running = nil }
            return running
        }
        process?.stop()
    }

    /// Starts a render, stopping the one running first.
    private func render() {
        let earlier: RenderProcess? = lock.withLock {
            defer { running = nil }
            return running
        }
        earlier?.stop()
        lock.withLock {
            guard !finished else { return }
            state.update { $0.rendering = true; $0.cell = nil; $0.progress = nil }
            let errors = ErrorList()
            do {
                running = try RenderProcess(
                    executable: executable, arguments: ["render", path, "--status-stream"] + renderArguments,
                    onStatus: { [weak self] status in self?.accept(status, errors: errors) },
                    onExit: { [weak self] exit in
                        guard let self, let exit else { return }
                        self.finish(exit: exit, errors: errors.all)
                    })
            } catch {
                state.update { $0.rendering = false; $0.errors = ["\(path): error: \(error)"] }
            }
        }
    }

    private func accept(_ status: RenderStatus, errors: ErrorList) {
        switch status.event {
        case "cell":
            state.update { $0.cell = "\(status.place ?? "") [\(status.anchor ?? "")]"; $0.progress = nil }
        case "progress":
            state.update { $0.cell = "\(status.place ?? "") [\(status.anchor ?? "")]"; $0.progress = status.text }
        case "compiling":
            state.update { $0.cell = nil; $0.progress = "compiling session '\(status.session ?? "")'" }
        case "failed":
            errors.append(status.errors ?? [])
        case "wrote":
            state.update {
                $0.pageVersion += 1
                $0.errors = []
            }
        default:
            break
        }
    }

    private func finish(exit: Int32, errors: [String]) {
        watcher.watch(watchedFiles())
        state.update {
            $0.rendering = false
            $0.cell = nil
            $0.progress = nil
            if exit != 0 {
                $0.errors = errors.isEmpty ? ["\(path): error: the render ended with status \(exit)"] : errors
            }
        }
    }

    /// The notebook and the files its front matter declares (just the notebook while it does not parse).
    private func watchedFiles() -> [String] {
        guard let notebook = try? NotebookParser().parse(contentsOf: path),
              let inputs = try? DeclaredInputs(of: notebook) else { return [path] }
        return [path] + inputs.files.map(inputs.path(of:))
    }
}

/// The error messages of one render, gathered from its status lines.
private final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func append(_ more: [String]) { lock.withLock { errors += more } }

    var all: [String] { lock.withLock { errors } }
}
