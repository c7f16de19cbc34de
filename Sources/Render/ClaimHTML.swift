import CellEvents

/// A claim on the page: its mark (✓ holds, ✗ does not hold), its statement and its evidence,
/// and, when the verdict is not the expected one, a note saying so.
enum ClaimHTML {
    /// A claim shown under the cell that made it.
    static func block(_ claim: ClaimOutput) -> String {
        var html = ["<div class=\"claim \(kind(claim))\">",
                    "<p class=\"claim-statement\">\(mark(claim)) \(HTML.escape(claim.statement))</p>"]
        if !claim.evidence.isEmpty {
            html.append("<dl class=\"claim-evidence\">" + claim.evidence.map {
                "<div><dt>\(HTML.escape($0.name))</dt><dd>\(HTML.escape($0.value))</dd></div>"
            }.joined() + "</dl>")
        }
        if !claim.isAsExpected { html.append("<p class=\"claim-unexpected\">\(HTML.escape(unexpectedNote(claim)))</p>") }
        html.append("</div>")
        return html.joined(separator: "\n")
    }

    /// A claim made by an inline value: the statement with its mark, the evidence in parentheses.
    static func inline(_ claim: ClaimOutput) -> String {
        let evidence = claim.evidence.isEmpty ? ""
            : " <span class=\"claim-evidence\">(\(HTML.escape(claim.evidenceText)))</span>"
        return "<span class=\"claim \(kind(claim))\">\(HTML.escape(claim.statement)) \(mark(claim))\(evidence)</span>"
    }

    private static func kind(_ claim: ClaimOutput) -> String {
        (claim.holds ? "claim-holds" : "claim-fails") + (claim.isAsExpected ? "" : " claim-differs")
    }

    private static func mark(_ claim: ClaimOutput) -> String {
        claim.holds ? "<span class=\"claim-mark\" role=\"img\" aria-label=\"holds\">✓ holds</span>"
            : "<span class=\"claim-mark\" role=\"img\" aria-label=\"does not hold\">✗ does not hold</span>"
    }

    private static func unexpectedNote(_ claim: ClaimOutput) -> String {
        "The lesson expected this claim \(claim.expected ? "to hold" : "not to hold"); with these parameters it \(claim.holds ? "holds" : "does not")."
    }
}
