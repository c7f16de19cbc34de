import Foundation
import Notebook
import Testing

@Suite struct ParameterTests {
    let parser = NotebookParser()
    let text = """
        ---
        title: P
        params:
          seedCount: 3
          rate: 0.5
          greedy: true
          label: "three seeds"
        ---
        # P
        """

    @Test func parametersKeepTheirTypesOrderAndLines() throws {
        let parameters = try parser.parse(text, path: "n.md").parameters
        #expect(parameters.map(\.name) == ["seedCount", "rate", "greedy", "label"])
        #expect(parameters.map(\.value) == [.int(3), .double(0.5), .bool(true), .string("three seeds")])
        #expect(parameters.map(\.location.line) == [4, 5, 6, 7])
        #expect(parameters.map(\.value.swiftLiteral) == ["3", "0.5", "true", "\"three seeds\""])
    }

    @Test func anOverrideChangesTheValueAndMakesADraft() throws {
        let notebook = try parser.parse(text, path: "n.md")
        #expect(!notebook.isDraft)
        let draft = try notebook.overriding([("seedCount", "1"), ("label", "one \"seed\"")])
        #expect(draft.isDraft)
        #expect(draft.parameters[0].value == .int(1))
        #expect(draft.parameters[0].defaultValue == .int(3))
        #expect(draft.parameters[3].value.swiftLiteral == #""one \"seed\"""#)
        // Overriding with the default is no draft.
        #expect(try !notebook.overriding([("rate", "0.5")]).isDraft)
    }

    @Test func anUnknownNameIsAnError() throws {
        let notebook = try parser.parse(text, path: "n.md")
        #expect(throws: NotebookError.self) { try notebook.overriding([("seeds", "1")]) }
        do {
            _ = try notebook.overriding([("seeds", "1")])
        } catch let error as NotebookError {
            #expect(error.message.contains("unknown parameter 'seeds'"))
            #expect(error.message.contains("seedCount (Int)"))
        }
    }

    @Test func aValueOfTheWrongTypeIsAnErrorAtTheDeclaration() throws {
        let notebook = try parser.parse(text, path: "n.md")
        for (name, value) in [("seedCount", "1.5"), ("rate", "fast"), ("greedy", "yes")] {
            do {
                _ = try notebook.overriding([(name, value)])
                Issue.record("-P \(name)=\(value) was accepted")
            } catch let error as NotebookError {
                #expect(error.message.contains("'\(value)' is not"), "\(error)")
                #expect(error.location == notebook.parameters.first { $0.name == name }!.location)
            }
        }
    }

    @Test func aParameterNameMustBeASwiftName() {
        #expect(throws: NotebookError.self) {
            try parser.parse("---\nparams:\n  seed-count: 3\n---\n# P\n", path: "n.md")
        }
    }
}
