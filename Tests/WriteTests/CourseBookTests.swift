import Testing
import Write

@Suite struct CourseBookTests {
    @Test func lessonsFollowATitlePageAndContentsWithoutClashingAnchors() throws {
        let folder = try TemporaryFolder(files: ["course.yml": "title: The course\nlessons: [a.md, b.md]\n",
                                                 "a.md": "# A\n", "b.md": "# B\n"])
        let course = try CourseLoader().load(folder: folder.path)
        let a = LessonSummary(name: "a"), b = LessonSummary(name: "b")
        let html = CourseBook(course: course, chapters: [
            .init(summary: a, titleInHeader: true, main: ##"<h2 id="part">Part</h2><a href="b.html#part">B's part</a>"##),
            .init(summary: b, titleInHeader: false, main: ##"<h2 id="part">Part</h2><a href="#part">here</a><a href="https://x.org/a.html">x</a>"##),
        ]).html
        #expect(html.contains(#"<section class="book-title-page">"#))
        #expect(html.contains(##"<li><a href="#page-a">a</a></li>"##))
        #expect(html.contains(#"<h2 id="page-a-part">"#) && html.contains(#"<h2 id="page-b-part">"#))
        #expect(html.contains(##"<a href="#page-b-part">B's part</a>"##))
        #expect(html.contains(##"<a href="#page-b-part">here</a>"##))
        #expect(html.contains(#"href="https://x.org/a.html""#))
        #expect(html.components(separatedBy: #"class="book-lesson""#).count == 3)
        #expect(html.contains(".book-lesson { break-before: page; }"))
    }

    @Test func aLessonMissingFromTheBookIsLeftOutOfTheContents() throws {
        let folder = try TemporaryFolder(files: ["course.yml": "title: T\nparts:\n  - title: One\n    lessons: [a.md]\n"
            + "  - title: Two\n    lessons: [b.md, c.md]\n", "a.md": "# A\n", "b.md": "# B\n", "c.md": "# C\n"])
        let course = try CourseLoader().load(folder: folder.path)
        let html = CourseBook(course: course, chapters: [
            .init(summary: LessonSummary(name: "a"), titleInHeader: false, main: ""),
            .init(summary: LessonSummary(name: "c"), titleInHeader: false, main: ""),
        ]).html
        #expect(html.contains("<h3>Two</h3>\n<ol start=\"2\">\n<li><a href=\"#page-c\">c</a></li>\n</ol>"))
        #expect(!html.contains("#page-b"))
    }
}
