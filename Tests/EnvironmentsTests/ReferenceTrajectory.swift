import Foundation

/// One environment's trajectories recorded from Gymnasium by `Fixtures/record_gymnasium.py`.
struct ReferenceTrajectory: Decodable {
    /// A recorded action: an index for discrete environments, a vector for continuous ones.
    enum Action: Decodable {
        case discrete(Int)
        case continuous([Float])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .discrete(index)
            } else {
                self = .continuous(try container.decode([Double].self).map { Float($0) })
            }
        }
    }

    /// One step: the state before it, the action, and what Gymnasium returned.
    struct Step: Decodable {
        let elapsed: Int
        let state: [Double]
        let action: Action
        let observation: [Double]
        let reward: Double
        let terminated: Bool
        let truncated: Bool

        /// The observation as the float32 values Gymnasium returned (stored exactly as float64).
        var observationValues: [Float] { observation.map { Float($0) } }
    }

    /// One episode from a seeded reset.
    struct Episode: Decodable {
        let name: String
        let seed: Int
        let steps: [Step]
    }

    let id: String
    let gymnasium: String
    let episodes: [Episode]

    /// Loads `Fixtures/<id>.json` next to this file.
    static func load(_ id: String) throws -> ReferenceTrajectory {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("\(id).json")
        return try JSONDecoder().decode(ReferenceTrajectory.self, from: Data(contentsOf: url))
    }
}

/// How many float32 steps apart `a` and `b` are (0 when equal).
func ulpDistance(_ a: Float, _ b: Float) -> Int {
    func ordered(_ x: Float) -> Int { x.sign == .minus ? -Int(x.bitPattern & 0x7FFF_FFFF) : Int(x.bitPattern) }
    return abs(ordered(a) - ordered(b))
}
