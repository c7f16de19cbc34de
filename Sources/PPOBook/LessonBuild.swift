import Execution
import Foundation
import Notebook
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
    /// The course's surroundings of this lesson's page for its downloads; nil for a standalone page.
    let surroundings: ((LessonNavigation.Downloads) -> PageSurroundings)?

    func run(_ notebook: Notebook) -> Outcome {
        let started = Date()
        do {
            let attachments = try links.resolve(notebook)
            let results = try executor.execute(notebook)
            var page = PageRenderer(notebook: notebook, results: results).render()
            if let surroundings {
                let around = surroundings(downloads(of: notebook, figures: page.figureFiles))
                page = PageRenderer(notebook: notebook, results: results, surroundings: around).render()
            }
            let writer = OutputWriter(directory: output, notebookName: notebook.name)
            let failed = notebook.cells.filter { results[$0.index]?.status == .failed }
            guard failed.isEmpty else {
                try writer.writeFailed(page)
                for cell in failed { results[cell.index]!.errorMessages.forEach { status.error($0) } }
                status.error("\(failed.count) cell(s) failed in \(notebook.path); the page with the errors in place is "
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
                let json = try NotebookExport(notebook: notebook, source: source, results: results).json()
                try AtomicFile.write(json, to: "\(output)/\(notebook.name).ipynb")
            }
            if let chromium {
                try chromium.print(writer.pagePath, to: "\(output)/\(notebook.name).pdf")
            }
            status.finish("wrote \(writer.pagePath) (\(page.figureFiles.count) figure files) in \(Self.seconds(since: started))")
            status.finish(Self.slowestCells(of: notebook, results: results))
            return .written(results: results, page: page)
        } catch let error as NotebookError {
            status.error(error.description)
        } catch let error as LinkErrors {
            status.error(error.description)
            status.error("\(notebook.path): nothing was written for this notebook: its links are broken")
        } catch let error as ExecutionError {
            status.error("\(notebook.path): error: \(error.description)")
        } catch let error as Chromium.Failure {
            status.error("\(notebook.path): error: \(error.description)")
        } catch {
            status.error("\(notebook.path): error: \(error.localizedDescription)")
        }
        return .failed
    }

    /// Where a course copies a lesson's Markdown source, relative to the output folder.
    static func sourcePath(of notebook: Notebook) -> String { "sources/\(notebook.name).md" }

    private func downloads(of notebook: Notebook, figures: [FigureFile]) -> LessonNavigation.Downloads {
        LessonNavigation.Downloads(
            pdf: formats.contains(.pdf) ? "\(notebook.name).pdf" : nil,
            ipynb: formats.contains(.ipynb) ? "\(notebook.name).ipynb" : nil,
            source: Self.sourcePath(of: notebook), figures: figures.map(\.basePath))
    }

    /// The cells that took longest, for authors keeping a lesson fast.
    private static func slowestCells(of notebook: Notebook, results: [Int: CellResult]) -> String {
        let timed = notebook.cells.compactMap { cell in results[cell.index]?.seconds.map { (cell, $0) } }
        guard !timed.isEmpty else { return "no cell ran (all results from the cache)" }
        let slowest = timed.sorted { $0.1 > $1.1 }.prefix(5).map { cell, seconds in
            String(format: "  %7.2f s  %@ [%@]", seconds, cell.fence.description, cell.anchor)
        }
        return (["slowest cells:"] + slowest).joined(separator: "\n")
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
