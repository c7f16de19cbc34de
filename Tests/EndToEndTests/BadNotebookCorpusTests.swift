import Foundation
import Testing

/// Every notebook in `BadNotebooks/` is a slip or a runaway cell. Its first line says what
/// `ppo-book render` must answer: `<!-- expect status=N [args=A,B]: MESSAGE -->`, where
/// MESSAGE must appear on the terminal. Whatever the notebook does, the render ends, and no
/// process it started is left running.
@Suite struct BadNotebookCorpusTests {
    struct Expectation: CustomTestStringConvertible {
        let file: String
        let status: Int32
        let arguments: [String]
        let message: String
        var testDescription: String { file }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadNotebooks")

    static let corpus: [Expectation] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            let header = text.split(separator: "\n").first.map(String.init) ?? ""
            guard header.hasPrefix("<!-- expect "), header.hasSuffix(" -->"),
                  let colon = header.range(of: ": ") else {
                return Expectation(file: name, status: -1, arguments: [], message: "a header line")
            }
            let settings = header.dropFirst("<!-- expect ".count)[..<colon.lowerBound].split(separator: " ")
            var status: Int32 = -1
            var arguments: [String] = []
            for setting in settings {
                if setting.hasPrefix("status=") { status = Int32(setting.dropFirst(7)) ?? -1 }
                if setting.hasPrefix("args=") { arguments = setting.dropFirst(5).split(separator: ",").map(String.init) }
            }
            let message = String(header[colon.upperBound...].dropLast(" -->".count))
            return Expectation(file: name, status: status, arguments: arguments, message: message)
        }
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.corpus.count >= 15)
    }

    @Test(arguments: corpus) func eachBadNotebookGetsItsMessage(_ expectation: Expectation) throws {
        let workspace = try Workspace()
        let copy = "\(workspace.root)/\(expectation.file)"
        try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent(expectation.file).path, toPath: copy)
        let run = try workspace.renderFile(expectation.file, arguments: expectation.arguments)
        #expect(run.status == expectation.status, "\(run.errors)")
        #expect(run.errors.contains(expectation.message), "\(run.errors)")
        #expect(!run.errors.contains(workspace.temporaryFolder), "no temporary paths in messages: \(run.errors)")
        #expect(workspace.leftoverProcesses().isEmpty, "left running: \(workspace.leftoverProcesses())")
        #expect(workspace.temporaryFolderContents().isEmpty, "left behind: \(workspace.temporaryFolderContents())")
    }
}
