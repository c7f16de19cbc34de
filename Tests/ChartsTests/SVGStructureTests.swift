import Charts
import Testing

@Suite struct SVGStructureTests {
    @Test(arguments: Examples.all.map(\.name))
    func everyChartKindIsWellFormedXML(_ name: String) throws {
        let figure = try #require(Examples.all.first { $0.name == name }?.figure)
        let svg = ParsedSVG(figure.svg())
        #expect(svg.isWellFormed, "\(name): \(svg.error ?? "")")
        #expect(svg.elements.first?.name == "svg")
    }

    @Test func rootScalesToThePageAndNamesItselfForScreenReaders() throws {
        let svg = ParsedSVG(Examples.seeds.svg())
        let root = try #require(svg.elements.first)
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 720 420")
        #expect(root.attributes["width"] == "100%")
        #expect(root.attributes["height"] == nil)
        #expect(root.attributes["role"] == "img")
        let title = try #require(svg.all("title").first)
        let desc = try #require(svg.all("desc").first)
        #expect(root.attributes["aria-labelledby"] == title.attributes["id"])
        #expect(root.attributes["aria-describedby"] == desc.attributes["id"])
        #expect(title.text == "REINFORCE, three seeds")
        #expect(desc.text.contains("episode"))
        #expect(desc.text.contains("seed 0, seed 1, seed 2"))
        #expect(desc.text.contains("at y = 195"))
    }

    @Test func theDescriptionSaysWhereEachLineStartsEndsAndPeaks() {
        var fig = Figure(title: "t")
        fig.line(x: [0, 1, 2, 3], y: [.nan, 10, 42.125, 30], label: "seed 0")
        let desc = ParsedSVG(fig.svg()).all("desc").first?.text ?? ""
        #expect(desc.contains("seed 0: from 10 at x = 1 to 30 at x = 3, highest 42.13 at x = 2."))
    }

    @Test func textAndAxesFollowThePageColourAndFontsAreGeneric() {
        let svg = ParsedSVG(Examples.seeds.svg())
        #expect(svg.elements.first?.attributes["font-family"] == "system-ui, sans-serif")
        #expect(svg.all("text").allSatisfy { $0.attributes["fill"] == "currentColor" || $0.attributes["fill"] == nil })
        let style = svg.all("style").first?.text ?? ""
        #expect(style.contains("@media (prefers-color-scheme: dark)"))
        let text = Examples.seeds.svg()
        #expect(text.components(separatedBy: "http").count == 2, "only the xmlns names a URL")
        #expect(!text.contains("href") && !text.contains("@import"))
    }

    @Test func seriesGetDistinctColoursAndDashPatterns() {
        let svg = ParsedSVG(Examples.seeds.svg())
        let dataLines = svg.all("path").filter { $0.attributes["stroke-width"] == "1.75" }
        let dashes = Set(dataLines.map { $0.attributes["stroke-dasharray"] ?? "solid" })
        #expect(dashes.count == 3)
        let colours = Set(svg.all("g").compactMap { $0.attributes["color"] })
        #expect(colours == ["#0072B2", "#E69F00", "#009E73"])
    }

    @Test func legendNamesEverySeriesOnceAndReferenceLabelsAreDrawn() {
        let texts = ParsedSVG(Examples.seeds.svg()).texts
        for label in ["seed 0", "seed 1", "seed 2", "solved (195)", "ceiling (500)"] {
            #expect(texts.filter { $0 == label }.count == 1, "\(label)")
        }
    }

    @Test func aLongLegendWrapsIntoRowsAboveThePlot() throws {
        var fig = Figure(title: "Many agents")
        let names = (1 ... 9).map { "agent number \($0) with a long name" }
        for (offset, name) in names.enumerated() { fig.line(y: [Double(offset), Double(offset + 1)], label: name) }
        let svg = ParsedSVG(fig.svg())
        let plotTop = try #require(Double(svg.all("rect").first?.attributes["y"] ?? ""))
        let legend = svg.all("text").filter { names.contains($0.text) }
        let rows = Set(legend.compactMap { $0.attributes["y"] })
        #expect(legend.count == 9)
        #expect(rows.count >= 3)
        #expect(legend.allSatisfy { (Double($0.attributes["y"] ?? "") ?? .infinity) + 8 < plotTop })
    }

    @Test func aBandAndItsMeanLineShareOneLegendEntryAndColour() {
        let svg = ParsedSVG(Examples.band.svg())
        #expect(svg.texts.filter { $0 == "REINFORCE" }.count == 1)
        #expect(Set(svg.all("g").compactMap { $0.attributes["color"] }) == ["#0072B2"])
        #expect(svg.all("path").contains { $0.attributes["class"] == "band" })
    }

    @Test func missingBarsAreShownWithTheirLabel() {
        let svg = ParsedSVG(Examples.bars.svg())
        #expect(svg.texts.contains("never reached"))
        #expect(svg.all("rect").filter { $0.attributes["fill"]?.hasPrefix("url(#") == true }.count == 4)
        #expect(svg.texts.contains("655"))
        #expect(svg.all("desc").first?.text.contains("REINFORCE: seed 0 412, seed 1 never reached, seed 2 655.") == true)
    }

    @Test func longCategoryNamesWrapOntoSeveralLines() {
        var fig = Figure()
        let categories = ["PPO", "actor-critic with an entropy bonus of one hundredth", "A2C", "DQN"]
        fig.bars(categories: categories, values: [500, 430, 310, 480])
        let svg = ParsedSVG(fig.svg())
        let lines = svg.all("tspan").map(\.text)
        #expect(lines.count >= 2)
        #expect(lines.joined(separator: " ") == categories[1])
        #expect(svg.texts.contains("PPO") && svg.texts.contains("DQN"))
    }

    @Test func aSharedYAxisIsLabelledOnTheFirstPanelOnly() {
        var left = Panel(yLabel: "return")
        left.line(y: [0, 250, 500])
        var right = Panel()
        right.line(y: [20, 300, 480])
        let shared = ParsedSVG(Figure(panels: [left, right], sharesYAxis: true).svg())
        let own = ParsedSVG(Figure(panels: [left, right], sharesYAxis: false).svg())
        #expect(shared.texts.filter { $0 == "400" }.count == 1)
        #expect(own.texts.filter { $0 == "400" }.count == 2)
    }

    @Test func linesBreakAtMissingValuesAndLonePointsBecomeDots() {
        var fig = Figure()
        fig.line(x: [0, 1, 2, 3, 4, 5, 6], y: [1, 2, .nan, 3, .infinity, 4, 5])
        let svg = ParsedSVG(fig.svg())
        let line = svg.all("path").first { $0.attributes["stroke-width"] == "1.75" }
        #expect(line?.attributes["d"]?.filter { $0 == "M" }.count == 2)
        #expect(svg.all("circle").count == 1)
    }

    @Test func emptyAndNonFiniteDataStillDrawAnAxisAndNeverWriteNaN() {
        var empty = Figure(title: "Nothing yet")
        empty.line(y: [Double](), label: "empty")
        var broken = Figure(title: "All broken")
        broken.line(x: [0.0, 1, 2], y: [Double.nan, .infinity, -.infinity], label: "broken")
        broken.scatter(x: [Double.nan], y: [1.0])
        broken.band(x: [0.0, 1], lower: [Double.nan, 0], upper: [1.0, .nan])
        for fig in [empty, broken] {
            let text = fig.svg()
            let svg = ParsedSVG(text)
            #expect(svg.isWellFormed)
            #expect(!text.lowercased().contains("nan"))
            #expect(!text.lowercased().contains("inf"))
            #expect(svg.texts.contains("no data"))
            #expect(svg.texts.contains("0") && svg.texts.contains("1.0"))
        }
    }

    @Test func aLogarithmicAxisSkipsValuesItCannotPlace() throws {
        var panel = Panel(xLabel: "steps", yLabel: "loss", yScale: .logarithmic)
        panel.line(x: [1, 2, 3, 4, 5, 6], y: [100, 10, 0, 1, -1, 0.1], label: "loss")
        let text = Figure(panels: [panel]).svg()
        let svg = ParsedSVG(text)
        #expect(svg.isWellFormed)
        #expect(!text.lowercased().contains("nan"))
        let line = svg.all("path").last { $0.attributes["stroke-width"] == "1.75" }
        #expect(line?.attributes["d"]?.filter { $0 == "M" }.count == 1, "the 100-10 stretch is a line")
        #expect(svg.all("circle").count == 2, "1 and 0.1 stand alone between gaps")
        #expect(svg.texts.contains("0.1") && svg.texts.contains("100"))
        #expect(svg.all("desc").first?.text.contains("(logarithmic)") == true)
        let minorGrid = svg.all("path").first { $0.attributes["stroke-opacity"] == "0.06" }?.attributes["d"] ?? ""
        #expect(minorGrid.filter { $0 == "M" }.count == 3 * 8, "2...9 in each of the three decades from 0.1 to 100")
    }

    @Test func labelsOverDataGetAHaloInThePageBackground() {
        let svg = ParsedSVG(Examples.seeds.svg())
        #expect(svg.all("style").first?.text.contains(".halo { paint-order: stroke; stroke: Canvas;") == true)
        #expect(svg.all("text").filter { $0.attributes["class"] == "halo" }.map(\.text) == ["solved (195)", "ceiling (500)"])
    }

    @Test func negativeRangesPlotInsideThePlotArea() throws {
        let svg = ParsedSVG(Examples.scatter.svg())
        let clip = try #require(svg.all("clipPath").first.flatMap { _ in svg.all("rect").first })
        let top = try #require(Double(clip.attributes["y"] ?? ""))
        let height = try #require(Double(clip.attributes["height"] ?? ""))
        let markers = try #require(svg.all("path").last { $0.attributes["fill-opacity"] == "0.85" }?.attributes["d"])
        let ys = markers.split(separator: "M").compactMap { Double($0.split(separator: " ")[1].prefix { $0 != "a" && $0 != "h" && $0 != "l" }) }
        #expect(ys.count == 60)
        #expect(ys.allSatisfy { $0 >= top && $0 <= top + height })
        #expect(svg.texts.contains("\u{2212}1600"))
    }
}

@Suite struct LongSeriesTests {
    /// The y pixel positions of the first data line's points.
    func lineYs(_ fig: Figure) throws -> [Double] {
        let svg = ParsedSVG(fig.svg())
        let d = try #require(svg.all("path").first { $0.attributes["stroke-width"] == "1.75" }?.attributes["d"])
        return d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { Double($0.split(separator: " ")[1]) }
    }

    @Test func aLongLineIsThinnedButKeepsItsPeaksAndDips() throws {
        let count = 200_000
        let values = (0 ..< count).map { index -> Double in
            index == 23_457 ? 900 : index == 176_543 ? -900 : Double(index % 200)
        }
        var fig = Figure()
        fig.line(y: values)
        var extremes = Figure()
        extremes.line(x: [0, 23_457, 176_543, count - 1], y: [0, 900, -900, 199])
        let ys = try lineYs(fig), reference = try lineYs(extremes)
        #expect(ys.count < 4 * 720)
        #expect(ys.min() == reference.min())
        #expect(ys.max() == reference.max())
        #expect(fig.csv().split(separator: "\n").count == count + 1)
    }
}
