import Foundation
import SeededRandom
import Tensors

/// A trained PPO or TRPO network kept as its layout (observation size, policy kind, hidden
/// width, shared or separate trunks) and parameter values, so that `cached(...)` in a
/// notebook can reload it instead of training it again.
extension PPONetwork: Codable {
    private enum CodingKeys: String, CodingKey {
        case observationSize, actions, low, high, hiddenSize, sharesTrunk, parameters
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Weights are [outputs, inputs]: the first trunk layer's shape gives both sizes.
        try container.encode(actorTrunk[0].weight.shape[1], forKey: .observationSize)
        try container.encode(actorTrunk[0].weight.shape[0], forKey: .hiddenSize)
        switch kind {
        case .categorical(let count): try container.encode(count, forKey: .actions)
        case .gaussian(let low, let high):
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
        }
        try container.encode(sharesTrunk, forKey: .sharesTrunk)
        try container.encode(parameters.map(\.scalars), forKey: .parameters)
    }

    public convenience init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind: PolicyKind
        if let count = try container.decodeIfPresent(Int.self, forKey: .actions) {
            kind = .categorical(count: count)
        } else {
            kind = .gaussian(low: try container.decode([Float].self, forKey: .low),
                             high: try container.decode([Float].self, forKey: .high))
        }
        var config = PPOConfig.lesson
        config.hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        config.architecture = try container.decode(Bool.self, forKey: .sharesTrunk) ? .sharedTrunk : .separateNetworks
        let observationSize = try container.decode(Int.self, forKey: .observationSize)
        guard observationSize > 0, config.hiddenSize > 0, kind.actorOutputSize > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .observationSize, in: container,
                                                   debugDescription: "the network's sizes must be positive")
        }
        var unused = SeededGenerator(seed: 0)
        self.init(observationSize: observationSize, kind: kind, config: config, using: &unused)
        do {
            try setParameterValues(try container.decode([[Float]].self, forKey: .parameters))
        } catch let error as TensorError {
            throw DecodingError.dataCorruptedError(forKey: .parameters, in: container, debugDescription: "\(error)")
        }
    }
}
