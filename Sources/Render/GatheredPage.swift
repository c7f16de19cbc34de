/// A page's main content made ready to stand beside other pages in one document (a whole
/// course printed as one PDF): its anchors cannot clash with theirs, and links between the
/// pages become links inside the document.
public enum GatheredPage {
    /// The anchor of the page named `name` in the gathered document.
    public static func anchor(ofPage name: String) -> String { "page-\(name)" }

    /// `main` (the `<main>` content of the page named `name`) with every id and `#` reference
    /// prefixed with the page's anchor, and links to the pages in `pageNames` (`109.html#clip`)
    /// pointing into the document (`#page-109-clip`).
    public static func html(_ main: String, name: String, pageNames: Set<String>) -> String {
        var text = main.prefixingIDs(with: anchor(ofPage: name))
        text = text.replacingEvery("href=\"", closedBy: "\"") { destination in
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0].hasSuffix(".html"), pageNames.contains(String(parts[0].dropLast(5))) else {
                return "href=\"\(destination)\""
            }
            let page = anchor(ofPage: String(parts[0].dropLast(5)))
            return "href=\"#\(page)" + (parts.count > 1 ? "-\(parts[1])" : "") + "\""
        }
        return text
    }
}
