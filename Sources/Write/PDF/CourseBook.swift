import Render

/// The whole course as one printable document: a title page, the contents, then every lesson
/// in order, each starting on a new page. Lessons' anchors are prefixed so they cannot clash,
/// and links between lessons lead inside the document.
public struct CourseBook {
    /// A lesson's place in the book.
    public struct Chapter {
        /// Its summary (name and title).
        public var summary: LessonSummary
        /// Whether its page shows its title above `main` (from the front matter), which the book repeats.
        public var titleInHeader: Bool
        /// The content of its page's `<main>`.
        public var main: String

        /// A chapter.
        public init(summary: LessonSummary, titleInHeader: Bool, main: String) {
            self.summary = summary
            self.titleInHeader = titleInHeader
            self.main = main
        }
    }

    private let course: Course
    private let chapters: [Chapter]

    /// The book of `course` with its lessons' `chapters`, in reading order.
    public init(course: Course, chapters: [Chapter]) {
        self.course = course
        self.chapters = chapters
    }

    /// The document's HTML.
    public var html: String {
        var body = ["<section class=\"book-title-page\">", "<h1>\(HTML.escape(course.title))</h1>"]
        if let description = course.description { body.append("<p>\(HTML.escape(description))</p>") }
        body += ["</section>", "<nav class=\"book-contents\" aria-label=\"Contents\">", "<h2>Contents</h2>"]
        var number = 0
        for part in course.parts {
            // A lesson that failed has no chapter: the contents list the lessons the book holds.
            let inBook = part.lessons.compactMap { lesson in chapters.first { $0.summary.name == lesson.name }?.summary }
            guard !inBook.isEmpty else { continue }
            if let title = part.title { body.append("<h3>\(HTML.escape(title))</h3>") }
            body.append("<ol start=\"\(number + 1)\">")
            for lesson in inBook {
                body.append("<li><a href=\"#\(GatheredPage.anchor(ofPage: lesson.name))\">\(HTML.escape(lesson.title))</a></li>")
            }
            number += inBook.count
            body.append("</ol>")
        }
        body.append("</nav>")
        let names = Set(chapters.map(\.summary.name))
        for chapter in chapters {
            body.append("<article class=\"book-lesson\" id=\"\(GatheredPage.anchor(ofPage: chapter.summary.name))\">")
            if chapter.titleInHeader { body.append("<h1 class=\"page-title\">\(HTML.escape(chapter.summary.title))</h1>") }
            body.append(GatheredPage.html(chapter.main, name: chapter.summary.name, pageNames: names))
            body.append("</article>")
        }
        let style = """
            .book-title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
            .book-title-page h1 { font-size: 2.4rem; } .book-title-page p { font-size: 1.1rem; color: var(--muted); }
            .book-contents { break-before: page; } .book-contents ol { padding-left: 1.4rem; }
            .book-contents a { color: inherit; text-decoration: none; }
            .book-lesson { break-before: page; }
            """
        return ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                "<title>\(HTML.escape(course.title))</title>", "<style>", Stylesheet.css, style, "</style>",
                "</head>", "<body>"].joined(separator: "\n") + "\n" + body.joined(separator: "\n")
            + "\n</body>\n</html>\n"
    }
}
