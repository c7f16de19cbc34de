import Notebook
import Testing

@Suite struct MarkdownNodeKindTests {
    @Test func blocksInlinesAndExtensionsHaveTheirKinds() {
        let document = MarkdownDocument(text: """
            # Title

            Some *emphasis*, **strong**, `code`, ~~gone~~ and [a link](https://example.org).

            | a |
            |---|
            | 1 |

            ```text
            x
            ```

            > quote

            - item

            ---
            """)
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .table, .codeBlock, .blockQuote, .list, .thematicBreak])
        let inlines = document.blocks[1].children.map(\.kind)
        #expect(inlines.contains(.emphasis) && inlines.contains(.strong) && inlines.contains(.code))
        #expect(inlines.contains(.strikethrough) && inlines.contains(.link) && inlines.contains(.text))
        #expect(document.blocks[2].children.first?.kind == .tableRow)
        #expect(document.blocks[2].children.first?.children.first?.kind == .tableCell)
    }
}
