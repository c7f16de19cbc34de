/// The look of one series: a colour from the Okabe-Ito colour-blind-safe
/// palette, plus a dash pattern, a point marker and a bar hatching, so that
/// series stay distinguishable in black-and-white print.
struct SeriesStyle: Equatable {
    /// The position of the series in the figure, counted from 0.
    let index: Int

    /// Okabe-Ito colours for light backgrounds, the most distinct first;
    /// the last entry follows the text colour (black on paper, white in dark mode).
    private static let lightColors = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "currentColor",
    ]
    /// Lighter variants used under `prefers-color-scheme: dark`, where the
    /// light-background colour is too dim against a dark page.
    private static let darkColors = [
        "#4AA3E8", "#E69F00", "#1FC08F", "#F0773A", "#DD95BE", "#56B4E9", "#F0E442", "currentColor",
    ]
    /// Stroke dash patterns in viewBox units (dash, gap, ...), solid first.
    private static let dashPatterns = ["", "7 3", "2 2.5", "9 3 2 3", "4 4", "12 4"]

    /// The colour for light backgrounds (a hex colour or `currentColor`).
    var color: String { Self.lightColors[index % Self.lightColors.count] }

    /// The colour for dark backgrounds.
    var darkColor: String { Self.darkColors[index % Self.darkColors.count] }

    /// The `stroke-dasharray` value, or nil for a solid line.
    var dashArray: String? {
        let pattern = Self.dashPatterns[index % Self.dashPatterns.count]
        return pattern.isEmpty ? nil : pattern
    }

    /// The point marker shape.
    var marker: Marker { Marker.allCases[index % Marker.allCases.count] }

    /// The bar hatching angle in degrees, or nil for a solid fill.
    var hatchAngle: Double? {
        let angles: [Double?] = [nil, 45, -45, 0, 90]
        return angles[index % angles.count]
    }

    /// A point marker shape.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond
    }
}
