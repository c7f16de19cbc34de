import Foundation
import Notebook
import Testing
import Write

@Suite struct CourseLoaderTests {
    @Test func aBareFolderIsACourseInNameOrder() throws {
        let folder = try TemporaryFolder(files: ["b.md": "# B\n", "a.md": "# A\n", "notes.txt": "x"])
        let course = try CourseLoader().load(folder: folder.path)
        #expect(course.lessons.map(\.name) == ["a", "b"])
        #expect(course.parts.count == 1 && course.parts[0].title == nil)
        #expect(course.title == URL(fileURLWithPath: folder.path).lastPathComponent)
    }

    @Test func aCourseFileGivesTitlePartsAndOrder() throws {
        let folder = try TemporaryFolder(files: [
            "course.yml": """
                title: Learning to balance
                description: Two lessons.
                parts:
                  - title: Basics
                    lessons: [b.md]
                  - title: More
                    lessons:
                      - a.md
                """,
            "a.md": "# A\n", "b.md": "# B\n",
        ])
        let course = try CourseLoader().load(folder: folder.path)
        #expect(course.title == "Learning to balance")
        #expect(course.description == "Two lessons.")
        #expect(course.lessons.map(\.name) == ["b", "a"])
        #expect(course.parts.map(\.title) == ["Basics", "More"])
        #expect(course.partTitle(ofLesson: 1) == "More")
        #expect(course.lessons[1].listing.line == 8)
    }

    @Test func aMissingLessonIsAnErrorAtItsLine() throws {
        let folder = try TemporaryFolder(files: ["course.yml": "title: T\nlessons:\n  - a.md\n  - gone.md\n", "a.md": "# A\n"])
        #expect {
            try CourseLoader().load(folder: folder.path)
        } throws: { error in
            let error = error as? NotebookError
            return error?.location == SourceLocation(file: folder.path + "/course.yml", line: 4)
                && error?.message.contains("'gone.md' does not exist") == true
        }
    }

    @Test func unknownKeysAndMissingTitlesAreErrors() throws {
        let unknown = try TemporaryFolder(files: ["course.yml": "title: T\nchapters: [a.md]\n", "a.md": "# A\n"])
        #expect(throws: NotebookError.self) { try CourseLoader().load(folder: unknown.path) }
        let untitled = try TemporaryFolder(files: ["course.yml": "lessons: [a.md]\n", "a.md": "# A\n"])
        #expect(throws: NotebookError.self) { try CourseLoader().load(folder: untitled.path) }
    }
}

/// A temporary folder holding the given files (paths relative to it).
struct TemporaryFolder {
    let path: String

    init(files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("ppo-book-write-\(UUID().uuidString)").path
        for (name, text) in files {
            let file = "\(path)/\(name)"
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }
}
