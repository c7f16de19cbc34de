import CellEvents
import Execution
import Foundation
import Notebook
import Preview
import Render
import Write

/// Renders one lesson: checks its links, runs its cells, writes its page and figures, copies the
/// files it links to, and writes the other formats asked for. A lesson whose links or cells fail
/// writes no page (a failed cell's page goes to `<name>.failed.html`), and says why.
struct LessonBuild {
    /// What became of a lesson.
    enum Outcome {
        /// Its page was written; its results and page are kept for the course's index, search and book.
        case written(results: [Int: CellResult], page: PageRenderer.Page)
        /// It failed; the errors were reported.
        case failed
    }

    let executor: NotebookExecutor
    let links: LessonLinks
    let output: String
    let formats: Set<OutputFormat>
    let chromium: Chromium?
    let status: StatusLine
    /// Whether to tell a driving program (`ppo-book preview`) what happens, as JSON lines.
    let streamsStatus: Bool
    /// Whether the summary lists every cell that ran with its time, not only the five slowest.
    let listsEveryCellTime: Bool
    /// The course's surroundings of this lesson's page for its downloads; nil for a standalone page.
    let surroundings: ((LessonNavigation.Downloads) -> PageSurroundings)?

    func run(_ notebook: Notebook) -> Outcome {
        let started = Date()
        do {
            let attachments = try links.resolve(notebook)
            let outcome = try executor.execute(notebook)
            Interrupts.waitIfInterrupted()
            let results = outcome.results
            status.finish(Self.summary(of: outcome))
            for cell in notebook.cells {
                for case .notice(let text) in results.cells[cell.index]?.outputs ?? [] {
                    status.error("\(cell.fence) [\(cell.anchor)]: \(text)")
                }
            }
            var page = PageRenderer(notebook: notebook, results: results.cells, inlineValues: results.inlineValues).render()
            if let surroundings {
                let around = surroundings(downloads(of: notebook, figures: page.figureFiles))
                page = PageRenderer(notebook: notebook, results: results.cells, inlineValues: results.inlineValues,
                                    surroundings: around).render()
            }
            // A draft's files carry its suffix, so they never overwrite the lesson's own.
            let name = notebook.name + PageRenderer.fileSuffix(for: notebook)
            let writer = OutputWriter(directory: output, notebookName: name)
            guard results.succeeded else {
                try writer.writeFailed(page)
                fail(results.errorMessages)
                status.error("\(results.errorMessages.count) error(s) in \(notebook.path); the page with the errors in place is "
                    + "\(writer.failedPagePath), and the last good page was kept")
                return .failed
            }
            for attachment in attachments {
                try AtomicFile.copy(attachment.source, to: "\(output)/\(attachment.relativePath)")
            }
            try writer.write(page)
            if surroundings != nil {
                try AtomicFile.copy(notebook.path, to: "\(output)/\(Self.sourcePath(of: notebook))")
            }
            if formats.contains(.ipynb) {
                let source = try String(contentsOfFile: notebook.path, encoding: .utf8)
                let json = try NotebookExport(notebook: notebook, source: source, results: results.cells).json()
                try AtomicFile.write(json, to: "\(output)/\(name).ipynb")
            }
            if let chromium {
                try chromium.print(writer.pagePath, to: "\(output)/\(name).pdf")
            }
            if streamsStatus { RenderStatus(event: "wrote", page: writer.pagePath).send() }
            status.finish("wrote \(writer.pagePath) (\(page.figureFiles.count) figure files) in \(Self.seconds(since: started))")
            if outcome.sessions.contains(where: { $0.reason != nil }) {
                status.finish(Self.slowestCells(of: notebook, results: results.cells, limit: listsEveryCellTime ? nil : 5))
            }
            Self.differingClaims(in: results).forEach { status.error($0) }
            return .written(results: results.cells, page: page)
        } catch let error as NotebookError {
            fail([error.description])
        } catch let error as LinkErrors {
            fail([error.description])
            status.error("\(notebook.path): nothing was written for this notebook: its links are broken")
        } catch let error as ExecutionError {
            fail(["\(notebook.path): error: \(error.description)"])
        } catch let error as Chromium.Failure {
            fail(["\(notebook.path): error: \(error.description)"])
        } catch {
            fail(["\(notebook.path): error: \(error.localizedDescription)"])
        }
        return .failed
    }

    /// Shows a lesson's errors, and tells a driving program about them.
    private func fail(_ messages: [String]) {
        Interrupts.waitIfInterrupted()  // an interrupt's stopped cells or refused writes are not the lesson's failures
        messages.forEach { status.error($0) }
        if streamsStatus { RenderStatus(event: "failed", errors: messages).send() }
    }

    /// Which sessions ran and why, and what `cached(...)` found.
    static func summary(of outcome: NotebookExecutor.Outcome) -> String {
        outcome.sessions.map { session in
            guard let reason = session.reason else { return "session '\(session.name)': reused from the cache" }
            return "session '\(session.name)': ran (\(reason)); memo: \(session.memoHits) hit(s), \(session.memoMisses) miss(es)"
        }.joined(separator: "\n")
    }

    /// In a draft, the claims whose verdict differs from the expected one (they do not fail a draft).
    private static func differingClaims(in results: NotebookResults) -> [String] {
        let claims = results.cells.keys.sorted().flatMap { index in
            results.cells[index]!.outputs.compactMap { if case .claim(let claim) = $0 { claim } else { nil } }
        } + results.inlineValues.keys.sorted().compactMap { results.inlineValues[$0]!.claim }
        return claims.filter { !$0.isAsExpected }.map { $0.mismatchMessage(severity: "warning") + " (a draft: not a failure)" }
    }

    /// Where a course copies a lesson's Markdown source, relative to the output folder.
    static func sourcePath(of notebook: Notebook) -> String { "sources/\(notebook.name).md" }

    private func downloads(of notebook: Notebook, figures: [FigureFile]) -> LessonNavigation.Downloads {
        LessonNavigation.Downloads(
            pdf: formats.contains(.pdf) ? "\(notebook.name).pdf" : nil,
            ipynb: formats.contains(.ipynb) ? "\(notebook.name).ipynb" : nil,
            source: Self.sourcePath(of: notebook), figures: figures.map(\.basePath))
    }

    /// The `limit` cells that took longest (all that ran when `nil`), for authors keeping a lesson fast.
    private static func slowestCells(of notebook: Notebook, results: [Int: CellResult], limit: Int?) -> String {
        let timed = notebook.cells.compactMap { cell in results[cell.index]?.seconds.map { (cell, $0) } }
        guard !timed.isEmpty else { return "no cell ran to its end" }
        let slowest = timed.sorted { $0.1 > $1.1 }.prefix(limit ?? timed.count).map { cell, seconds in
            String(format: "  %7.2f s  %@ [%@]", seconds, cell.fence.description, cell.anchor)
        }
        return (["slowest cells:"] + slowest).joined(separator: "\n")
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
