import CellEvents
import Testing

@Suite struct EventStreamDecoderTests {
    let framing = EventFraming(nonce: "abc123")

    @Test func textAndEventsKeepTheirOrder() {
        var decoder = EventStreamDecoder(framing: framing)
        let bytes = Array("before\n".utf8) + framing.encode(.cellStarted(3)) + Array("after\n".utf8)
        #expect(decoder.feed(bytes) == [.text("before\n"), .event(.cellStarted(3)), .text("after\n")])
    }

    @Test func eventsSplitAcrossChunksAreReassembled() {
        let table = TableOutput(columns: ["seed"], rows: [["0"], ["1"]])
        let bytes = Array("x".utf8) + framing.encode(.table(table)) + Array("é!".utf8)
        for cut in 1..<bytes.count {
            var decoder = EventStreamDecoder(framing: framing)
            let pieces = decoder.feed(Array(bytes[..<cut])) + decoder.feed(Array(bytes[cut...])) + decoder.finish()
            let text = pieces.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            #expect(text == "xé!", "cut at \(cut)")
            #expect(pieces.contains(.event(.table(table))), "cut at \(cut)")
        }
    }

    @Test func printedLookalikesWithoutTheNonceStayText() {
        var decoder = EventStreamDecoder(framing: framing)
        let forged = EventFraming(nonce: "guess").encode(.cellFinished(0))
        let pieces = decoder.feed(forged) + decoder.finish()
        #expect(pieces.allSatisfy { if case .text = $0 { true } else { false } })
    }
}
