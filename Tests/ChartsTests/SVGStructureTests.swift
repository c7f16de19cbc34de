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
        let labelledBy = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        let title = try #require(svg.all("title").first)
        let desc = try #require(svg.all("desc").first)
        #expect(labelledBy == [title.attributes["id"], desc.attributes["id"]])
        #expect(title.text == "REINFORCE, three seeds")
        #expect(desc.text.contains("episode"))
        #expect(desc.text.contains("seed 0, seed 1, seed 2"))
        #expect(desc.text.contains("at y = 195"))
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
        #expect(svg.all("desc").first?.text.contains("REINFORCE: never reached for seed 1") == true)
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
