import CellEvents
import Execution
import Notebook
import Render

/// One input. The first byte picks what the rest feeds:
/// 0 the notebook parser (a whole Markdown file), 1 the cell-tag grammar (a fence's info
/// string), 2 the page renderer with the rest as a figure's SVG (the allowlist sanitiser).
/// Errors are answers; only a crash, a hang or a leak is a finding.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    switch data[0] % 3 {
    case 0:
        _ = try? NotebookParser().parse(text, path: "fuzz.md")
    case 1:
        _ = try? CellTagParser(location: SourceLocation(file: "fuzz.md", line: 1)).parse(text)
    default:
        let notebook = try! NotebookParser().parse("```swift id=f\nshow(figure)\n```\n", path: "fuzz.md")
        let figure = FigureOutput(svg: text, csv: "")
        _ = PageRenderer(notebook: notebook, results: [0: CellResult(status: .succeeded, outputs: [.figure(figure)])]).render()
    }
    return 0
}

/// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links in; it reads libFuzzer's usual
/// command line (corpus folders, `-max_total_time=`, `-runs=`...).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// The program's entry: this file is compiled with `-parse-as-library`, and SwiftPM points
/// `main` at `<module>_main`, which hands the command line to libFuzzer's driver.
@_cdecl("notebook_fuzzer_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
