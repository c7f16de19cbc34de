/// Finds the `` `{swift} expression` `` spans in a prose block, with the line and column of each
/// expression in the notebook's text.
struct InlineValueFinder {
    /// The notebook's lines, as parsed (front matter blanked, line numbers kept).
    let lines: [Substring]
    /// The notebook's path, for locations.
    let path: String

    /// The inline values of `block`, numbered from `firstIndex`.
    func values(in block: MarkdownBlock, blockIndex: Int, firstIndex: Int, session: String) throws -> [InlineValue] {
        var found: [InlineValue] = []
        for node in block.descendants where node.kind == .code {
            let literal = node.literal.drop(while: \.isWhitespace)
            // `{swift}` then a space and an expression; `{swift}` alone is just code.
            let expression = literal.dropFirst(InlineValue.marker.count).trimmingWhitespace
            guard literal.hasPrefix(InlineValue.marker), literal.dropFirst(InlineValue.marker.count).first?.isWhitespace == true,
                  !expression.isEmpty else { continue }
            let location = SourceLocation(file: path, line: node.startLine)
            let lineText = node.startLine <= lines.count ? lines[node.startLine - 1] : ""
            let column = column(of: node)
            // A span wrapped onto the next line reads with a space where the line break was: not on its line.
            guard Array(lineText.utf8.dropFirst(column - 1)).starts(with: expression.utf8) else {
                throw NotebookError("an inline `{swift} ...` value must be written on one line", at: location)
            }
            found.append(InlineValue(index: firstIndex + found.count, expression: String(expression), location: location,
                                     column: column, session: session, blockIndex: blockIndex,
                                     lineText: String(lineText)))
        }
        return found
    }

    /// The byte column of the expression: after the marker and the spaces that follow it.
    private func column(of node: MarkdownBlock) -> Int {
        guard node.startLine >= 1, node.startLine <= lines.count else { return node.startColumn }
        let line = Array(lines[node.startLine - 1].utf8)
        let marker = Array(InlineValue.marker.utf8)
        var offset = max(node.startColumn - 1, 0)
        while offset + marker.count <= line.count, Array(line[offset..<offset + marker.count]) != marker { offset += 1 }
        offset += marker.count
        while offset < line.count, line[offset] == UInt8(ascii: " ") || line[offset] == UInt8(ascii: "\t") { offset += 1 }
        return offset + 1
    }
}

private extension Substring {
    var trimmingWhitespace: Substring {
        var result = self.drop(while: \.isWhitespace)
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
