import Execution
import Notebook

/// Puts the inline values' results in place of their `` `{swift} expression` `` spans in a prose block's HTML.
enum InlineValueHTML {
    /// The opening of an inline value's code span as cmark-gfm renders it (`{swift}` alone is just code).
    private static let opening = "<code>" + InlineValue.marker + " "

    /// `html` with its inline value spans, in order, replaced by `values`' results.
    static func substitute(in html: String, values: [InlineValue], results: [Int: InlineValueResult]) -> String {
        var output = ""
        var rest = html[...]
        for value in values {
            guard let start = rest.range(of: opening), let end = rest[start.upperBound...].range(of: "</code>") else { break }
            output += rest[..<start.lowerBound]
            output += rendered(value, results[value.index])
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    private static func rendered(_ value: InlineValue, _ result: InlineValueResult?) -> String {
        if let claim = result?.claim { return ClaimHTML.inline(claim) }
        if let text = result?.text, result?.status == .evaluated {
            return "<span class=\"inline-value\">\(HTML.escape(text))</span>"
        }
        // Not evaluated (a failed render, or a type-check only): show the expression itself.
        return "<code class=\"inline-value-missing\">\(HTML.escape(value.expression))</code>"
    }
}
