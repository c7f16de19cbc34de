import Foundation
import Testing

/// Runs the built `ppo-book` command as a user would, on notebooks written to a temporary folder.
/// `make test` builds the release binary first; PPO_BOOK_BINARY may point at another build.
@Suite struct RenderCommandTests {
    @Test func rendersPrintedTextAndTables() throws {
        let run = try Workspace().render("""
            # Small

            ```swift
            print("hello from a cell")
            show(Table(columns: ["seed", "return"], rows: [[0, 21.5]]))
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("hello from a cell"))
        #expect(page.contains("<td class=\"number\">21.5</td>"))
    }

    @Test func figuresAreInlinedAndWrittenForIdCells() throws {
        let workspace = try Workspace()
        let run = try workspace.render("""
            # Figures

            ```swift id=curve caption="A <small> curve"
            var figure = Figure(title: "Squares", xLabel: "x", yLabel: "x squared")
            figure.line(x: [0, 1, 2, 3], y: [0, 1, 4, 9], label: "x²")
            show(figure)
            show(figure)
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.components(separatedBy: "<svg").count == 3)
        #expect(page.contains("A &lt;small&gt; curve"))
        for file in ["n-curve-1.svg", "n-curve-1.csv", "n-curve-2.svg", "n-curve-2.csv"] {
            #expect(FileManager.default.fileExists(atPath: workspace.output + "/figures/" + file), "\(file)")
        }
        let csv = try String(contentsOfFile: workspace.output + "/figures/n-curve-1.csv", encoding: .utf8)
        #expect(csv.contains("9"))
    }

    @Test func progressIsReportedOnTheTerminalButNotOnThePage() throws {
        let run = try Workspace().render("""
            # Progress

            ```swift id=loop
            for step in 1...3 { progress(step, of: 3, "step \\(step) done") }
            print("finished")
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("n.md:3 [loop] 1/3 step 1 done"))
        let page = try run.page()
        #expect(page.contains("finished"))
        #expect(!page.contains("step 1 done"))
    }

    @Test func theLessonWritersGuideRunsAsANotebook() throws {
        let workspace = try Workspace()
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/writing-lessons.md").path
        let run = try workspace.renderFile(guide)
        #expect(run.status == 0, "\(run.errors)")
        let page = try String(contentsOfFile: workspace.output + "/writing-lessons.html", encoding: .utf8)
        #expect(page.contains("the leaning controller kept the pole up for"))
        #expect(page.contains("✓ holds</span> every run keeps the pole up for 475 steps or more"))
        #expect(page.contains("These runs lasted <span class=\"inline-value\">500, 500 and 480</span> steps"))
        #expect(FileManager.default.fileExists(atPath: workspace.output + "/figures/writing-lessons-guide-figure.svg"))
    }

    @Test func compileErrorsNameTheNotebookLine() throws {
        let workspace = try Workspace()
        let good = try workspace.render("# Good\n\n```swift\nprint(1)\n```\n")
        #expect(good.status == 0)
        let run = try workspace.render("""
            # Broken

            ```swift
            let fine = 1
            ```

            ```swift
            print(notDefined)
            ```

            ```swift
            print("after")
            ```
            """)
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:8:7: error: cannot find 'notDefined' in scope"))
        let failed = try String(contentsOfFile: workspace.output + "/n.failed.html", encoding: .utf8)
        #expect(failed.contains("cannot find &#39;notDefined&#39; in scope"))
        #expect(failed.contains("Not run: an earlier cell of this session failed."))
        // The last good page is kept.
        #expect(try run.page().contains("Good"))
    }

    @Test func aTrapInACellIsShownUnderThatCell() throws {
        let run = try Workspace().render("""
            # Trap

            ```swift
            print("first")
            ```

            ```swift
            let values = [1, 2, 3]
            print(values[7])
            ```

            ```swift
            print("never printed")
            ```
            """)
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:9:13: error: Index out of range"))
    }

    @Test func expectErrorCellsShowTheirErrorAndLetLaterCellsRun() throws {
        let run = try Workspace().render("""
            # Expected

            ```swift
            var total = 1
            ```

            ```swift expect-error
            let array: [Int] = []
            print(array[0])
            ```

            ```swift expect-error
            let wrong: Int = "text"
            ```

            ```swift
            total += 1
            print("total is \\(total)")
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("n.md:9:12: error: Index out of range"))
        #expect(page.contains("n.md:13:18: error: cannot convert value of type"))
        // The earlier cell ran once: the forked copy did not run it again.
        #expect(page.contains("total is 2"))
    }

    @Test func anExpectErrorCellThatSucceedsFailsTheRender() throws {
        let run = try Workspace().render("# E\n\n```swift expect-error\nprint(1)\n```\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("marked expect-error, but it ran without an error"))
    }

    @Test func badTagsStopBeforeAnythingIsWritten() throws {
        let workspace = try Workspace()
        let run = try workspace.render("# T\n\n```swift timeout=never\nprint(1)\n```\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:3: error: 'timeout=never' is not a number of seconds"))
        #expect(!FileManager.default.fileExists(atPath: workspace.output + "/n.html"))
    }

    @Test func anUnsupportedTeXCommandStopsBeforeAnythingIsWritten() throws {
        let workspace = try Workspace()
        let good = try workspace.render("# T\n\nThe ratio $r_t(\\theta)$.\n")
        #expect(good.status == 0, "\(good.errors)")
        #expect(try good.page().contains("<math><semantics><mrow><msub><mi>r</mi>"))
        let kept = try good.page()
        let run = try workspace.render("# T\n\nThe ratio\n$$\nr_t = \\frac{a}{b} \\oops\n$$\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:5: error: in the formula $$r_t = \\frac{a}{b} \\oops$$: unsupported TeX command \\oops"))
        #expect(try run.page() == kept)
        #expect(!FileManager.default.fileExists(atPath: workspace.output + "/n.failed.html"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let workspace = try Workspace()
        let text = "# Same\n\n```swift\nfor i in 0..<3 { print(i * i) }\n```\n"
        let first = try workspace.render(text).page()
        let second = try workspace.render(text).page()
        #expect(first == second)
    }

    @Test func standardErrorIsInterleavedWithPrintedTextInOrder() throws {
        let run = try Workspace().render("""
            # Order

            ```swift
            print("first, to standard output")
            FileHandle.standardError.write(Data("second, to standard error\\n".utf8))
            print("third, to standard output")
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try run.page().contains("first, to standard output\nsecond, to standard error\nthird, to standard output"))
    }

    @Test func aSecondRenderComesFromTheCache() throws {
        let workspace = try Workspace()
        let text = "# Cached\n\n```swift\nprint(\"computed\")\n```\n"
        _ = try workspace.render(text, cache: true)
        let again = try workspace.render(text, cache: true)
        #expect(again.errors.contains("results from the cache"))
        #expect(try again.page().contains("computed"))
    }
}
