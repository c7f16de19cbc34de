import CellEvents
import Execution
import Foundation
import Notebook
import Testing
import Write

@Suite struct NotebookExportTests {
    static let source = """
        ---
        title: Exported
        ---

        Some *prose*.

        ```swift id=first
        print("hello")
        ```

        ## Between

        ```swift hide
        show(table)
        ```

        ```swift expect-error
        boom()
        ```

        ```swift norun
        forever()
        ```

        The end.
        """

    func export() throws -> [String: Any] {
        let notebook = try NotebookParser().parse(Self.source, path: "lessons/e.md")
        let results: [Int: CellResult] = [
            0: CellResult(status: .succeeded, outputs: [.text("hello\n"), .standardError("careful\n")]),
            1: CellResult(status: .succeeded, outputs: [
                .table(TableOutput(columns: ["a<b"], rows: [["1"]])),
                .figure(FigureOutput(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", csv: "", title: "Curve")),
            ]),
            2: CellResult(status: .failedAsExpected, outputs: [.error("e.md:18:1: error: cannot find 'boom' in scope")]),
            3: CellResult(status: .shownOnly),
        ]
        let json = try NotebookExport(notebook: notebook, source: Self.source, results: results).json()
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    }

    @Test func cellsKeepTheirOrderIdsAndOutputs() throws {
        let document = try export()
        #expect(document["nbformat"] as? Int == 4 && document["nbformat_minor"] as? Int == 5)
        let cells = document["cells"] as! [[String: Any]]
        #expect(cells.map { $0["id"] as! String } == ["markdown-1", "first", "markdown-2", "cell-2", "cell-3", "cell-4", "markdown-3"])
        #expect(cells[0]["source"] as! [String] == ["# Exported\n", "\n", "Some *prose*."])
        #expect(cells[2]["source"] as! [String] == ["## Between"])
        #expect(cells[6]["source"] as! [String] == ["The end."])
        #expect(cells[1]["execution_count"] as? Int == 1)
        #expect(cells[5]["execution_count"] is NSNull)
        let streams = cells[1]["outputs"] as! [[String: Any]]
        #expect(streams.map { $0["name"] as! String } == ["stdout", "stderr"])
        #expect(streams[0]["text"] as! [String] == ["hello\n"])
        let displays = cells[3]["outputs"] as! [[String: Any]]
        let table = displays[0]["data"] as! [String: Any]
        #expect((table["text/html"] as! [String]).joined().contains("<th>a&lt;b</th>"))
        #expect((displays[1]["data"] as! [String: Any])["image/svg+xml"] != nil)
        #expect((cells[3]["metadata"] as! [String: Any])["jupyter"] != nil)
        let error = (cells[4]["outputs"] as! [[String: Any]])[0]
        #expect(error["output_type"] as? String == "error")
        #expect((cells[4]["metadata"] as! [String: Any])["tags"] as? [String] == ["raises-exception"])
    }

    @Test func exportingTwiceGivesTheSameBytes() throws {
        let notebook = try NotebookParser().parse(Self.source, path: "lessons/e.md")
        let first = try NotebookExport(notebook: notebook, source: Self.source, results: [:]).json()
        let second = try NotebookExport(notebook: notebook, source: Self.source, results: [:]).json()
        #expect(first == second)
    }

    @Test(.enabled(if: Python.hasNbformat, "skipped: Python's nbformat package is missing (pip install nbformat)"))
    func theNotebookValidatesWithNbformat() throws {
        let folder = try TemporaryFolder(files: [:])
        let path = folder.path + "/e.ipynb"
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: try export())
        try data.write(to: URL(fileURLWithPath: path))
        let run = Python.run("import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); "
            + "nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor, len(nb.cells))", path)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("4 5 7"))
    }
}

/// Python, for checks made with its packages.
enum Python {
    static let hasNbformat = run("import nbformat").status == 0

    static func run(_ code: String, _ arguments: String...) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (-1, "python3 is not installed") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
