import Agents
import Tensors
import Testing

@Suite struct TRPOTests {
    @Test func conjugateGradientSolvesASmallSPDSystem() {
        // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]], x = [1, -2, 3] gives b = A x = [2, -2, 4].
        let matrix: [[Float]] = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
        let solution = conjugateGradient(b: [2, -2, 4], iterations: 10) { v in
            matrix.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        for (value, expected) in zip(solution, [1, -2, 3] as [Float]) { #expect(abs(value - expected) < 1e-4) }
    }

    @Test func trpoIsDeterministicAndKeepsItsSteps() {
        var config = TRPOConfig.cartPole
        config.rolloutLength = 256
        let first = TRPO.train(env: "CartPole-v1", config: config, seed: 0, totalSteps: 1024)
        let second = TRPO.train(env: "CartPole-v1", config: config, seed: 0, totalSteps: 1024)
        #expect(first == second)
        #expect(first.updates.count == 4)
        #expect(first.updates.allSatisfy { $0.kl <= config.maxKL })
        #expect(first.updates.contains { $0.stepFraction > 0 && $0.surrogateImprovement > 0 })
    }

    @Test func aRejectedStepRestoresThePolicyBitForBit() {
        var config = TRPOConfig.cartPole
        config.maxKL = 1e-30  // no step size fits: every line search fails and the old policy comes back
        let agent = TRPO(observationSize: 4, actionCount: 2, config: config, seed: 3)
        let policyParameters = agent.network.actorTrunk.flatMap(\.parameters) + agent.network.actor.parameters
        let before = policyParameters.map(\.scalars)
        for step in 0..<64 {
            let state: [Float] = [0.01 * Float(step), -0.02, 0.03, 0.04 * Float(step % 5)]
            agent.buffer.store(state: state, action: [Float(step % 2)], logProb: -0.69, reward: 1, value: 0.5, done: step % 20 == 19)
        }
        let stats = agent.update(lastValue: 0)
        #expect(stats.stepFraction == 0)
        #expect(policyParameters.map(\.scalars) == before)
    }

    @Test func trpoLearnsCartPoleInAShortRun() {
        let returns = TRPO.train(env: "CartPole-v1", seed: 0, totalSteps: 10_240).log.returns
        let early = returns.prefix(30).reduce(0, +) / 30
        let late = returns.suffix(10).reduce(0, +) / 10
        // Seeds 0-7 rose from 18-24 to 159-285 (6.7x to 15x) over these steps.
        #expect(early < 30)
        #expect(late > 4 * early)
    }
}
