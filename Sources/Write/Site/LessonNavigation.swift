import Render

/// What a course adds around a lesson's page: a sidebar with the whole course (a plain list
/// on wide screens, a collapsed `<details>` on a phone, so it needs no script), a breadcrumb,
/// the lesson's downloads, and links to the previous and next lessons.
public struct LessonNavigation {
    /// The files a reader can download from a lesson's page, relative to it.
    public struct Downloads: Sendable {
        /// The lesson as a PDF, when one is printed.
        public var pdf: String?
        /// The executed notebook, when one is exported.
        public var ipynb: String?
        /// The notebook's Markdown source.
        public var source: String
        /// Figure files without extension (`figures/109-curve`), each written as `.svg` and `.csv`.
        public var figures: [String]

        /// Downloads for one lesson.
        public init(pdf: String? = nil, ipynb: String? = nil, source: String, figures: [String]) {
            self.pdf = pdf
            self.ipynb = ipynb
            self.source = source
            self.figures = figures
        }
    }

    private let course: Course
    private let lessons: [LessonSummary]

    /// Navigation for `course`, whose lessons (in reading order) are summarised by `lessons`.
    public init(course: Course, lessons: [LessonSummary]) {
        self.course = course
        self.lessons = lessons
    }

    /// The surroundings of lesson number `index` (in reading order) offering `downloads`.
    public func surroundings(ofLesson index: Int, downloads: Downloads) -> PageSurroundings {
        let contents = self.contents(current: index)
        let top = [
            "<div class=\"course-layout\">",
            "<nav class=\"course-sidebar\" aria-label=\"Course\">",
            courseName, SearchPage.form, contents,
            "</nav>",
            "<div class=\"course-page\">",
            "<details class=\"course-menu\">",
            "<summary>All lessons</summary>",
            SearchPage.form, contents,
            "</details>",
            breadcrumb(index),
        ]
        let after = [self.downloads(downloads), pager(index)]
        return PageSurroundings(style: SiteStylesheet.css, top: top.joined(separator: "\n"),
                                afterMain: after.joined(separator: "\n"), bottom: "</div>\n</div>")
    }

    private var courseName: String {
        "<p class=\"course-name\"><a href=\"index.html\">\(HTML.escape(course.title))</a></p>"
    }

    /// The course's lessons by part, the current one marked.
    private func contents(current: Int) -> String {
        var html: [String] = []
        var index = 0
        for part in course.parts {
            if let title = part.title { html.append("<p class=\"course-part\">\(HTML.escape(title))</p>") }
            html.append("<ol class=\"course-lessons\">")
            for _ in part.lessons {
                let lesson = lessons[index]
                let mark = index == current ? " aria-current=\"page\"" : ""
                html.append("<li><a href=\"\(HTML.escape(lesson.name)).html\"\(mark)>\(HTML.escape(lesson.title))</a></li>")
                index += 1
            }
            html.append("</ol>")
        }
        return html.joined(separator: "\n")
    }

    private func breadcrumb(_ index: Int) -> String {
        var items = ["<li><a href=\"index.html\">\(HTML.escape(course.title))</a></li>"]
        if let part = course.partTitle(ofLesson: index) { items.append("<li>\(HTML.escape(part))</li>") }
        items.append("<li aria-current=\"page\">\(HTML.escape(lessons[index].title))</li>")
        return "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol>" + items.joined() + "</ol></nav>"
    }

    private func downloads(_ downloads: Downloads) -> String {
        var items: [String] = []
        if let pdf = downloads.pdf { items.append(link(pdf, "This lesson as a PDF")) }
        if let ipynb = downloads.ipynb { items.append(link(ipynb, "Executed Jupyter notebook (.ipynb)")) }
        items.append(link(downloads.source, "Notebook source (Markdown)"))
        for figure in downloads.figures {
            let name = figure.split(separator: "/").last.map(String.init) ?? figure
            items.append("<li>Figure <code>\(HTML.escape(name))</code>: <a href=\"\(HTML.escape(figure)).svg\">SVG</a> · "
                + "<a href=\"\(HTML.escape(figure)).csv\">data (CSV)</a></li>")
        }
        return (["<aside class=\"downloads\" aria-label=\"Downloads\">", "<h2>Downloads</h2>", "<ul>"] + items
            + ["</ul>", "</aside>"]).joined(separator: "\n")
    }

    private func link(_ path: String, _ text: String) -> String {
        "<li><a href=\"\(HTML.escape(path))\">\(text)</a></li>"
    }

    private func pager(_ index: Int) -> String {
        var html = ["<nav class=\"lesson-pager\" aria-label=\"Previous and next lessons\">"]
        if index > 0 {
            let previous = lessons[index - 1]
            html.append("<a class=\"previous\" href=\"\(HTML.escape(previous.name)).html\" rel=\"prev\">"
                + "<span>Previous</span>\(HTML.escape(previous.title))</a>")
        }
        if index + 1 < lessons.count {
            let next = lessons[index + 1]
            html.append("<a class=\"next\" href=\"\(HTML.escape(next.name)).html\" rel=\"next\">"
                + "<span>Next</span>\(HTML.escape(next.title))</a>")
        }
        html.append("</nav>")
        return html.joined(separator: "\n")
    }
}
