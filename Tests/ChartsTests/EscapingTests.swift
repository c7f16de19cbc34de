import Charts
import Testing

@Suite struct EscapingTests {
    static let hostile = #"<script>alert("x") & 'y'</script>"#

    @Test func titlesAndLabelsAreEscapedAndReadBackUnchanged() throws {
        var fig = Figure(title: Self.hostile, xLabel: "x < 1 & y > 2", yLabel: #"say "hi""#,
                         caption: "it's <b>bold</b>", id: "escape")
        fig.line(y: [1, 2, 3], label: "a & b")
        fig.horizontalLine(at: 2, label: "<195>")
        let text = fig.svg()
        #expect(!text.contains("<script"))
        #expect(!text.contains("<b>"))
        #expect(text.contains("&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;"))
        let svg = ParsedSVG(text)
        #expect(svg.isWellFormed)
        #expect(svg.all("title").first?.text == Self.hostile)
        #expect(svg.texts.contains(Self.hostile))
        for label in ["x < 1 & y > 2", #"say "hi""#, "a & b", "<195>"] {
            #expect(svg.texts.contains(label), "\(label)")
        }
        #expect(svg.all("desc").first?.text.hasSuffix("it's <b>bold</b>") == true)
    }

    @Test func barCategoriesAndMissingLabelsAreEscaped() {
        var fig = Figure()
        fig.bars(categories: ["<seed>", "\"1\""], values: [1, nil], label: "A&B", missingLabel: "n/a <never>")
        let svg = ParsedSVG(fig.svg())
        #expect(svg.isWellFormed)
        #expect(svg.texts.contains("<seed>"))
        #expect(svg.texts.contains("n/a <never>"))
    }

    @Test func controlCharactersCannotBreakTheXML() {
        let fig = Figure(title: "bell\u{7} and null\u{0}")
        let svg = ParsedSVG(fig.svg())
        #expect(svg.isWellFormed)
        #expect(svg.all("title").first?.text == "bell\u{FFFD} and null\u{FFFD}")
    }

    @Test func callerIdsBecomeSafeElementIds() throws {
        let fig = Figure(title: "t", id: "3 seeds/<plot>")
        let root = try #require(ParsedSVG(fig.svg()).elements.first)
        #expect(root.attributes["id"] == "figure-3-seeds--plot-")
        #expect(root.attributes["aria-labelledby"] == "figure-3-seeds--plot--title")
    }
}
