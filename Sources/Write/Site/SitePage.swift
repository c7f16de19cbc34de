import Render

/// A page of the course site that is not a lesson (the index, the search page): the lessons'
/// stylesheet, a title, and the given body.
enum SitePage {
    static func html(title: String, description: String?, body: [String], scripts: [String] = []) -> String {
        var lines = HTML.documentOpening(title: title, description: description)
        lines += ["<style>", Stylesheet.css, SiteStylesheet.css, "</style>", "</head>", "<body>"]
        lines += body
        lines += scripts.map { "<script src=\"\($0)\"></script>" }
        lines += ["</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }
}
