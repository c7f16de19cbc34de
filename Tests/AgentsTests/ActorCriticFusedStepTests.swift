import Agents
import SeededRandom
import Tensors
import Testing

/// With separate networks `ActorCritic.update` runs a fused pass; it must give, bit for bit, the
/// weights the tape gives for the same loss on the same networks, step after step.
@Suite struct ActorCriticFusedStepTests {
    struct Case: CustomStringConvertible, Sendable {
        let activation: Activation
        let beta: Float
        let actionCount: Int
        let maxGradNorm: Float
        var description: String { "\(activation), beta \(beta), \(actionCount) actions, max norm \(maxGradNorm)" }
    }

    static let cases: [Case] = [
        Case(activation: .relu, beta: 0, actionCount: 2, maxGradNorm: .infinity),
        Case(activation: .relu, beta: 0.01, actionCount: 2, maxGradNorm: .infinity),
        Case(activation: .relu, beta: 0.3, actionCount: 3, maxGradNorm: 0.5),
        Case(activation: .tanh, beta: 0, actionCount: 3, maxGradNorm: .infinity),
        Case(activation: .tanh, beta: 0.01, actionCount: 2, maxGradNorm: 0.5),
        Case(activation: .tanh, beta: 0.3, actionCount: 2, maxGradNorm: .infinity),
    ]

    @Test(arguments: cases)
    func theFusedUpdateGivesTheTapesWeights(_ testCase: Case) {
        let configuration = ActorCritic.Configuration(
            sharedTrunk: false, hiddenSize: 24, activation: testCase.activation, actorLearningRate: 0.01,
            criticLearningRate: 0.03, maxGradNorm: testCase.maxGradNorm, bootstrapsOnTruncation: true)
        let fused = ActorCritic(stateSize: 4, actionCount: testCase.actionCount, configuration: configuration, seed: 3)
        let taped = ActorCritic(stateSize: 4, actionCount: testCase.actionCount, configuration: configuration, seed: 3)
        var generator = SeededGenerator(seed: 17)
        var state = randomState(using: &generator)
        for step in 0..<40 {
            let nextState = randomState(using: &generator)
            let action = generator.nextInt(below: testCase.actionCount)
            let reward = generator.nextDouble(from: -1, to: 2)
            let bootstraps = step % 3 != 0
            let advantage = fused.update(state: state, action: action, reward: reward, nextState: nextState,
                                         bootstraps: bootstraps, beta: testCase.beta)
            let tapeAdvantage = tapeUpdate(taped, state: state, action: action, reward: Float(reward), nextState: nextState,
                                           bootstraps: bootstraps, beta: testCase.beta)
            #expect(advantage.bitPattern == tapeAdvantage.bitPattern, "\(testCase), step \(step)")
            for (index, (a, b)) in zip(fused.allParameters, taped.allParameters).enumerated() {
                #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern), "\(testCase), step \(step): parameter \(index) differs")
            }
            state = nextState
        }
        // The weights moved, so the comparison covered more than the initial values.
        let start = ActorCritic(stateSize: 4, actionCount: testCase.actionCount, configuration: configuration, seed: 3)
        #expect(zip(fused.allParameters, start.allParameters).allSatisfy { $0.scalars != $1.scalars })
    }

    /// The update on the tape, as `ActorCritic` runs it with a shared trunk.
    private func tapeUpdate(_ agent: ActorCritic, state: [Float], action: Int, reward: Float, nextState: [Float],
                            bootstraps: Bool, beta: Float) -> Float {
        let feats = agent.features(Tensor(state, shape: [1, state.count]))
        let dist = Categorical(logits: agent.actor(feats))
        let value = agent.critic(feats).squeeze()
        let nextValue = noGrad { agent.critic(agent.features(Tensor(nextState, shape: [1, nextState.count]))).squeeze() }
        let target = reward + agent.gamma * nextValue * (bootstraps ? 1 : 0)
        let advantage = target - value
        let actorLoss = -(dist.logProb([action]) * advantage.detach()).sum()
        let criticLoss = advantage.pow(2)
        let entropy = dist.entropy().mean()
        let loss = actorLoss + 0.5 * criticLoss - beta * entropy
        agent.optimizer.zeroGrad()
        loss.backward()
        clipGradNorm(agent.allParameters, maxNorm: agent.maxGradNorm)
        agent.optimizer.step()
        return advantage.item
    }

    private func randomState(using generator: inout SeededGenerator) -> [Float] {
        (0..<4).map { _ in Float(generator.nextNormal()) }
    }
}
