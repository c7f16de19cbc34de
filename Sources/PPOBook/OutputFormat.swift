import ArgumentParser

/// What `render --to` writes besides, or with, the HTML page.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// The HTML page (always written: the PDF is printed from it).
    case html
    /// A PDF printed from the page by headless Chromium; for a course, also the whole course as one PDF.
    case pdf
    /// The executed notebook in Jupyter's format.
    case ipynb
}
