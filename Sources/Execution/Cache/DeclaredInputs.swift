import CellEvents
import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#endif

/// The files a notebook declares that its cells read (front matter `inputs:`), found from
/// their paths or globs (`*`, `?`, `[...]` within one folder level), relative to the notebook.
///
/// Their contents are part of every cached result's key. A file the cells read without
/// declaring it is not: a change to it is seen only with `--no-cache`.
public struct DeclaredInputs: Sendable {
    /// The matching files, sorted, as paths relative to the notebook's folder where the pattern was.
    public let files: [String]
    /// The folder the patterns are relative to.
    public let directory: String

    /// Finds the files of `notebook`'s `inputs:`; a pattern that matches nothing is an error naming the front matter line.
    public init(of notebook: Notebook) throws {
        directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        var found: [String] = []
        for pattern in notebook.frontMatter.inputs {
            let matches = Self.glob(pattern, in: directory)
            guard !matches.isEmpty else {
                let place = notebook.frontMatter.inputsLocation ?? SourceLocation(file: notebook.path, line: 1)
                throw NotebookError("front matter 'inputs': '\(pattern)' matches no file (relative to \(directory))",
                                    at: place)
            }
            found += matches.filter { !found.contains($0) }
        }
        files = found.sorted()
    }

    /// The full path of a declared file.
    public func path(of file: String) -> String { file.hasPrefix("/") ? file : "\(directory)/\(file)" }

    /// The digest of every declared file's name and bytes.
    func digest() throws -> String {
        var hash = SHA256()
        for file in files {
            guard let data = FileManager.default.contents(atPath: path(of: file)) else {
                throw ExecutionError("the declared input \(file) could not be read")
            }
            hash.update(file)
            hash.update(String(data.count))
            hash.update(data)
        }
        return hash.hexDigest()
    }

    /// The regular files matching `pattern`, relative to `directory` unless the pattern is absolute.
    private static func glob(_ pattern: String, in directory: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let full = absolute ? pattern : "\(directory)/\(pattern)"
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(full, 0, nil, &result) == 0 else { return [] }
        var matches: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            guard let pointer = result.gl_pathv[index] else { continue }
            let path = String(cString: pointer)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            matches.append(absolute ? path : String(path.dropFirst(directory.count + 1)))
        }
        return matches
    }
}
