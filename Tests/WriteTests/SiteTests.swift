import CellEvents
import Execution
import Foundation
import Notebook
import Render
import Testing
import Write

/// The index, the navigation around a lesson, and the search index, from a course file and from a bare folder.
@Suite struct SiteTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(files: [
            "course.yml": "title: Balancing <acts>\ndescription: Two lessons.\nparts:\n"
                + "  - title: First steps\n    lessons: [intro.md]\n  - title: Learning\n    lessons: [pg.md]\n",
            "intro.md": "---\ntitle: The tasks\ndescription: What the agent sees.\n---\n\nCartPole pays one per step.\n",
            "pg.md": "# Policy gradients\n\nPush up good actions.\n\n## Clipping\n\nKeep the ratio near one.\n\n"
                + "| setting | value |\n|---|---|\n| clip | 0.2 |\n\n"
                + "```swift id=curve caption=\"Return per episode\"\nshow(figure)\n```\n",
        ])
    }

    func summaries(_ course: Course, figures: Int = 0) throws -> [LessonSummary] {
        try course.lessons.map { lesson in
            let notebook = try NotebookParser().parse(contentsOf: lesson.path)
            let results: [Int: CellResult] = notebook.cells.isEmpty ? [:] : [0: CellResult(
                status: .succeeded, outputs: Array(repeating: .figure(FigureOutput(svg: "<svg/>", csv: "", title: "Curve")),
                                                   count: figures))]
            return LessonSummary(notebook: notebook, results: results)
        }
    }

    @Test func theIndexListsEveryLessonByPartWithItsFacts() throws {
        let course = try CourseLoader().load(folder: folder.path)
        let html = IndexPage(course: course, lessons: try summaries(course, figures: 2)).html
        #expect(html.contains("<title>Balancing &lt;acts&gt;</title>"))
        #expect(html.contains("<h2>First steps</h2>") && html.contains("<h2>Learning</h2>"))
        #expect(html.contains(#"<a href="intro.html">The tasks</a>"#))
        #expect(html.contains("<p>What the agent sees.</p>"))
        #expect(html.contains("Lesson 1 · 0 figures · 1 min read"))
        #expect(html.contains("Lesson 2 · 2 figures · 1 min read"))
        #expect(html.range(of: "intro.html")!.lowerBound < html.range(of: "pg.html")!.lowerBound)
        #expect(!html.contains("<script"))
    }

    @Test func aBareFolderIndexesLessonsInNameOrder() throws {
        try FileManager.default.removeItem(atPath: folder.path + "/course.yml")
        let course = try CourseLoader().load(folder: folder.path)
        #expect(course.lessons.map(\.name) == ["intro", "pg"])
        let html = IndexPage(course: course, lessons: try summaries(course)).html
        #expect(html.range(of: "intro.html")!.lowerBound < html.range(of: "pg.html")!.lowerBound)
        #expect(html.contains("<h1 class=\"page-title\">\(URL(fileURLWithPath: folder.path).lastPathComponent)</h1>"))
        #expect(!html.contains("<h2>"))
    }

    @Test func aLessonGetsSidebarBreadcrumbPagerAndDownloads() throws {
        let course = try CourseLoader().load(folder: folder.path)
        let navigation = LessonNavigation(course: course, lessons: try summaries(course))
        let around = navigation.surroundings(ofLesson: 1, downloads: LessonNavigation.Downloads(
            pdf: "pg.pdf", source: "sources/pg.md", figures: ["figures/pg-curve"]))
        #expect(around.top.contains(#"<nav class="course-sidebar" aria-label="Course">"#))
        #expect(around.top.contains(#"<details class="course-menu">"#))
        #expect(around.top.contains(#"<a href="pg.html" aria-current="page">Policy gradients</a>"#))
        #expect(around.top.contains(#"<li><a href="index.html">Balancing &lt;acts&gt;</a></li><li>Learning</li>"#))
        #expect(around.afterMain.contains(#"<a class="previous" href="intro.html" rel="prev"><span>Previous</span>The tasks</a>"#))
        #expect(!around.afterMain.contains("rel=\"next\""))
        #expect(around.afterMain.contains(#"<a href="pg.pdf">"#))
        #expect(around.afterMain.contains(#"<a href="sources/pg.md">"#))
        #expect(around.afterMain.contains(#"<a href="figures/pg-curve.svg">SVG</a>"#))
        #expect(around.afterMain.contains(#"<a href="figures/pg-curve.csv">data (CSV)</a>"#))
        #expect(!(around.top + around.afterMain + around.bottom).contains("<script"))

        let first = navigation.surroundings(ofLesson: 0, downloads: LessonNavigation.Downloads(source: "sources/intro.md", figures: []))
        #expect(first.afterMain.contains(#"<a class="next" href="pg.html" rel="next">"#))
        #expect(!first.afterMain.contains(".pdf"))
    }

    @Test func theSearchIndexHoldsTitlesHeadingsProseAndCaptions() throws {
        let course = try CourseLoader().load(folder: folder.path)
        var index = SearchIndex()
        for lesson in course.lessons {
            let notebook = try NotebookParser().parse(contentsOf: lesson.path)
            let results: [Int: CellResult] = notebook.cells.isEmpty ? [:] : [0: CellResult(status: .succeeded, outputs: [
                .figure(FigureOutput(svg: "<svg/>", csv: "", title: "Returns of three seeds")),
                .table(TableOutput(columns: ["a"], rows: [["1"]], caption: "Final averages")),
            ])]
            index.add(notebook, results: results)
        }
        #expect(index.lessons == [.init(name: "intro", title: "The tasks"), .init(name: "pg", title: "Policy gradients")])
        #expect(index.sections == [
            .init(lesson: 0, anchor: "", heading: "The tasks", text: "CartPole pays one per step."),
            .init(lesson: 1, anchor: "policy-gradients", heading: "Policy gradients", text: "Push up good actions."),
            .init(lesson: 1, anchor: "clipping", heading: "Clipping",
                  text: "Keep the ratio near one. setting value clip 0.2 Return per episode Returns of three seeds Final averages"),
        ])
        #expect(index.script.hasPrefix("// The course's search index"))
        #expect(index.script.contains(#"{"anchor":"clipping","heading":"Clipping","lesson":1,"#))
        #expect(!index.script.contains("show(figure)"))
    }

    @Test func theSearchPageIsTheOnlyOneWithScripts() throws {
        let course = try CourseLoader().load(folder: folder.path)
        let html = SearchPage.html(course: course)
        #expect(html.contains(#"<script src="search-index.js"></script>"#))
        #expect(html.contains(#"<script src="search.js"></script>"#))
        #expect(html.contains("<noscript>"))
        #expect(!SearchPage.script.contains("innerHTML"))
    }
}
