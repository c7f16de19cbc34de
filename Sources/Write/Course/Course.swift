import Notebook

/// A course: a folder of notebooks in a reading order, grouped into parts, with a title.
public struct Course: Sendable {
    /// A named group of lessons, such as "Policy gradients".
    public struct Part: Sendable {
        /// The part's title, or nil for lessons that belong to no named part.
        public var title: String?
        /// Its lessons, in reading order.
        public var lessons: [Lesson]
    }

    /// One notebook of the course.
    public struct Lesson: Sendable {
        /// The notebook's path.
        public var path: String
        /// Where the course file lists it (the notebook's own first line without a course file).
        public var listing: SourceLocation
        /// The notebook's name: its file name without `.md`; its page is `<name>.html`.
        public var name: String {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        }
    }

    /// The course's title.
    public var title: String
    /// A paragraph about the course, shown on the index page.
    public var description: String?
    /// The parts, in order.
    public var parts: [Part]
    /// The folder the notebooks are in.
    public var folder: String

    /// Every lesson, in reading order.
    public var lessons: [Lesson] { parts.flatMap(\.lessons) }

    /// The title of the part that holds lesson number `index` (in reading order), if it is named.
    public func partTitle(ofLesson index: Int) -> String? {
        var first = 0
        for part in parts {
            if index < first + part.lessons.count { return part.title }
            first += part.lessons.count
        }
        return nil
    }
}
