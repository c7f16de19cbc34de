import Foundation
import Notebook
import Yams

/// Reads a course from a folder: its `course.yml` when there is one, otherwise every `.md`
/// notebook in name order, titled after the folder.
///
/// ```yaml
/// title: Reinforcement learning in Swift
/// description: From CartPole to PPO, every number computed on the page.
/// parts:
///   - title: Foundations
///     lessons: [classic-control.md]
///   - title: Policy gradients
///     lessons: [109.md]
/// ```
///
/// A course file without parts may list `lessons:` directly.
public struct CourseLoader {
    /// The course file's name inside the folder.
    public static let courseFileName = "course.yml"

    /// Creates a loader.
    public init() {}

    /// The course in `folder`.
    public func load(folder: String) throws -> Course {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let courseFile = "\(folder)/\(Self.courseFileName)"
        if FileManager.default.fileExists(atPath: courseFile) {
            return try CourseFile(path: courseFile, folder: folder).course()
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        guard !names.isEmpty else {
            throw NotebookError("the folder holds no notebooks (.md files) and no \(Self.courseFileName)",
                                at: SourceLocation(file: folder, line: 1))
        }
        let lessons = names.map { Course.Lesson(path: "\(folder)/\($0)", listing: SourceLocation(file: "\(folder)/\($0)", line: 1)) }
        let title = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return Course(title: title, description: nil, parts: [Course.Part(title: nil, lessons: lessons)], folder: folder)
    }
}

/// The YAML of a `course.yml`, read with the line of every value so errors can name it.
private struct CourseFile {
    let path: String
    let folder: String

    func course() throws -> Course {
        guard let yaml = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw error("the course file cannot be read as UTF-8 text", line: 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            throw error("the course file is not valid YAML: \(yamlError)", line: 1)
        }
        guard let mapping = root?.mapping else { throw error("the course file must be a YAML mapping with a title", line: 1) }
        var title: String?, description: String?, parts: [Course.Part] = []
        for (key, value) in mapping {
            switch key.string {
            case "title": title = try text(value, key: "title")
            case "description": description = try text(value, key: "description")
            case "parts":
                guard let list = value.sequence else { throw error("'parts' must be a list of parts", at: value) }
                parts += try list.map(part)
            case "lessons": parts.append(Course.Part(title: nil, lessons: try lessons(value)))
            default:
                throw error("unknown key '\(key.string ?? "")': a course file has title, description, parts and lessons",
                            at: key)
            }
        }
        guard let title else { throw error("the course file needs a 'title'", line: 1) }
        let lessons = parts.flatMap(\.lessons)
        guard !lessons.isEmpty else { throw error("the course file lists no lessons", line: 1) }
        var seen: [String: SourceLocation] = [:]
        for lesson in lessons {
            if let earlier = seen[lesson.name] {
                throw NotebookError("the lesson '\(lesson.name)' is already listed at \(earlier)", at: lesson.listing)
            }
            seen[lesson.name] = lesson.listing
        }
        return Course(title: title, description: description, parts: parts, folder: folder)
    }

    private func part(_ node: Node) throws -> Course.Part {
        guard let mapping = node.mapping else { throw error("a part must have a title and lessons", at: node) }
        var title: String?, lessons: [Course.Lesson] = []
        for (key, value) in mapping {
            switch key.string {
            case "title": title = try text(value, key: "title")
            case "lessons": lessons = try self.lessons(value)
            default: throw error("unknown key '\(key.string ?? "")' in a part: a part has a title and lessons", at: key)
            }
        }
        guard !lessons.isEmpty else { throw error("the part lists no lessons", at: node) }
        return Course.Part(title: title, lessons: lessons)
    }

    private func lessons(_ node: Node) throws -> [Course.Lesson] {
        guard let list = node.sequence else { throw error("'lessons' must be a list of notebook files", at: node) }
        return try list.map { item in
            guard let name = item.scalar?.string, name.hasSuffix(".md") else {
                throw error("a lesson is a notebook file name such as 109.md", at: item)
            }
            let lessonPath = "\(folder)/\(name)"
            let listing = location(of: item)
            guard FileManager.default.fileExists(atPath: lessonPath) else {
                throw NotebookError("the lesson '\(name)' does not exist in \(folder)", at: listing)
            }
            return Course.Lesson(path: lessonPath, listing: listing)
        }
    }

    private func text(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw error("'\(key)' must be text", at: node) }
        return scalar.string
    }

    private func location(of node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1)
    }

    private func error(_ message: String, at node: Node) -> NotebookError {
        NotebookError(message, at: location(of: node))
    }

    private func error(_ message: String, line: Int) -> NotebookError {
        NotebookError(message, at: SourceLocation(file: path, line: line))
    }
}
