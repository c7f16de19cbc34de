import Foundation

/// How events travel inside a program's standard output, between the text it prints.
///
/// An event is written as `ESC ] ppo-book;NONCE; JSON BEL`: an operating-system-command
/// sequence that terminals ignore, carrying a per-run nonce so that printed text can
/// never pass itself off as an event. JSON escapes control characters, so `BEL` cannot
/// occur inside the payload.
public struct EventFraming: Sendable {
    /// The per-run secret that marks genuine events.
    public let nonce: String

    /// Creates framing for `nonce`.
    public init(nonce: String) {
        self.nonce = nonce
    }

    /// The bytes that open an event.
    public var opening: [UInt8] { Array("\u{1B}]ppo-book;\(nonce);".utf8) }

    /// The byte that closes an event.
    public static let closing: UInt8 = 0x07

    /// The framed bytes of `event`.
    public func encode(_ event: CellEvent) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(event)) ?? Data()
        return opening + Array(json) + [Self.closing]
    }
}
