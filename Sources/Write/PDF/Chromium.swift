import CellEvents
import Execution
import Foundation

/// Debian's headless Chromium, which prints pages to PDF: the same HTML as on screen, with the
/// pages' print stylesheet, no header or footer of its own, and no network.
public struct Chromium: Sendable {
    /// Why a PDF could not be printed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, and what to do about it.
        public var description: String
    }

    /// The Debian package that provides it.
    public static let package = "chromium"

    /// The executable.
    public let executable: String

    /// Chromium as found on `PATH` (`chromium`, else `chromium-browser`), or a failure that
    /// names the package to install.
    public static func locate() throws -> Chromium {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return Chromium(executable: "\(folder)/\(name)")
            }
        }
        throw Failure(description: "printing PDFs needs Chromium, which is not installed: install Debian's "
            + "'\(package)' package (apt-get install \(package)), or run 'make pdf', which installs it")
    }

    /// Prints the HTML file at `page` to a PDF at `pdf`, which appears whole or not at all.
    /// Chromium runs as a ``ChildProcess`` (its own process group, stopped with everything
    /// else when the render is interrupted) with a profile in a temporary folder of ``Cleanup``.
    public func print(_ page: String, to pdf: String) throws {
        let profile = try Cleanup.shared.makeTemporaryFolder()
        defer { Cleanup.shared.remove(profile) }
        let folder = URL(fileURLWithPath: pdf).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(folder)/.\(URL(fileURLWithPath: pdf).lastPathComponent).\(getpid()).\(UUID().uuidString).tmp"
        defer { try? FileManager.default.removeItem(atPath: temporary) }

        let run = try ChildProcess.run(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--no-default-browser-check",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile)",
            "--no-pdf-header-footer", "--print-to-pdf=\(temporary)",
            URL(fileURLWithPath: page).absoluteString,
        ], environment: ProcessInfo.processInfo.environment)
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0
        guard run.termination.succeeded, size > 0 else {
            let said = run.output.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw Failure(description: "Chromium could not print \(page) (\(run.termination.description)):\n\(said)")
        }
        try AtomicFile.move(temporary, to: pdf)
    }
}
