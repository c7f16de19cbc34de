import CellEvents
import Foundation
import Notebook
import Render
import Testing
import Execution

/// Figures reach the page through an allowlist of SVG elements and attributes.
@Suite struct SVGSanitizingTests {
    let notebook = try! NotebookParser().parse("# F\n\n```swift id=plot\nshow(figure)\n```\n", path: "n.md")

    /// The inline SVG of the page for a cell that showed `svg` (empty when the figure was left out).
    func inline(_ svg: String) -> String {
        let results = [0: CellResult(status: .succeeded, outputs: [.figure(FigureOutput(svg: svg, csv: ""))])]
        let html = PageRenderer(notebook: notebook, results: results).render().html
        guard let start = html.range(of: "<figure class=\"output-figure\">"),
              let end = html.range(of: "<figcaption>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test(arguments: [
        #"<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5" onfocus="alert(1)" tabindex="0"/></svg>"#,
        #"<svg><a href="javascript&#58;alert(1)"><text>x</text></a></svg>"#,
        #"<svg><use href="javascript&#x3A;alert(1)"/></svg>"#,
        #"<svg><use xlink:href="data:image/svg+xml;base64,PHN2Zz4="/></svg>"#,
        #"<svg><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onmouseover" to="alert(1)"/></svg>"#,
        #"<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>"#,
        #"<svg><rect fill="url(javascript:alert(1))"/><rect fill="url( 'https://example.com/x' )"/></svg>"#,
        #"<svg ONLOAD="alert(1)"><script>alert(1)</script><SCRIPT>alert(1)</SCRIPT></svg>"#,
        #"<svg><style>@import url(https://example.com/x.css);</style></svg>"#,
        #"<svg><g onclick = 'alert(1)'><image href="https://example.com/x.png"/></g></svg>"#,
    ])
    func nothingActiveOrExternalSurvives(svg: String) {
        let kept = inline(svg).lowercased()
        for forbidden in ["alert", "javascript", "data:", "https://example.com", "onfocus", "onclick", "onload",
                          "<script", "<animate", "<set", "<foreignobject", "<iframe", "<a ", "<image", "@import"] {
            #expect(!kept.contains(forbidden), "\(forbidden) in \(kept)")
        }
    }

    @Test func aCleanChartComesOutWithOnlyItsIdsPrefixed() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" id="f" viewBox="0 0 10 10" role="img" aria-labelledby="f-t">"#
            + #"<title id="f-t">A &amp; B</title><defs><clipPath id="c"><rect x="0" y="0" width="5" height="5"/></clipPath></defs>"#
            + #"<g clip-path="url(#c)" stroke="currentColor" stroke-dasharray="2 2"><path d="M0 0L5 5"/></g>"#
            + #"<text x="1" y="2" text-anchor="middle">x &lt; 1</text></svg>"#
        let expected = svg.replacingOccurrences(of: #"id=""#, with: #"id="fig1-"#)
            .replacingOccurrences(of: "url(#c)", with: "url(#fig1-c)")
            .replacingOccurrences(of: #"aria-labelledby="f-t""#, with: #"aria-labelledby="fig1-f-t""#)
        #expect(inline(svg).contains(expected))
    }

    /// Every figure the lesson draws passes the allowlist unchanged (apart from id prefixes).
    @Test func theLessonsFiguresKeepEveryElement() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("output/figures")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
        #expect(!files.isEmpty)
        for file in files {
            let svg = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let kept = inline(svg)
            #expect(kept.components(separatedBy: "<").count == svg.components(separatedBy: "<").count, "\(file)")
            #expect(kept.components(separatedBy: "=\"").count == svg.components(separatedBy: "=\"").count, "\(file)")
        }
    }

    /// An empty drawing (a self-closing root) is kept as it is; anything after it goes.
    @Test func anEmptyDrawingIsKept() {
        let empty = #"<svg xmlns="http://www.w3.org/2000/svg"/>"#
        #expect(SVGSanitizer.sanitize(empty + "\n") == empty + "\n")
        #expect(SVGSanitizer.sanitize(empty + "<script>alert(1)</script>") == empty)
        #expect(SVGSanitizer.sanitize(#"<svg onload="alert(1)"/>"#) == "<svg/>")
    }
}
