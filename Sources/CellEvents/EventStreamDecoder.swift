import Foundation

/// Splits a program's standard output, as it arrives in chunks, into printed text and events.
public struct EventStreamDecoder {
    /// A piece of the stream.
    public enum Piece: Equatable {
        /// Text the program printed.
        case text(String)
        /// An event the runtime sent.
        case event(CellEvent)
        /// A framed event that could not be decoded (a newer or damaged runtime), with the start of its text.
        case undecodableEvent(String)
    }

    private let opening: [UInt8]
    private var pending: [UInt8] = []

    /// Creates a decoder for events framed with `framing`.
    public init(framing: EventFraming) {
        opening = framing.opening
    }

    /// Takes the next chunk of bytes and returns the complete pieces it finishes.
    /// Text that might be the start of an event is held back until the next chunk.
    public mutating func feed(_ bytes: [UInt8]) -> [Piece] {
        pending += bytes
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index < pending.count {
            guard pending[index] == opening[0] else { index += 1; continue }
            let available = min(opening.count, pending.count - index)
            guard pending[index..<(index + available)].elementsEqual(opening[0..<available]) else {
                index += 1
                continue
            }
            guard available == opening.count,
                  let end = pending[(index + opening.count)...].firstIndex(of: EventFraming.closing) else {
                break // an event may be arriving: wait for more bytes
            }
            appendText(pending[textStart..<index], to: &pieces)
            let json = Data(pending[(index + opening.count)..<end])
            if let event = try? JSONDecoder().decode(CellEvent.self, from: json) {
                pieces.append(.event(event))
            } else {
                pieces.append(.undecodableEvent(String(decoding: json.prefix(200), as: UTF8.self)))
            }
            index = end + 1
            textStart = index
        }
        let held = Self.characterBoundary(before: min(index, pending.count), in: pending, from: textStart)
        appendText(pending[textStart..<held], to: &pieces)
        pending.removeFirst(held)
        return pieces
    }

    /// Returns whatever is held back once the stream has ended.
    public mutating func finish() -> [Piece] {
        var pieces: [Piece] = []
        appendText(pending[...], to: &pieces)
        pending = []
        return pieces
    }

    /// The largest position at or before `end` that does not split a UTF-8 character,
    /// so a character cut in two by a chunk boundary is decoded whole from the next chunk.
    private static func characterBoundary(before end: Int, in bytes: [UInt8], from start: Int) -> Int {
        var lead = end
        while lead > start, lead > end - 4, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        guard lead > start, lead > end - 4 else { return end }
        let first = bytes[lead - 1]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        return end - (lead - 1) < length ? lead - 1 : end
    }

    private func appendText(_ bytes: ArraySlice<UInt8>, to pieces: inout [Piece]) {
        guard !bytes.isEmpty else { return }
        pieces.append(.text(String(decoding: bytes, as: UTF8.self)))
    }
}
