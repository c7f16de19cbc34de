import ArgumentParser
import Foundation
import Notebook

/// The arguments `render` and `check` share: which notebooks, and the parameters to run them with.
struct NotebookArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("A notebook (.md file), or a folder whose .md files are all taken.",
                                 valueName: "notebook.md | folder"))
    var input: String

    @Option(name: .customShort("P"), help: ArgumentHelp(
        "Set a parameter the notebook declares under params: (repeatable), e.g. -P seedCount=1.",
        valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        _ = try Self.notebookPaths(in: input)
        if try !overrides().isEmpty && isFolder {
            throw ValidationError("-P sets the parameters of one notebook: give its .md file, not a folder")
        }
    }

    /// Whether the input is a folder of notebooks (a course) rather than one notebook.
    var isFolder: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The `-P` values as name and value.
    func overrides() throws -> [(name: String, value: String)] {
        try parameters.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("-P \(text): write a parameter as name=value")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }

    /// The notebook at `path`, parsed, with the `-P` values applied.
    func notebook(at path: String) throws -> Notebook {
        try NotebookParser().parse(contentsOf: path).overriding(try overrides())
    }

    /// The notebook files: the input itself, or the `.md` files of the folder, sorted.
    func notebookPaths() throws -> [String] {
        try Self.notebookPaths(in: input)
    }

    /// The notebook `input` names, or the notebooks of the folder it names.
    static func notebookPaths(in input: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw ValidationError("'\(input)' does not exist: give a notebook (.md) or a folder of notebooks")
        }
        guard isFolder.boolValue else {
            guard input.hasSuffix(".md") else {
                throw ValidationError("'\(input)' is not a Markdown notebook: its name should end in .md")
            }
            return [input]
        }
        let folder = input.hasSuffix("/") ? String(input.dropLast()) : input
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        guard !names.isEmpty else { throw ValidationError("'\(input)' holds no notebooks (.md files)") }
        return names.map { "\(folder)/\($0)" }
    }

    /// The path of the running executable, beside which the engine library is.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
