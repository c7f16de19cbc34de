import CellEvents

/// A claim of the lesson set against the runs: the page shows it with its verdict and the numbers
/// it rests on, and a verdict that differs from `expected` fails the render.
public struct Claim {
    /// The claim, as the lesson states it.
    public let statement: String
    /// Whether the runs bear it out.
    public let holds: Bool
    /// The verdict the author expects.
    public let expected: Bool
}

/// Records a claim, with the numbers it rests on.
///
/// ```swift
/// claim("the baseline reaches 195 sooner on every seed", baselineHits < plainHits,
///       evidence: ["baseline": baselineHits, "plain": plainHits])
/// claim("PPO holds 500 with the lesson's settings", holding == 5, expected: false,
///       evidence: ["seeds holding 475": holding])
/// ```
///
/// - Parameters:
///   - statement: the claim, as a sentence.
///   - holds: whether the numbers bear it out.
///   - expected: the verdict the author expects (true unless the lesson is being corrected);
///     when `holds` differs, the render fails naming this line and the evidence.
///   - evidence: the numbers behind the verdict, in order: names to numbers, lists of numbers or text.
/// - Returns: the claim, to show inline with `` `{swift} claim(...)` ``.
@discardableResult
public func claim(_ statement: String, _ holds: Bool, expected: Bool = true,
                  evidence: KeyValuePairs<String, Any> = [:],
                  file: String = #filePath, line: Int = #line) -> Claim {
    let items = evidence.map { ClaimOutput.Evidence(name: $0.key, value: ProseFormat.text(of: $0.value)) }
    CellSession.send(.claim(ClaimOutput(statement: statement, holds: holds, expected: expected, evidence: items,
                                        file: file, line: line)))
    return Claim(statement: statement, holds: holds, expected: expected)
}
