import Foundation
import Math
import Testing

/// The TeX subset against the MathML Core it must produce, construct by construct.
@Suite struct TeXToMathMLTests {
    /// `tex` -> the markup inside `<math><semantics>`, before the TeX annotation.
    static let table: [(tex: String, mathML: String)] = [
        // Letters, numbers, operators
        ("x", "<mi>x</mi>"),
        ("3.14", "<mn>3.14</mn>"),
        ("a - b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
        ("-x", #"<mrow><mo form="prefix" lspace="0" rspace="0">−</mo><mi>x</mi></mrow>"#),
        ("y = -x", #"<mrow><mi>y</mi><mo>=</mo><mo form="prefix" lspace="0" rspace="0">−</mo><mi>x</mi></mrow>"#),
        // Greek: lowercase italic, capitals upright
        (#"\theta \Delta \varepsilon \epsilon"#, #"<mrow><mi>θ</mi><mi mathvariant="normal">Δ</mi><mi>ε</mi><mi>ϵ</mi></mrow>"#),
        // Scripts
        ("x_t", "<msub><mi>x</mi><mi>t</mi></msub>"),
        ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("x_{t+1}^{2}", "<msubsup><mi>x</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow><mn>2</mn></msubsup>"),
        ("s'", #"<mrow><mi>s</mi><mo lspace="0" rspace="0">′</mo></mrow>"#),
        ("{}_t", "<msub><mrow></mrow><mi>t</mi></msub>"),
        // Fractions and roots
        (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (#"\sqrt{x}"#, "<msqrt><mi>x</mi></msqrt>"),
        // Named operators and functions
        (#"\min_\theta x"#, #"<mrow><munder><mo form="prefix" movablelimits="true" lspace="0" rspace="0.1667em">min</mo><mi>θ</mi></munder><mi>x</mi></mrow>"#),
        (#"\max(a, b)"#, #"<mrow><mo form="prefix" movablelimits="true" lspace="0" rspace="0">max</mo><mo stretchy="false">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\log x"#, #"<mrow><mi>log</mi><mo lspace="0" rspace="0.1667em">⁡</mo><mi>x</mi></mrow>"#),
        (#"\exp(x)"#, #"<mrow><mi>exp</mi><mo lspace="0" rspace="0">⁡</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\mathbb{E}_t"#, #"<msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub>"#),
        (#"\mathbb{R}"#, #"<mi mathvariant="normal">ℝ</mi>"#),
        (#"\mathcal{L}"#, #"<mi mathvariant="normal">ℒ</mi>"#),
        (#"\nabla_\theta"#, #"<msub><mi mathvariant="normal">∇</mi><mi>θ</mi></msub>"#),
        (#"\sum_{k=0}^{n} x_k"#, #"<mrow><munderover><mo movablelimits="true">∑</mo><mrow><mi>k</mi><mo>=</mo><mn>0</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>k</mi></msub></mrow>"#),
        (#"\prod_i p_i"#, #"<mrow><munder><mo movablelimits="true">∏</mo><mi>i</mi></munder><msub><mi>p</mi><mi>i</mi></msub></mrow>"#),
        (#"\operatorname{clip}(x)"#, #"<mrow><mi>clip</mi><mo lspace="0" rspace="0">⁡</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\mathrm{clip}"#, "<mi>clip</mi>"),
        (#"\mathrm{d}x"#, #"<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>"#),
        (#"\text{ if } x"#, "<mrow><mtext>\u{A0}if\u{A0}</mtext><mi>x</mi></mrow>"),
        // Accents
        (#"\hat{A}_t"#, #"<msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub>"#),
        (#"\bar{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">‾</mo></mover>"#),
        (#"\tilde{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">~</mo></mover>"#),
        (#"\dot{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">˙</mo></mover>"#),
        (#"\widehat{xy}"#, #"<mover accent="true"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy="true">^</mo></mover>"#),
        // Relations and operators
        (#"a \le b \ge c \approx d \propto e \ne f"#, "<mrow><mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≈</mo><mi>d</mi><mo>∝</mo><mi>e</mi><mo>≠</mo><mi>f</mi></mrow>"),
        (#"\pi(a \mid s)"#, #"<mrow><mi>π</mi><mo stretchy="false">(</mo><mi>a</mi><mo>∣</mo><mi>s</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"(\cdot)"#, #"<mrow><mo stretchy="false">(</mo><mo form="prefix" lspace="0" rspace="0">⋅</mo><mo stretchy="false">)</mo></mrow>"#),
        (#"p \,\|\, q"#, #"<mrow><mi>p</mi><mspace width="0.1667em"></mspace><mo stretchy="false">‖</mo><mspace width="0.1667em"></mspace><mi>q</mi></mrow>"#),
        (#"a < b"#, "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        // Growing delimiters
        (#"\left( x \right)"#, #"<mrow><mo stretchy="true" form="prefix">(</mo><mi>x</mi><mo stretchy="true" form="postfix">)</mo></mrow>"#),
        (#"\left[ x \right."#, #"<mrow><mo stretchy="true" form="prefix">[</mo><mi>x</mi></mrow>"#),
        (#"\left\{ x \right\}"#, #"<mrow><mo stretchy="true" form="prefix">{</mo><mi>x</mi><mo stretchy="true" form="postfix">}</mo></mrow>"#),
        // Aligned equations
        (#"\begin{aligned} a &= b \\ c &= d \end{aligned}"#,
         #"<mtable class="tex-aligned" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mrow><mrow></mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mrow><mrow></mrow><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable>"#),
    ]

    @Test(arguments: table.indices)
    func texBecomesMathML(_ index: Int) throws {
        let (tex, mathML) = Self.table[index]
        #expect(try Formula(tex: tex, display: false).mathML == Self.wrapped(mathML, tex: tex))
    }

    @Test func displayMathIsABlock() throws {
        let formula = try Formula(tex: "x", display: true)
        #expect(formula.mathML.hasPrefix(#"<math display="block"><semantics><mi>x</mi>"#))
        #expect(formula.isDisplay)
    }

    @Test func theSourceIsKeptEscaped() throws {
        let formula = try Formula(tex: #"a < b \text{ & }"#, display: false)
        #expect(formula.mathML.contains(#"<annotation encoding="application/x-tex">a &lt; b \text{ &amp; }</annotation>"#))
        #expect(formula.mathML.contains("<mtext>\u{A0}&amp;\u{A0}</mtext>"))
    }

    @Test func plainTextReadsTheSymbols() throws {
        #expect(try Formula(tex: #"\hat{A}_t = \delta_t"#, display: false).plainText == "A_t=δ_t")
    }

    static func wrapped(_ markup: String, tex: String, display: Bool = false) -> String {
        let escaped = tex.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return "<math\(display ? #" display="block""# : "")><semantics>\(markup)"
            + #"<annotation encoding="application/x-tex">"# + escaped + "</annotation></semantics></math>"
    }
}
