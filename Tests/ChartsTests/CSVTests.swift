import Charts
import Testing

@Suite struct CSVTests {
    @Test func linesAndReferenceLinesAreLongFormRows() {
        var fig = Figure(title: "t")
        fig.line(x: [0, 1, 2], y: [1.5, .nan, 3], label: "seed 0")
        fig.horizontalLine(at: 195, label: "solved")
        #expect(fig.csv() == """
            panel,kind,series,x,y,y_low,y_high
            1,line,seed 0,0,1.5,,
            1,line,seed 0,1,,,
            1,line,seed 0,2,3,,
            1,hline,solved,,195,,

            """)
    }

    @Test func bandsGiveBothEdgesAndPanelsAreNamedByTitle() {
        var panel = Panel(title: "REINFORCE")
        panel.band(x: [10, 11], lower: [1, 2], upper: [3, 4.25], label: "min-max")
        panel.verticalLine(at: 10.5)
        let csv = Figure(panels: [panel]).csv()
        #expect(csv.contains("REINFORCE,band,min-max,10,,1,3\n"))
        #expect(csv.contains("REINFORCE,band,min-max,11,,2,4.25\n"))
        #expect(csv.contains("REINFORCE,vline,,10.5,,,\n"))
    }

    @Test func barsUseCategoriesAndLeaveMissingValuesEmpty() {
        let csv = Examples.bars.csv()
        #expect(csv.contains("1,bar,REINFORCE,seed 1,,,\n"))
        #expect(csv.contains("1,bar,with baseline,seed 1,301,,\n"))
        #expect(csv.split(separator: "\n").count == 7)
    }

    @Test func fieldsWithCommasAndQuotesAreQuoted() {
        var fig = Figure()
        fig.scatter(x: [1], y: [2], label: #"a, "b""#)
        #expect(fig.csv().contains(#"1,scatter,"a, ""b""",1,2,,"#))
    }
}
