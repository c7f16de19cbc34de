import Notebook
import Testing

@Suite struct CellTagParserTests {
    let parser = CellTagParser(location: SourceLocation(file: "lesson.md", line: 12))

    @Test func noTagsMeansDefaults() throws {
        let options = try parser.parse("")
        #expect(options == CellOptions())
        #expect(options.session == "main")
    }

    @Test func everyTagIsRead() throws {
        let options = try parser.parse(#" hide session=ppo id=curves caption="Three seeds, \"honest\" ones" timeout=90.5"#)
        #expect(options.hide)
        #expect(options.session == "ppo")
        #expect(options.id == "curves")
        #expect(options.caption == #"Three seeds, "honest" ones"#)
        #expect(options.timeout == 90.5)
        #expect(try parser.parse("norun").norun)
        #expect(try parser.parse("expect-error").expectError)
        #expect(try parser.parse("caption=Short").caption == "Short")
    }

    @Test(arguments: [
        ("expect_eror", "unknown cell tag 'expect_eror' (did you mean 'expect-error'?)"),
        ("hidden", "unknown cell tag 'hidden' (did you mean 'hide'?)"),
        ("colour=red", "unknown cell tag 'colour=red'"),
        ("timeout=0", "'timeout=0' is not a number of seconds greater than zero"),
        ("timeout=soon", "'timeout=soon' is not a number of seconds greater than zero"),
        ("id=two words", "unknown cell tag 'words'"),
        ("id=a/b", "'id=a/b' is not a name"),
        ("session", "the tag 'session' needs a value, as in session=NAME"),
        ("hide=yes", "the tag 'hide' takes no value"),
        ("hide hide", "the tag 'hide' is given twice"),
        (#"caption="open"#, "the quoted value of 'caption' is not closed"),
        ("norun hide", "'norun' with 'hide' would show nothing"),
        ("norun expect-error", "'norun' with 'expect-error'"),
        ("id=", "the tag 'id' has an empty value"),
    ])
    func badTagsAreErrorsAtTheFence(tags: String, message: String) {
        #expect {
            try parser.parse(tags)
        } throws: { error in
            let error = error as! NotebookError
            return error.location.line == 12 && error.message.contains(message)
                && error.description.hasPrefix("lesson.md:12: error: ")
        }
    }
}

@Suite struct ExpectErrorTagTests {
    let parser = CellTagParser(location: SourceLocation(file: "n.md", line: 3))

    @Test func theKindsOfExpectedError() throws {
        #expect(try parser.parse("expect-error").expectedError == .any)
        #expect(try parser.parse("expect-error=compile").expectedError == .compile)
        #expect(try parser.parse("expect-error=trap").expectedError == .trap)
        #expect(try parser.parse(#"expect-error="shapes [64]""#).expectedError == .message("shapes [64]"))
        #expect(try parser.parse(#"expect-error="compile""#).expectedError == .message("compile"))
    }

    @Test func anUnknownKindIsAnError() {
        #expect(throws: NotebookError.self) { try parser.parse("expect-error=runtime") }
        #expect(throws: NotebookError.self) { try parser.parse(#"expect-error="""#) }
    }

    @Test func eachKindAcceptsOnlyItsFailures() {
        #expect(ExpectedError.compile.accepts(.compile, text: "x"))
        #expect(!ExpectedError.compile.accepts(.trap, text: "x"))
        #expect(!ExpectedError.trap.accepts(.compile, text: "x"))
        #expect(ExpectedError.message("shapes").accepts(.trap, text: "Tensor.sub: shapes [3]"))
        #expect(!ExpectedError.message("shapes").accepts(.compile, text: "cannot find 'renamed' in scope"))
    }
}
