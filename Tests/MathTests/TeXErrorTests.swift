import Math
import Testing

/// TeX outside the subset is an error that says what and where, never a silent guess.
@Suite struct TeXErrorTests {
    static let cases: [(tex: String, message: String, offset: Int)] = [
        (#"a + \foo{b}"#, #"unsupported TeX command \foo"#, 4),
        (#"\frac{a}{b"#, "a '{' is never closed", 10),
        ("a}", "this '}' closes nothing", 1),
        ("a & b", "'&' outside an aligned environment", 2),
        (#"a \\ b"#, #"'\\' outside an aligned environment"#, 2),
        (#"x \right)"#, #"\right without a matching \left"#, 2),
        (#"\left( x"#, "the formula ends too early", 8),
        (#"\left< x \right>"#, #"'<' is not a delimiter \left accepts"#, 5),
        (#"\begin{matrix} a \end{matrix}"#, "unsupported environment 'matrix': the subset has 'aligned'", 0),
        (#"\begin{aligned} a \end{gathered}"#, #"\begin{aligned} is closed by \end{gathered}"#, 0),
        ("x_a_b", "a double subscript: group it with braces", 3),
        (#"\text{\alpha}"#, #"\text{} holds plain text only; take commands out of it"#, 6),
        (#"\mathbb{e}"#, #"\mathbb takes capital letters only"#, 7),
        (#"\mathrm{x_1}"#, #"\mathrm{...} takes letters only"#, 7),
        ("x^", "an argument is missing at the end", 2),
        ("a # b", "'#' cannot be used in math here", 2),
        (#"\sqrt[3]{x}"#, #"\sqrt[n] is not supported: write a power instead"#, 0),
    ]

    @Test(arguments: cases.indices)
    func outsideTheSubsetIsAnError(_ index: Int) {
        let (tex, message, offset) = Self.cases[index]
        #expect(throws: MathError(message, offset: offset)) {
            try Formula(tex: tex, display: false)
        }
    }
}
