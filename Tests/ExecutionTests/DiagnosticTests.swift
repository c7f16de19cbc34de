import Execution
import Testing

@Suite struct DiagnosticTests {
    @Test func compilerOutputIsReadWithExcerptsAndNotes() {
        let output = """
            notebooks/109.md:42:8: error: cannot find 'agnet' in scope
            agnet.learn()
            ^~~~~
            notebooks/109.md:40:5: note: did you mean 'agent'?
            notebooks/109.md:50:9: warning: variable 'x' was never mutated
            """
        let diagnostics = Diagnostic.parse(output)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].file == "notebooks/109.md")
        #expect(diagnostics[0].line == 42 && diagnostics[0].column == 8)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message == "cannot find 'agnet' in scope")
        #expect(diagnostics[0].excerpt.count == 3)
        #expect(diagnostics[0].text.hasPrefix("notebooks/109.md:42:8: error: cannot find"))
        #expect(diagnostics[1].severity == .warning)
    }

    @Test func pathsWithColonsSurvive() {
        let diagnostics = Diagnostic.parse("/tmp/a:b/n.md:3:1: error: boom")
        #expect(diagnostics.first?.file == "/tmp/a:b/n.md")
        #expect(diagnostics.first?.line == 3)
    }
}
