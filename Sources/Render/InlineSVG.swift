/// Prepares a figure's SVG for inlining into a page that holds other figures.
enum InlineSVG {
    /// `svg` without an XML declaration, its element ids (and the references to them)
    /// prefixed with `prefix` so two figures on one page never share an id; or nil when
    /// the drawing carries script or event handlers, which a figure never needs.
    static func prepare(_ svg: String, prefix: String) -> String? {
        let lowered = svg.lowercased()
        let forbidden = ["<script", "javascript:", "<foreignobject", " onload=", " onclick=", " onerror=", " onmouse"]
        guard !forbidden.contains(where: lowered.contains) else { return nil }
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = String(text[end.upperBound...]).trimmingLeadingWhitespace
        }
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
