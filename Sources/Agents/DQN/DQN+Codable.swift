import Foundation

/// A trained DQN kept as its configuration and Q-network, so that `cached(...)` in a
/// notebook can reload it instead of training it again. The reloaded agent acts exactly as
/// the trained one (``greedyAction(_:)``, ``evaluate(on:episodes:seed:)``); its target
/// network is a copy of the Q-network, and its replay buffer, optimiser moments and random
/// generator start afresh, so further training differs from training the original on.
extension DQN: Codable {
    private enum CodingKeys: String, CodingKey { case configuration, qNetwork }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(qNetwork, forKey: .qNetwork)
    }

    public convenience init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let configuration = try container.decode(Configuration.self, forKey: .configuration)
        let network = try container.decode(FeedForwardNetwork.self, forKey: .qNetwork)
        guard Array(network.sizes.dropFirst().dropLast()) == configuration.hiddenSizes else {
            throw DecodingError.dataCorruptedError(forKey: .qNetwork, in: container,
                                                   debugDescription: "the Q-network does not match the configuration")
        }
        self.init(stateSize: network.inputSize, actionCount: network.outputSize, configuration: configuration, seed: 0)
        qNetwork.copyParameters(from: network)
        targetNetwork.copyParameters(from: network)
    }
}
