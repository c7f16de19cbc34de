import CellEvents
import Foundation
import Render

/// Writes a notebook's page and figure files so that no reader ever sees a half-written
/// file and an interrupted render loses nothing: every file is first written in full (and
/// flushed to disk) under a temporary name in its folder, and only then are they renamed
/// into place, figures first and the page last. A render killed while writing, even with
/// SIGKILL, leaves the previous page and figures as they were (at worst with a leftover
/// temporary file, which the next render removes).
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
        var files: [(data: Data, path: String)] = []
        for file in page.figureFiles {
            guard !file.basePath.hasPrefix("/"), !file.basePath.split(separator: "/").contains("..") else {
                throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: file.basePath])
            }
            files.append((Data(file.figure.svg.utf8), "\(directory)/\(file.basePath).svg"))
            files.append((Data(file.figure.csv.utf8), "\(directory)/\(file.basePath).csv"))
        }
        files.append((Data(page.html.utf8), pagePath))
        removeLeftoverTemporaries()
        try AtomicFile.write(files)
        try? FileManager.default.removeItem(atPath: failedPagePath)
    }

    /// Writes the page of a render whose cells failed beside the last good one.
    func writeFailed(_ page: PageRenderer.Page) throws {
        removeLeftoverTemporaries()
        try AtomicFile.write(page.html, to: failedPagePath)
    }

    /// Removes temporary files left in the output folders by renders that were killed.
    private func removeLeftoverTemporaries() {
        AtomicFile.removeLeftovers(in: directory)
        AtomicFile.removeLeftovers(in: "\(directory)/figures")
    }
}
