import Agents
import Environments
import Foundation
import SeededRandom
import Tensors
import Testing

/// What `cached(...)` in a notebook stores: trained agents and results must come back from
/// JSON acting exactly as they did, and a damaged value must be refused, not half-loaded.
@Suite struct CodableResultsTests {
    private func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }

    @Test func aTrainedDQNActsTheSameAfterARoundTrip() throws {
        let (agent, log) = DQN.train(env: CartPole(), steps: 1_500, seed: 3)
        let reloaded = try roundTrip(agent)
        #expect(reloaded.evaluate(on: CartPole(), episodes: 3, seed: 50) == agent.evaluate(on: CartPole(), episodes: 3, seed: 50))
        #expect(reloaded.configuration == agent.configuration)
        #expect(try roundTrip(log) == log)
    }

    @Test func aNetworkKeepsItsLayoutAndEveryParameterBit() throws {
        var generator = SeededGenerator(seed: 9)
        let network = FeedForwardNetwork(sizes: [4, 16, 3], activation: .tanh, using: &generator)
        let reloaded = try roundTrip(network)
        #expect(reloaded.sizes == network.sizes && reloaded.activation == network.activation)
        #expect(zip(reloaded.parameters, network.parameters).allSatisfy { $0.scalars == $1.scalars })
        let state: [Float] = [0.1, -0.2, 0.3, 0.05]
        #expect(Array(reloaded.output(for: state)) == Array(network.output(for: state)))
    }

    @Test(arguments: [(PolicyKind.categorical(count: 2), PPOConfig.cartPole),
                      (PolicyKind.gaussian(low: [-2], high: [2]), PPOConfig.lesson)])
    func aPPONetworkGivesTheSameOutputsAfterARoundTrip(kind: PolicyKind, config: PPOConfig) throws {
        var generator = SeededGenerator(seed: 4)
        let network = PPONetwork(observationSize: 3, kind: kind, config: config, using: &generator)
        let reloaded = try roundTrip(network)
        #expect(reloaded.kind == network.kind && reloaded.sharesTrunk == network.sharesTrunk)
        let states = Tensor([[0.1, 0.2, -0.3], [1, -1, 0.5]])
        let (before, after) = (network.forward(states), reloaded.forward(states))
        #expect(before.actorOutput.scalars == after.actorOutput.scalars && before.values.scalars == after.values.scalars)
        #expect(zip(reloaded.parameters, network.parameters).allSatisfy { $0.scalars == $1.scalars })
    }

    @Test func aNetworkWhoseParametersDoNotFitIsRefused() throws {
        var generator = SeededGenerator(seed: 1)
        let data = try JSONEncoder().encode(FeedForwardNetwork(sizes: [2, 3, 1], activation: .relu, using: &generator))
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"sizes\":[2,3,1]", with: "\"sizes\":[2,4,1]")
        #expect(text != String(decoding: data, as: UTF8.self))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FeedForwardNetwork.self, from: Data(text.utf8)) }
    }

    @Test func trainingResultsRoundTrip() throws {
        let ppo = PPO.train(env: CartPole(), config: .lesson, seed: 0, totalSteps: 2_048)
        #expect(try roundTrip(ppo) == ppo)
        let trpo = TRPO.train(env: CartPole(), seed: 0, totalSteps: 2_048)
        #expect(try roundTrip(trpo) == trpo)
    }
}
