import Execution
import Foundation
import Render

/// Writes a notebook's page and figure files so that no reader ever sees a half-written
/// file and an interrupted render loses nothing: every file is first written in full (and
/// flushed to disk) under a temporary name in its folder, and only then are they renamed
/// into place, figures first and the page last. A render killed while writing, even with
/// SIGKILL, leaves the previous page and figures as they were (at worst with a leftover
/// temporary file, which the next render of the notebook removes).
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
        var files: [(text: String, path: String)] = []
        for file in page.figureFiles {
            guard !file.basePath.hasPrefix("/"), !file.basePath.split(separator: "/").contains("..") else {
                throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: file.basePath])
            }
            files.append((file.figure.svg, "\(directory)/\(file.basePath).svg"))
            files.append((file.figure.csv, "\(directory)/\(file.basePath).csv"))
        }
        files.append((page.html, pagePath))
        try atomicallyWrite(files)
        try? FileManager.default.removeItem(atPath: failedPagePath)
    }

    /// Writes the page of a render whose cells failed beside the last good one.
    func writeFailed(_ page: PageRenderer.Page) throws {
        try atomicallyWrite([(page.html, failedPagePath)])
    }

    private func atomicallyWrite(_ files: [(text: String, path: String)]) throws {
        removeLeftoverTemporaries()
        var written: [(temporary: String, path: String)] = []
        defer { for file in written { Cleanup.shared.remove(file.temporary) } }
        for file in files {
            let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = "\(folder)/\(temporaryPrefix)\(URL(fileURLWithPath: file.path).lastPathComponent).\(getpid()).tmp"
            let descriptor = try Cleanup.shared.createTemporaryFile(temporary)
            written.append((temporary, file.path))
            try Self.writeDurably(file.text, to: descriptor, path: temporary)
        }
        for file in written where !Cleanup.shared.moveIntoPlace(file.temporary, to: file.path) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    /// Temporary files start with this, so a render can find those an earlier killed one left.
    private var temporaryPrefix: String { ".\(notebookName)." }

    /// Removes this notebook's temporary files left by renders that were killed (whose process
    /// is gone); those of a render still running, in another process, are left alone.
    private func removeLeftoverTemporaries() {
        for folder in [directory, "\(directory)/figures"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasPrefix(temporaryPrefix) && name.hasSuffix(".tmp") {
                let pid = name.dropLast(".tmp".count).split(separator: ".").last.flatMap { pid_t($0) }
                if let pid, kill(pid, 0) != 0 && errno == ESRCH {
                    try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
                }
            }
        }
    }

    /// Writes `text` through `descriptor` (the new file at `path`), flushes it to the disk and closes it.
    private static func writeDurably(_ text: String, to descriptor: Int32, path: String) throws {
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
            bytes = bytes.dropFirst(count)
        }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
