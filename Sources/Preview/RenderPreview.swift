import Execution
import Foundation
import Notebook
import Write

/// What a preview renders and watches: one notebook, or a course folder rendered whole as its
/// site (index, lesson pages with their navigation, search). It renders on each settled save by
/// running `ppo-book render` as a child process, and restarts a running render when a new save
/// comes in. The browser learns of each step through ``PreviewState``; pages count as new only
/// once the render that wrote them has ended.
final class RenderPreview: @unchecked Sendable {
    /// The notebook's path, or the course folder's.
    let path: String
    /// Whether `path` is a course folder.
    let isCourse: Bool
    /// What the pages' script is told.
    let state = PreviewState()

    private let executable: String
    private let renderArguments: [String]
    private let watcher: FileWatcher
    private let lock = NSLock()
    private var running: RenderProcess?
    private var finished = false

    /// Prepares the preview of the notebook or course folder at `path`; `renderArguments` are
    /// added to every `render`.
    init(path: String, isCourse: Bool, executable: String, renderArguments: [String]) {
        self.path = isCourse && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.isCourse = isCourse
        self.executable = executable
        self.renderArguments = renderArguments
        watcher = FileWatcher(files: [self.path], folders: isCourse ? [self.path] : [])
    }

    /// The page `/` leads to: the course's index, or the notebook's page.
    var homePage: String {
        guard !isCourse else { return "index.html" }
        let file = URL(fileURLWithPath: path).lastPathComponent
        return (file.hasSuffix(".md") ? String(file.dropLast(3)) : file) + ".html"
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
            let log = RenderLog()
            do {
                running = try RenderProcess(
                    executable: executable, arguments: ["render", path, "--status-stream"] + renderArguments,
                    onStatus: { [weak self] status in self?.accept(status, log: log) },
                    onExit: { [weak self] exit in
                        guard let self, let exit else { return }
                        self.finish(exit: exit, log: log)
                    })
            } catch {
                state.update { $0.rendering = false; $0.errors = ["\(path): error: \(error)"] }
            }
        }
    }

    private func accept(_ status: RenderStatus, log: RenderLog) {
        switch status.event {
        case "cell":
            state.update { $0.cell = "\(status.place ?? "") [\(status.anchor ?? "")]"; $0.progress = nil }
        case "progress":
            state.update { $0.cell = "\(status.place ?? "") [\(status.anchor ?? "")]"; $0.progress = status.text }
        case "compiling":
            state.update { $0.cell = nil; $0.progress = "compiling session '\(status.session ?? "")'" }
        case "failed":
            log.append(errors: status.errors ?? [])
        case "wrote":
            log.notePageWritten()
        default:
            break
        }
    }

    /// After a render: new pages (a course writes its index and search page last, so pages are
    /// new only once the render has ended), and the errors if it failed.
    private func finish(exit: Int32, log: RenderLog) {
        watcher.watch(watchedFiles())
        let (errors, wrotePages) = log.outcome
        state.update {
            $0.rendering = false
            $0.cell = nil
            $0.progress = nil
            if wrotePages { $0.pageVersion += 1 }
            if exit != 0 {
                $0.errors = errors.isEmpty ? ["\(path): error: the render ended with status \(exit)"] : errors
            } else {
                $0.errors = []
            }
        }
    }

    /// The notebooks and the files their front matter declares, and for a course its `course.yml`
    /// (watched even while missing, so creating it counts); unreadable notebooks count as themselves.
    private func watchedFiles() -> [String] {
        var notebooks = [path]
        var files: [String] = []
        if isCourse {
            files.append("\(path)/\(CourseLoader.courseFileName)")
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: path))?
                .filter { $0.hasSuffix(".md") }.map { "\(path)/\($0)" } ?? []
            let lessons = (try? CourseLoader().load(folder: path))?.lessons.map(\.path) ?? []
            notebooks = Array(Set(listed + lessons)).sorted()
        }
        for notebook in notebooks {
            files.append(notebook)
            guard let parsed = try? NotebookParser().parse(contentsOf: notebook),
                  let inputs = try? DeclaredInputs(of: parsed) else { continue }
            files += inputs.files.map(inputs.path(of:))
        }
        return files
    }
}

/// What one render reported: its error messages, and whether it wrote a page.
private final class RenderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    private var wrotePages = false

    func append(errors more: [String]) { lock.withLock { errors += more } }

    func notePageWritten() { lock.withLock { wrotePages = true } }

    var outcome: (errors: [String], wrotePages: Bool) { lock.withLock { (errors, wrotePages) } }
}
