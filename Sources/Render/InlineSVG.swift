/// Prepares a figure's SVG for inlining into a page that holds other figures.
enum InlineSVG {
    /// `svg` reduced to ``SVGSanitizer``'s allowlist (no XML declaration, no script, no
    /// handlers, no outside links), its element ids (and the references to them) prefixed
    /// with `prefix` so two figures on one page never share an id; or nil when the drawing
    /// cannot be read.
    static func prepare(_ svg: String, prefix: String) -> String? {
        guard let text = SVGSanitizer.sanitize(svg.trimmingLeadingWhitespace) else { return nil }
        return text.prefixingIDs(with: prefix)
    }
}

extension String {
    fileprivate var trimmingLeadingWhitespace: String { String(drop { $0.isWhitespace }) }

    /// The text with every element id, and every reference to one (`url(#`, `href="#`, ARIA
    /// id lists), prefixed with `prefix-`.
    func prefixingIDs(with prefix: String) -> String {
        var text = self
        for (opening, closing) in [(" id=\"", "\""), ("url(#", ")"), ("href=\"#", "\"")] {
            text = text.replacingEvery(opening, closedBy: closing) { "\(opening)\(prefix)-\($0)\(closing)" }
        }
        for attribute in [" aria-labelledby=\"", " aria-describedby=\""] {
            text = text.replacingEvery(attribute, closedBy: "\"") { ids in
                attribute + ids.split(separator: " ").map { "\(prefix)-\($0)" }.joined(separator: " ") + "\""
            }
        }
        return text
    }

    /// Replaces each `opening VALUE closing` with `replacement(VALUE)`.
    func replacingEvery(_ opening: String, closedBy closing: String, with replacement: (Substring) -> String) -> String {
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: opening), let end = rest[start.upperBound...].range(of: closing) {
            result += rest[..<start.lowerBound]
            result += replacement(rest[start.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return result + rest
    }
}
