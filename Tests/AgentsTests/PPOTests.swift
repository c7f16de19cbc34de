import Agents
import Environments
import SeededRandom
import Tensors
import Testing

@Suite struct PPOTests {
    private var shortRun: PPOConfig {
        var config = PPOConfig.lesson
        config.rolloutLength = 256
        return config
    }

    @Test func networkSharesOrSeparatesTheTrunk() {
        var generator = SeededGenerator(seed: 0)
        let shared = PPONetwork(observationSize: 4, kind: .categorical(count: 2), config: .lesson, using: &generator)
        let separate = PPONetwork(observationSize: 4, kind: .categorical(count: 2), config: .cartPole, using: &generator)
        let trunk = 4 * 64 + 64 + 64 * 64 + 64
        let heads = 64 * 2 + 2 + 64 + 1
        let sharedCount = shared.parameters.map(\.count).reduce(0, +)
        let separateCount = separate.parameters.map(\.count).reduce(0, +)
        #expect(shared.sharesTrunk && !separate.sharesTrunk)
        #expect(sharedCount == trunk + heads)
        #expect(separateCount == 2 * trunk + heads)
        let (logits, values) = shared.forward(Tensor.zeros([5, 4]))
        #expect(logits.shape == [5, 2] && values.shape == [5])
    }

    @Test func trainingIsDeterministicForASeed() {
        let first = PPO.train(env: "CartPole-v1", config: shortRun, seed: 3, totalSteps: 1024)
        let second = PPO.train(env: "CartPole-v1", config: shortRun, seed: 3, totalSteps: 1024)
        let other = PPO.train(env: "CartPole-v1", config: shortRun, seed: 4, totalSteps: 1024)
        #expect(first == second)
        #expect(first.log.returns != other.log.returns)
        #expect(first.log.totalSteps == 1024 && first.updates.count == 4)
    }

    @Test func klEarlyStopFiresWhenTheThresholdIsTiny() {
        var config = shortRun
        config.targetKL = 1e-9
        config.klEstimator = .ratioMinusLogRatio
        let stopped = PPO.train(env: "CartPole-v1", config: config, seed: 0, totalSteps: 512)
        #expect(stopped.earlyStopCount == 2)
        #expect(stopped.updates.allSatisfy { $0.epochsCompleted == 1 && $0.approximateKL > 1e-9 })
        let full = PPO.train(env: "CartPole-v1", config: shortRun, seed: 0, totalSteps: 512)
        #expect(full.earlyStopCount == 0)
        #expect(full.updates.allSatisfy { $0.epochsCompleted == 4 && $0.klPerEpoch.count == 4 })
    }

    @Test func lessonShapedStepsFillTheBufferAndUpdate() {
        let agent = PPO(observationSize: 4, kind: .categorical(count: 2), config: shortRun, seed: 1)
        let env = CartPole()
        var state = env.reset(seed: 1).observation
        for _ in 0..<200 {
            let (action, logProb, value) = agent.chooseAction(state)
            let result = env.step(action)
            agent.buffer.store(state: state, action: [Float(action)], logProb: logProb, reward: Float(result.reward),
                               value: value, done: result.terminated || result.truncated)
            state = result.done ? env.reset().observation : result.observation
        }
        #expect(agent.buffer.count == 200)
        let stats = agent.update(lastValue: agent.value(of: state))
        #expect(agent.buffer.count == 0)
        #expect(stats.epochsCompleted == 4)
        #expect(stats.entropy > 0.6 && stats.entropy <= 0.6932)
    }

    @Test func ppoLearnsCartPoleInAShortRun() {
        let result = PPO.train(env: "CartPole-v1", config: .lesson, seed: 0, totalSteps: 40_960)
        let returns = result.log.returns
        let early = returns.prefix(50).reduce(0, +) / 50
        let late = returns.suffix(20).reduce(0, +) / 20
        // Seeds 0-7 rose from 19-24 to 62-122 (3.0x to 5.4x) over these steps.
        #expect(early < 30)
        #expect(late > 2.5 * early)
    }

    @Test func gaussianPolicyActsAndTrainsOnPendulum() {
        var config = PPOConfig.pendulum
        config.rolloutLength = 128
        let agent = PPO(observationSize: 3, kind: .gaussian(low: [-2], high: [2]), config: config, seed: 0)
        let (action, logProb, _) = agent.chooseContinuousAction([1, 0, 0])
        #expect(action.count == 1 && logProb.isFinite)
        #expect(agent.network.logStd?.scalars == [0])
        let first = PPO.train(env: "Pendulum-v1", config: config, seed: 0, totalSteps: 1024)
        let second = PPO.train(env: "Pendulum-v1", config: config, seed: 0, totalSteps: 1024)
        #expect(first == second)
        #expect(first.log.episodeCount == 4)
        #expect(first.log.returns.allSatisfy { $0 < 0 })
    }
}
