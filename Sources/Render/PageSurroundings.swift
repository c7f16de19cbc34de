/// What a course puts around a lesson's page: its stylesheet, and the navigation and downloads
/// placed before and after the page's own content. Empty for a standalone page.
public struct PageSurroundings: Sendable {
    /// CSS added after the page's own stylesheet.
    public var style: String
    /// HTML at the top of the body, before the page's header.
    public var top: String
    /// HTML right after the page's main content, before its footer.
    public var afterMain: String
    /// HTML at the end of the body.
    public var bottom: String

    /// Surroundings; all empty by default.
    public init(style: String = "", top: String = "", afterMain: String = "", bottom: String = "") {
        self.style = style
        self.top = top
        self.afterMain = afterMain
        self.bottom = bottom
    }
}
