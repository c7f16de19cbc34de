/// One thing a cell produced, in the order it produced it.
public enum CellOutput: Codable, Equatable, Sendable {
    /// Text the cell printed to standard output.
    case text(String)
    /// Text the cell wrote to standard error.
    case standardError(String)
    /// A table shown with `show(table)`.
    case table(TableOutput)
    /// A figure shown with `show(figure)`.
    case figure(FigureOutput)
    /// A claim made with `claim(...)`, with its verdict and evidence.
    case claim(ClaimOutput)
    /// A compile error, a trap, an uncaught error or a time-out, already worded for the reader.
    case error(String)
    /// A note from ppo-book about the cell's output: text cut at the limit, an event it could not read.
    case notice(String)
}

/// A table as it travels from a cell to the page: column names and rows of text.
public struct TableOutput: Codable, Equatable, Sendable {
    /// The column headings.
    public var columns: [String]
    /// The rows; each has one entry per column.
    public var rows: [[String]]
    /// An optional caption shown above the table.
    public var caption: String?

    /// Creates a table.
    public init(columns: [String], rows: [[String]], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }
}

/// A figure as it travels from a cell to the page: the SVG drawing and the data behind it.
public struct FigureOutput: Codable, Equatable, Sendable {
    /// A complete `<svg>` element.
    public var svg: String
    /// The plotted data as CSV, written beside the SVG for handouts.
    public var csv: String
    /// The figure's title, if it has one.
    public var title: String?
    /// The figure's own caption, if it has one (a cell's `caption=` tag applies otherwise).
    public var caption: String?

    /// Creates a figure.
    public init(svg: String, csv: String, title: String? = nil, caption: String? = nil) {
        self.svg = svg
        self.csv = csv
        self.title = title
        self.caption = caption
    }
}
