import Foundation
import SeededRandom
import Tensors

/// A trained network kept as its layer sizes, activation and parameter values, so that
/// `cached(...)` in a notebook can reload it instead of training it again.
extension FeedForwardNetwork: Codable {
    private enum CodingKeys: String, CodingKey { case sizes, activation, parameters }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sizes, forKey: .sizes)
        try container.encode(activation == .relu ? "relu" : "tanh", forKey: .activation)
        try container.encode(parameters.map(\.scalars), forKey: .parameters)
    }

    public convenience init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sizes = try container.decode([Int].self, forKey: .sizes)
        let activation: Activation
        switch try container.decode(String.self, forKey: .activation) {
        case "relu": activation = .relu
        case "tanh": activation = .tanh
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .activation, in: container, debugDescription: "unknown activation \(other)")
        }
        guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .sizes, in: container, debugDescription: "bad layer sizes \(sizes)")
        }
        var unused = SeededGenerator(seed: 0)
        self.init(sizes: sizes, activation: activation, using: &unused)
        do {
            try setParameterValues(try container.decode([[Float]].self, forKey: .parameters))
        } catch let error as TensorError {
            throw DecodingError.dataCorruptedError(forKey: .parameters, in: container, debugDescription: "\(error)")
        }
    }
}
