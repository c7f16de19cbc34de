import Foundation
import Testing

/// `ppo-book render FOLDER` as a course: the site, its checks, parallel builds, PDFs and .ipynb.
@Suite struct CourseRenderTests {
    static let lessons = [
        "course.yml": "title: A small course\ndescription: Two lessons.\nparts:\n"
            + "  - title: Start\n    lessons: [tasks.md]\n  - title: Learn\n    lessons: [learn.md]\n",
        "tasks.md": """
            ---
            title: The tasks
            description: What the agent sees.
            ---

            CartPole pays one per step. Next: [learning](learn.md#a-figure).

            ![a square](img/square.svg)

            ```swift
            print("steps: \\(CartPole().maxEpisodeSteps)")
            ```
            """,
        "learn.md": """
            # Learning

            Back to [the tasks](tasks.md).

            ## A figure

            ```swift id=curve caption="Squares"
            var figure = Figure(title: "Squares", xLabel: "x", yLabel: "x squared")
            figure.line(x: [0, 1, 2, 3], y: [0, 1, 4, 9], label: "x²")
            show(figure)
            ```
            """,
        "img/square.svg": #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#,
    ]

    @Test func aCourseFileGivesAnIndexAndNavigatedPages() throws {
        let course = try CourseFolder(Self.lessons)
        let run = course.render()
        #expect(run.status == 0, "\(run.errors)")
        let index = try course.read("index.html")
        #expect(index.contains("<h1 class=\"page-title\">A small course</h1>"))
        #expect(index.contains(#"<a href="tasks.html">The tasks</a>"#) && index.contains(#"<a href="learn.html">Learning</a>"#))
        #expect(index.contains("Lesson 2 · 1 figure · 1 min read"))
        let tasks = try course.read("tasks.html")
        #expect(tasks.contains(#"<a href="learn.html#a-figure">learning</a>"#))
        #expect(tasks.contains(#"<img src="img/square.svg" alt="a square" />"#))
        #expect(tasks.contains(#"<a class="next" href="learn.html" rel="next">"#))
        #expect(tasks.contains(#"<details class="course-menu">"#))
        #expect(!tasks.contains("<script"))
        let learn = try course.read("learn.html")
        #expect(learn.contains(#"<a class="previous" href="tasks.html" rel="prev">"#))
        #expect(learn.contains(#"<a href="figures/learn-curve.csv">data (CSV)</a>"#))
        #expect(learn.contains(#"<a href="sources/learn.md">"#))
        for file in ["img/square.svg", "sources/tasks.md", "search.html", "search.js", "search-index.js"] {
            #expect(FileManager.default.fileExists(atPath: course.output + "/" + file), "\(file)")
        }
        #expect(try course.read("search-index.js").contains(#""heading":"A figure""#))
    }

    @Test func aBareFolderIsACourseInNameOrder() throws {
        var files = Self.lessons
        files["course.yml"] = nil
        let course = try CourseFolder(files)
        let run = course.render()
        #expect(run.status == 0, "\(run.errors)")
        let index = try course.read("index.html")
        #expect(index.range(of: "learn.html")!.lowerBound < index.range(of: "tasks.html")!.lowerBound)
        #expect(try course.read("learn.html").contains(#"<a class="next" href="tasks.html" rel="next">"#))
    }

    @Test func aSingleNotebookStaysAStandalonePage() throws {
        let course = try CourseFolder(Self.lessons)
        let run = course.render(course.root + "/course/learn.md")
        #expect(run.status == 0, "\(run.errors)")
        let page = try course.read("learn.html")
        #expect(!page.contains("course-layout") && !page.contains("lesson-pager"))
        #expect(page.contains(#"<a href="tasks.html">the tasks</a>"#))
        #expect(!FileManager.default.fileExists(atPath: course.output + "/index.html"))
    }

    @Test func brokenLinksAndImagesAreErrorsAndTheLessonIsNotWritten() throws {
        var files = Self.lessons
        files["tasks.md"] = files["tasks.md"]!.replacingOccurrences(of: "learn.md#a-figure", with: "learn.md#no-figure")
            .replacingOccurrences(of: "img/square.svg", with: "img/circle.svg")
        files["learn.md"] = files["learn.md"]!.replacingOccurrences(of: "tasks.md", with: "gone.md")
        let course = try CourseFolder(files)
        let run = course.render()
        #expect(run.status == 1)
        #expect(run.errors.contains("tasks.md:6: error: the lesson 'learn.md' has no anchor '#no-figure'"))
        #expect(run.errors.contains("tasks.md:8: error: the linked file 'img/circle.svg' does not exist"))
        #expect(run.errors.contains("learn.md:3: error: the linked lesson 'gone.md' does not exist"))
        for file in ["tasks.html", "learn.html", "figures/learn-curve.svg", "sources/tasks.md"] {
            #expect(!FileManager.default.fileExists(atPath: course.output + "/" + file), "\(file)")
        }
    }

    @Test func aFailingLessonFailsTheBuildButTheOthersAreWritten() throws {
        var files = Self.lessons
        files["tasks.md"] = files["tasks.md"]!.replacingOccurrences(of: "CartPole()", with: "NoSuchPole()")
        let course = try CourseFolder(files)
        let run = course.render("--jobs", "2")
        #expect(run.status == 1)
        #expect(run.errors.contains("cannot find 'NoSuchPole' in scope"))
        #expect(FileManager.default.fileExists(atPath: course.output + "/tasks.failed.html"))
        #expect(!FileManager.default.fileExists(atPath: course.output + "/tasks.html"))
        #expect(FileManager.default.fileExists(atPath: course.output + "/learn.html"))
        #expect(FileManager.default.fileExists(atPath: course.output + "/index.html"))
    }

    @Test func twoJobsWriteWhatOneJobWrites() throws {
        let course = try CourseFolder(Self.lessons)
        #expect(course.render("--jobs", "1", "--to", "ipynb").status == 0)
        let serial = try course.files()
        try FileManager.default.removeItem(atPath: course.output)
        #expect(course.render("--jobs", "2", "--to", "ipynb").status == 0)
        let parallel = try course.files()
        #expect(serial.keys.sorted() == parallel.keys.sorted())
        #expect(serial.count == 13)
        for (path, bytes) in serial { #expect(parallel[path] == bytes, "\(path) differs") }
    }

    @Test(.enabled(if: CourseFolder.hasNbformat, "skipped: Python's nbformat package is missing (pip install nbformat)"))
    func theExportedNotebookValidates() throws {
        let course = try CourseFolder(Self.lessons)
        let run = course.render(course.root + "/course/learn.md", "--to", "ipynb")
        #expect(run.status == 0, "\(run.errors)")
        let check = CourseFolder.tool("python3", "-c", "import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); "
            + "nbformat.validate(nb); print([c.id for c in nb.cells], nb.cells[1].outputs[0].output_type, "
            + "sorted(nb.cells[1].outputs[0].data))", course.output + "/learn.ipynb")
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("['markdown-1', 'curve'] display_data ['image/svg+xml', 'text/plain']"), "\(check.output)")
    }

    @Test(.enabled(if: CourseFolder.hasChromium, "skipped: Debian's chromium is not installed (make pdf installs it)"))
    func pdfHandoutsForEachLessonAndTheCourse() throws {
        let course = try CourseFolder(Self.lessons)
        let run = course.render("--to", "pdf")
        #expect(run.status == 0, "\(run.errors)")
        #expect(try course.read("learn.html").contains(#"<a href="learn.pdf">"#))
        #expect(try course.read("index.html").contains(#"<a href="course.pdf">"#))
        let lesson = CourseFolder.tool("pdftotext", course.output + "/learn.pdf", "-")
        #expect(lesson.output.contains("Learning") && lesson.output.contains("A figure"))
        #expect(lesson.output.contains("Squares"), "the figure's title is text: the figure is vector")
        #expect(lesson.output.contains("1/1"), "the page is numbered: page 1 of 1")
        #expect(CourseFolder.tool("pdfimages", "-list", course.output + "/learn.pdf").output
            .split(separator: "\n").count == 2, "no raster images: only the header lines")
        let fonts = CourseFolder.tool("pdffonts", course.output + "/learn.pdf").output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes ") }, "every font is embedded")

        let book = CourseFolder.tool("pdfinfo", course.output + "/course.pdf").output
        let pages = book.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { Int($0.split(separator: " ").last!)! }
        #expect(book.contains("Title:") && book.contains("A small course"))
        // A title page, the contents, then each lesson from a new page, in order.
        let pageStarts = (1...(pages ?? 0)).map { page in
            CourseFolder.tool("pdftotext", "-f", "\(page)", "-l", "\(page)", course.output + "/course.pdf", "-")
                .output.split(separator: "\n").first.map(String.init) ?? ""
        }
        #expect(Array(pageStarts.prefix(2)) == ["A small course", "Contents"], "\(pageStarts)")
        let lessonStarts = pageStarts.compactMap { ["The tasks", "Learning"].firstIndex(of: $0) }
        #expect(lessonStarts == [0, 1], "\(pageStarts)")
        let text = CourseFolder.tool("pdftotext", course.output + "/course.pdf", "-").output
        #expect(text.contains("steps: 500") && text.contains("Squares"))
    }

    @Test func askingForPdfWithoutChromiumNamesThePackage() throws {
        let course = try CourseFolder(Self.lessons)
        let run = course.render(course.root + "/course/learn.md", "--to", "pdf", environment: ["PATH": "/nonexistent"])
        #expect(run.status != 0)
        #expect(run.errors.contains("Debian's 'chromium' package"))
        #expect(run.errors.contains("make pdf"))
    }
}

/// A course folder written to a temporary place, rendered into `out/` beside it.
struct CourseFolder {
    let root: String
    var output: String { root + "/out" }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ppo-book-course-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = "\(root)/course/\(name)"
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    func read(_ file: String) throws -> String {
        try String(contentsOfFile: output + "/" + file, encoding: .utf8)
    }

    /// Every file under the output folder, by relative path.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: output)! {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: output + "/" + path) }
        }
        return files
    }

    /// Renders the course folder (or the notebook given first) with `arguments`.
    func render(_ arguments: String..., environment: [String: String] = [:]) -> (status: Int32, errors: String) {
        let input = arguments.first.map { !$0.hasPrefix("--") } == true ? arguments[0] : "course"
        let rest = input == "course" ? arguments : Array(arguments.dropFirst())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workspace.binary)
        process.arguments = ["render", input, "--output", "out", "--no-cache"] + rest
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        guard (try? process.run()) != nil else { return (-1, "cannot run \(Workspace.binary)") }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let hasChromium = ["chromium", "pdftotext", "pdfinfo", "pdfimages", "pdffonts"].allSatisfy {
        tool("sh", "-c", "command -v \($0)").status == 0
    }
    static let hasNbformat = tool("python3", "-c", "import nbformat").status == 0

    /// Runs a command found on PATH; its standard output and error together.
    static func tool(_ name: String, _ arguments: String...) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (-1, "\(name) did not start") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
