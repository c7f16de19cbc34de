import Render

/// The course's front page: its title and description, a search box, and every lesson by part
/// with its description, figure count and reading time.
public struct IndexPage {
    private let course: Course
    private let lessons: [LessonSummary]
    private let book: String?

    /// The index of `course`, whose lessons (in reading order) are summarised by `lessons`,
    /// linking the whole course's PDF `book` when it is printed.
    public init(course: Course, lessons: [LessonSummary], book: String? = nil) {
        self.course = course
        self.lessons = lessons
        self.book = book
    }

    /// The page's HTML.
    public var html: String {
        var body = ["<header class=\"page-header\">", "<h1 class=\"page-title\">\(HTML.escape(course.title))</h1>"]
        if let description = course.description { body.append("<p class=\"course-description\">\(HTML.escape(description))</p>") }
        body += ["</header>", SearchPage.form, "<main>"]
        if let book { body.append("<p class=\"course-book\"><a href=\"\(HTML.escape(book))\">The whole course as one PDF</a></p>") }
        var index = 0
        for part in course.parts {
            if let title = part.title { body.append("<h2>\(HTML.escape(title))</h2>") }
            body.append("<ol class=\"lesson-list\">")
            for _ in part.lessons {
                body.append(entry(lessons[index], number: index + 1))
                index += 1
            }
            body.append("</ol>")
        }
        body += ["</main>", "<footer class=\"page-footer\">Rendered with ppo-book.</footer>"]
        return SitePage.html(title: course.title, description: course.description, body: body)
    }

    private func entry(_ lesson: LessonSummary, number: Int) -> String {
        var html = ["<li class=\"lesson-entry\">",
                    "<h3><a href=\"\(HTML.escape(lesson.name)).html\">\(HTML.escape(lesson.title))</a></h3>"]
        if let description = lesson.description { html.append("<p>\(HTML.escape(description))</p>") }
        let figures = lesson.figureCount == 1 ? "1 figure" : "\(lesson.figureCount) figures"
        html.append("<p class=\"lesson-facts\">Lesson \(number) · \(figures) · \(lesson.readingMinutes) min read</p>")
        html.append("</li>")
        return html.joined(separator: "\n")
    }
}
