import CellEvents
import Foundation
import Render

/// Writes a notebook's page and figure files so that no reader ever sees a half-written
/// file: each is written to a temporary file in the same folder, then renamed into place.
struct OutputWriter {
    /// The output folder.
    let directory: String
    /// The notebook's name (its file name without `.md`).
    let notebookName: String

    /// Where the page goes.
    var pagePath: String { "\(directory)/\(notebookName).html" }
    /// Where a page whose cells failed goes, leaving the last good page in place.
    var failedPagePath: String { "\(directory)/\(notebookName).failed.html" }

    /// Writes the figure files, then the page, and removes an earlier failed page.
    func write(_ page: PageRenderer.Page) throws {
        for file in page.figureFiles {
            try AtomicFile.write(file.figure.svg, to: "\(directory)/\(file.basePath).svg")
            try AtomicFile.write(file.figure.csv, to: "\(directory)/\(file.basePath).csv")
        }
        try AtomicFile.write(page.html, to: pagePath)
        try? FileManager.default.removeItem(atPath: failedPagePath)
    }

    /// Writes the page of a render whose cells failed beside the last good one.
    func writeFailed(_ page: PageRenderer.Page) throws {
        try AtomicFile.write(page.html, to: failedPagePath)
    }
}
