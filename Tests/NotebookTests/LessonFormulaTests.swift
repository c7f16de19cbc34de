import Foundation
import Notebook
import Testing

/// Every formula of the lesson, as the page must show it: the notebook's prose is parsed and
/// each `<math>` element is compared with this table (and the table with the notebook).
@Suite struct LessonFormulaTests {
    /// TeX (trimmed), whether it is display math, and the markup inside `<semantics>`.
    static let formulas: [(tex: String, display: Bool, mathML: String)] = [
        (#"\pi_{\theta_\text{old}}"#, display: false,
         #"<msub><mi>π</mi><msub><mi>θ</mi><mtext>old</mtext></msub></msub>"#),
        (#"\hat{A}_t"#, display: false,
         #"<msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub>"#),
        (#"t"#, display: false,
         #"<mi>t</mi>"#),
        (#"\begin{aligned}\#n\max_\theta \quad & \mathbb{E}_t\left[ r_t(\theta)\, \hat{A}_t \right] \\\#n\text{subject to} \quad & \mathbb{E}_t\left[ \mathrm{KL}\left( \pi_{\theta_\text{old}}(\cdot \mid s_t) \,\|\, \pi_\theta(\cdot \mid s_t) \right) \right] \le \delta\#n\end{aligned}"#, display: true,
         #"<mtable class="tex-aligned" displaystyle="true"><mtr><mtd><mrow><munder><mo form="prefix" movablelimits="true" lspace="0" rspace="0.1667em">max</mo><mi>θ</mi></munder><mspace width="1em"></mspace></mrow></mtd><mtd><mrow><mrow></mrow><msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub><mrow><mo stretchy="true" form="prefix">[</mo><mrow><msub><mi>r</mi><mi>t</mi></msub><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub></mrow><mo stretchy="true" form="postfix">]</mo></mrow></mrow></mtd></mtr><mtr><mtd><mrow><mtext>subject to</mtext><mspace width="1em"></mspace></mrow></mtd><mtd><mrow><mrow></mrow><msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub><mrow><mo stretchy="true" form="prefix">[</mo><mrow><mi>KL</mi><mrow><mo stretchy="true" form="prefix">(</mo><mrow><msub><mi>π</mi><msub><mi>θ</mi><mtext>old</mtext></msub></msub><mo stretchy="false">(</mo><mo form="prefix" lspace="0" rspace="0">⋅</mo><mo>∣</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><mo stretchy="false">‖</mo><mspace width="0.1667em"></mspace><msub><mi>π</mi><mi>θ</mi></msub><mo stretchy="false">(</mo><mo form="prefix" lspace="0" rspace="0">⋅</mo><mo>∣</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow><mo stretchy="true" form="postfix">)</mo></mrow></mrow><mo stretchy="true" form="postfix">]</mo></mrow><mo>≤</mo><mi>δ</mi></mrow></mtd></mtr></mtable>"#),
        (#"r_t(\theta) = \frac{\pi_\theta(a_t \mid s_t)}{\pi_{\theta_\text{old}}(a_t \mid s_t)}."#, display: true,
         #"<mrow><msub><mi>r</mi><mi>t</mi></msub><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>=</mo><mfrac><mrow><msub><mi>π</mi><mi>θ</mi></msub><mo stretchy="false">(</mo><msub><mi>a</mi><mi>t</mi></msub><mo>∣</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow><mrow><msub><mi>π</mi><msub><mi>θ</mi><mtext>old</mtext></msub></msub><mo stretchy="false">(</mo><msub><mi>a</mi><mi>t</mi></msub><mo>∣</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow></mfrac><mo>.</mo></mrow>"#),
        (#"r_t(\theta)"#, display: false,
         #"<mrow><msub><mi>r</mi><mi>t</mi></msub><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"r_t"#, display: false,
         #"<msub><mi>r</mi><mi>t</mi></msub>"#),
        (#"\hat{A}_t > 0"#, display: false,
         #"<mrow><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mo>&gt;</mo><mn>0</mn></mrow>"#),
        (#"\hat{A}_t < 0"#, display: false,
         #"<mrow><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mo>&lt;</mo><mn>0</mn></mrow>"#),
        (#"\varepsilon"#, display: false,
         #"<mi>ε</mi>"#),
        (#"L^{\text{CLIP}}(\theta) = \mathbb{E}_t\left[ \min\left( r_t(\theta)\,\hat{A}_t,\; \operatorname{clip}\left(r_t(\theta), 1 - \varepsilon, 1 + \varepsilon\right) \hat{A}_t \right) \right]"#, display: true,
         #"<mrow><msup><mi>L</mi><mtext>CLIP</mtext></msup><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>=</mo><msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub><mrow><mo stretchy="true" form="prefix">[</mo><mrow><mo form="prefix" movablelimits="true" lspace="0" rspace="0">min</mo><mrow><mo stretchy="true" form="prefix">(</mo><mrow><msub><mi>r</mi><mi>t</mi></msub><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mo>,</mo><mspace width="0.2778em"></mspace><mi>clip</mi><mo lspace="0" rspace="0">⁡</mo><mrow><mo stretchy="true" form="prefix">(</mo><mrow><msub><mi>r</mi><mi>t</mi></msub><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>,</mo><mn>1</mn><mo>−</mo><mi>ε</mi><mo>,</mo><mn>1</mn><mo>+</mo><mi>ε</mi></mrow><mo stretchy="true" form="postfix">)</mo></mrow><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub></mrow><mo stretchy="true" form="postfix">)</mo></mrow></mrow><mo stretchy="true" form="postfix">]</mo></mrow></mrow>"#),
        (#"L^{\text{CLIP}}"#, display: false,
         #"<msup><mi>L</mi><mtext>CLIP</mtext></msup>"#),
        (#"1 + \varepsilon"#, display: false,
         #"<mrow><mn>1</mn><mo>+</mo><mi>ε</mi></mrow>"#),
        (#"1 - \varepsilon"#, display: false,
         #"<mrow><mn>1</mn><mo>−</mo><mi>ε</mi></mrow>"#),
        (#"\delta_t"#, display: false,
         #"<msub><mi>δ</mi><mi>t</mi></msub>"#),
        (#"\gamma\lambda"#, display: false,
         #"<mrow><mi>γ</mi><mi>λ</mi></mrow>"#),
        (#"d_t"#, display: false,
         #"<msub><mi>d</mi><mi>t</mi></msub>"#),
        (#"\begin{aligned}\#n\delta_t &= r_t + \gamma (1 - d_t)\, V(s_{t+1}) - V(s_t) \\\#n\hat{A}_t &= \delta_t + \gamma \lambda (1 - d_t)\, \hat{A}_{t+1}\#n\end{aligned}"#, display: true,
         #"<mtable class="tex-aligned" displaystyle="true"><mtr><mtd><msub><mi>δ</mi><mi>t</mi></msub></mtd><mtd><mrow><mrow></mrow><mo>=</mo><msub><mi>r</mi><mi>t</mi></msub><mo>+</mo><mi>γ</mi><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><msub><mi>d</mi><mi>t</mi></msub><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><mi>V</mi><mo stretchy="false">(</mo><msub><mi>s</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub><mo stretchy="false">)</mo><mo>−</mo><mi>V</mi><mo stretchy="false">(</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow></mtd></mtr><mtr><mtd><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub></mtd><mtd><mrow><mrow></mrow><mo>=</mo><msub><mi>δ</mi><mi>t</mi></msub><mo>+</mo><mi>γ</mi><mi>λ</mi><mo stretchy="false">(</mo><mn>1</mn><mo>−</mo><msub><mi>d</mi><mi>t</mi></msub><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub></mrow></mtd></mtr></mtable>"#),
        (#"\lambda = 0"#, display: false,
         #"<mrow><mi>λ</mi><mo>=</mo><mn>0</mn></mrow>"#),
        (#"\lambda = 1"#, display: false,
         #"<mrow><mi>λ</mi><mo>=</mo><mn>1</mn></mrow>"#),
        (#"V(s_t)"#, display: false,
         #"<mrow><mi>V</mi><mo stretchy="false">(</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow>"#),
        (#"\hat{R}_t = \hat{A}_t + V(s_t)"#, display: false,
         #"<mrow><msub><mover accent="true"><mi>R</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mo>=</mo><msub><mover accent="true"><mi>A</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mo>+</mo><mi>V</mi><mo stretchy="false">(</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow>"#),
        (#"H"#, display: false,
         #"<mi>H</mi>"#),
        (#"L(\theta) = -L^{\text{CLIP}}(\theta) + c_1\, \mathbb{E}_t\left[ \left( V_\theta(s_t) - \hat{R}_t \right)^2 \right] - c_2\, \mathbb{E}_t\left[ H\left( \pi_\theta(\cdot \mid s_t) \right) \right]"#, display: true,
         #"<mrow><mi>L</mi><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>=</mo><mo form="prefix" lspace="0" rspace="0">−</mo><msup><mi>L</mi><mtext>CLIP</mtext></msup><mo stretchy="false">(</mo><mi>θ</mi><mo stretchy="false">)</mo><mo>+</mo><msub><mi>c</mi><mn>1</mn></msub><mspace width="0.1667em"></mspace><msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub><mrow><mo stretchy="true" form="prefix">[</mo><msup><mrow><mo stretchy="true" form="prefix">(</mo><mrow><msub><mi>V</mi><mi>θ</mi></msub><mo stretchy="false">(</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo><mo>−</mo><msub><mover accent="true"><mi>R</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub></mrow><mo stretchy="true" form="postfix">)</mo></mrow><mn>2</mn></msup><mo stretchy="true" form="postfix">]</mo></mrow><mo>−</mo><msub><mi>c</mi><mn>2</mn></msub><mspace width="0.1667em"></mspace><msub><mi mathvariant="normal">𝔼</mi><mi>t</mi></msub><mrow><mo stretchy="true" form="prefix">[</mo><mrow><mi>H</mi><mrow><mo stretchy="true" form="prefix">(</mo><mrow><msub><mi>π</mi><mi>θ</mi></msub><mo stretchy="false">(</mo><mo form="prefix" lspace="0" rspace="0">⋅</mo><mo>∣</mo><msub><mi>s</mi><mi>t</mi></msub><mo stretchy="false">)</mo></mrow><mo stretchy="true" form="postfix">)</mo></mrow></mrow><mo stretchy="true" form="postfix">]</mo></mrow></mrow>"#),
        (#"c_1"#, display: false,
         #"<msub><mi>c</mi><mn>1</mn></msub>"#),
        (#"c_2"#, display: false,
         #"<msub><mi>c</mi><mn>2</mn></msub>"#),
    ]

    @Test func everyFormulaOfTheLessonIsTypesetAsExpected() throws {
        let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks/109.md").path
        let notebook = try NotebookParser().parse(contentsOf: lesson)
        var found: Set<String> = []
        for case .prose(let block) in notebook.blocks {
            for element in Self.mathElements(in: block.html) {
                let tex = try #require(Self.annotation(of: element)).trimmingCharacters(in: .whitespacesAndNewlines)
                found.insert(tex)
                let expected = try #require(Self.formulas.first { $0.tex == tex }, "a formula missing from the table: \(tex)")
                #expect(element.hasPrefix(expected.display ? #"<math display="block"><semantics>"# : "<math><semantics>"))
                #expect(element.contains("<semantics>\(expected.mathML)<annotation"), "\(tex)")
            }
        }
        #expect(found == Set(Self.formulas.map(\.tex)))
    }

    static func mathElements(in html: String) -> [String] {
        html.components(separatedBy: "<math").dropFirst().map { "<math" + $0.components(separatedBy: "</math>")[0] + "</math>" }
    }

    static func annotation(of element: String) -> String? {
        guard let start = element.range(of: #"<annotation encoding="application/x-tex">"#),
              let end = element.range(of: "</annotation>") else { return nil }
        return String(element[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
