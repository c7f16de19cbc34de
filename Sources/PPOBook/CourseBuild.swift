import CellEvents
import Execution
import Foundation
import Notebook
import Render
import Write

/// Renders a course: every lesson, up to `jobs` at a time, each page with the course around it;
/// then the index, the search page and its index, and, when PDFs are asked for, the whole course
/// as one PDF. A lesson that fails does not stop the others; the build then fails at the end.
struct CourseBuild {
    let course: Course
    let jobs: Int
    let output: String
    let formats: Set<OutputFormat>
    let chromium: Chromium?
    let status: StatusLine
    /// The build of one lesson, given what its links may lead to and its page's surroundings.
    let lessonBuild: (LessonLinks, ((LessonNavigation.Downloads) -> PageSurroundings)?) -> LessonBuild

    /// The name of the whole course's PDF in the output folder.
    static let bookFileName = "course.pdf"

    /// Builds the course; false when a lesson or the site failed.
    func run() -> Bool {
        let lessons = course.lessons
        var notebooks: [Notebook?] = []
        for lesson in lessons {
            do {
                notebooks.append(try NotebookParser().parse(contentsOf: lesson.path))
            } catch {
                status.error("\(error)")
                notebooks.append(nil)
            }
        }
        noteUnlistedNotebooks()
        let targets = Dictionary(uniqueKeysWithValues: notebooks.compactMap { $0 }.map {
            (URL(fileURLWithPath: $0.path).standardizedFileURL.path, $0)
        })
        let navigation = LessonNavigation(course: course, lessons: summaries(notebooks, outcomes: []))
        let outcomes = Outcomes(count: lessons.count)
        let parsed = notebooks
        Self.forEach(lessons.count, jobs: jobs) { index in
            guard let notebook = parsed[index] else { return }
            let build = lessonBuild(LessonLinks(targets: .lessons(targets))) {
                navigation.surroundings(ofLesson: index, downloads: $0)
            }
            outcomes.set(index, build.run(notebook))
        }
        let finished = outcomes.all
        let summaries = summaries(notebooks, outcomes: finished)
        var written = true
        do {
            try writeSite(notebooks: notebooks, outcomes: finished, summaries: summaries)
            if let chromium { try printBook(chromium, notebooks: notebooks, outcomes: finished, summaries: summaries) }
        } catch {
            status.error("\(output): error: \(error)")
            written = false
        }
        let failures = zip(notebooks, finished).filter { notebook, outcome in
            if notebook == nil { return true }
            if case .failed = outcome { return true }
            return false
        }.count
        if failures > 0 { status.error("\(failures) of \(lessons.count) lesson(s) failed; the others were written") }
        return written && failures == 0
    }

    private func summaries(_ notebooks: [Notebook?], outcomes: [LessonBuild.Outcome?]) -> [LessonSummary] {
        zip(course.lessons, notebooks).enumerated().map { index, pair in
            guard let notebook = pair.1 else { return LessonSummary(name: pair.0.name) }
            if index < outcomes.count, case .written(let results, _) = outcomes[index] {
                return LessonSummary(notebook: notebook, results: results)
            }
            return LessonSummary(notebook: notebook)
        }
    }

    private func writeSite(notebooks: [Notebook?], outcomes: [LessonBuild.Outcome?], summaries: [LessonSummary]) throws {
        var search = SearchIndex()
        for (notebook, outcome) in zip(notebooks, outcomes) {
            guard let notebook else { continue }
            if case .written(let results, _) = outcome { search.add(notebook, results: results) } else { search.add(notebook, results: [:]) }
        }
        let book = chromium == nil ? nil : Self.bookFileName
        try AtomicFile.write(IndexPage(course: course, lessons: summaries, book: book).html, to: "\(output)/index.html")
        try AtomicFile.write(SearchPage.html(course: course), to: "\(output)/\(SearchPage.fileName)")
        try AtomicFile.write(SearchPage.script, to: "\(output)/\(SearchPage.scriptFileName)")
        try AtomicFile.write(search.script, to: "\(output)/\(SearchPage.indexFileName)")
        status.finish("wrote \(output)/index.html, the search page and its index (\(search.sections.count) sections)")
    }

    private func printBook(_ chromium: Chromium, notebooks: [Notebook?], outcomes: [LessonBuild.Outcome?],
                           summaries: [LessonSummary]) throws {
        var chapters: [CourseBook.Chapter] = []
        for (index, outcome) in outcomes.enumerated() {
            guard case .written(_, let page) = outcome, let notebook = notebooks[index] else { continue }
            chapters.append(CourseBook.Chapter(summary: summaries[index], titleInHeader: notebook.frontMatter.title != nil,
                                               main: page.main))
        }
        // Printed from the output folder, so the lessons' relative images resolve.
        let document = "\(output)/.course-book.\(getpid()).html"
        defer { try? FileManager.default.removeItem(atPath: document) }
        try AtomicFile.write(CourseBook(course: course, chapters: chapters).html, to: document)
        try chromium.print(document, to: "\(output)/\(Self.bookFileName)")
        status.finish("wrote \(output)/\(Self.bookFileName) (\(chapters.count) lessons)")
    }

    /// Notebooks in the course's folder that its course file does not list are not rendered: say so.
    private func noteUnlistedNotebooks() {
        let listed = Set(course.lessons.map { URL(fileURLWithPath: $0.path).lastPathComponent })
        let present = (try? FileManager.default.contentsOfDirectory(atPath: course.folder)) ?? []
        for name in present.sorted() where name.hasSuffix(".md") && !listed.contains(name) {
            status.finish("note: \(course.folder)/\(name) is not listed in \(CourseLoader.courseFileName), so it is not rendered")
        }
    }

    /// Calls `body` with 0..<count, at most `jobs` at a time, and returns when all have returned.
    private static func forEach(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            Thread.detachNewThread {
                while let index = next.take(below: count) { body(index) }
                group.leave()
            }
        }
        group.wait()
    }
}

/// Hands out 0, 1, 2... to worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// Each lesson's outcome, set from the thread that built it.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [LessonBuild.Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: LessonBuild.Outcome) { lock.withLock { outcomes[index] = outcome } }

    var all: [LessonBuild.Outcome?] { lock.withLock { outcomes } }
}
