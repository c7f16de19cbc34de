import Charts
import Testing

@Suite struct DeterminismTests {
    @Test(arguments: Examples.all.map(\.name))
    func theSameFigureGivesTheSameBytes(_ name: String) throws {
        let first = try #require(Examples.all.first { $0.name == name }?.figure)
        let second = try #require(Examples.all.first { $0.name == name }?.figure)
        #expect(first.svg() == second.svg())
        #expect(first.csv() == second.csv())
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        var fig = Figure()
        fig.line(x: [0, 1.0 / 3, 2.0 / 3], y: [0.123456, 1.0 / 7, 0.987654])
        let numbers = fig.svg().split { !("0123456789.-".contains($0)) }
        #expect(numbers.allSatisfy { ($0.split(separator: ".").dropFirst().first?.count ?? 0) <= 2 })
    }

    @Test func idsComeFromTheCallerOrFromTheContent() {
        var a = Figure(title: "A")
        a.line(y: [1, 2, 3])
        var b = Figure(title: "A")
        b.line(y: [1, 2, 4])
        let idA = ParsedSVG(a.svg()).elements.first?.attributes["id"]
        #expect(idA == ParsedSVG(a.svg()).elements.first?.attributes["id"])
        #expect(idA != ParsedSVG(b.svg()).elements.first?.attributes["id"])
        #expect(idA?.hasPrefix("figure-") == true)
        a.id = "curves"
        #expect(ParsedSVG(a.svg()).all("clipPath").first?.attributes["id"] == "curves-clip-0")
    }
}
