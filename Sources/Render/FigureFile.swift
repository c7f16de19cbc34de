import CellEvents

/// A figure of an `id=` cell, written beside the page for handouts and slides:
/// `figures/<notebook>-<id>.svg` with its data as `.csv` (numbered `-1`, `-2`... when the cell shows several).
public struct FigureFile: Equatable, Sendable {
    /// The path relative to the output folder, without extension: `figures/109-curves`.
    public var basePath: String
    /// The figure.
    public var figure: FigureOutput

    /// The figure files of a cell with anchor `id` that showed `figures`, for the notebook named `notebook`;
    /// `suffix` ends every name (a draft's, so it never overwrites the real figures).
    static func files(notebook: String, id: String, figures: [FigureOutput], suffix: String = "") -> [FigureFile] {
        figures.enumerated().map { index, figure in
            let number = figures.count == 1 ? "" : "-\(index + 1)"
            return FigureFile(basePath: "figures/\(notebook)-\(id)\(number)\(suffix)", figure: figure)
        }
    }
}
