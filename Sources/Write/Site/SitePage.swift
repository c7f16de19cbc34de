import Render

/// A page of the course site that is not a lesson (the index, the search page): the lessons'
/// stylesheet, a title, and the given body.
enum SitePage {
    static func html(title: String, description: String?, body: [String], scripts: [String] = []) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<meta name=\"generator\" content=\"ppo-book\">",
            "<title>\(HTML.escape(title))</title>",
        ]
        if let description { lines.append("<meta name=\"description\" content=\"\(HTML.escape(description))\">") }
        lines += ["<style>", Stylesheet.css, SiteStylesheet.css, "</style>", "</head>", "<body>"]
        lines += body
        lines += scripts.map { "<script src=\"\($0)\"></script>" }
        lines += ["</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }
}
