import Agents
import Environments
import SeededRandom
import Tensors
import Testing

@Suite struct REINFORCETests {
    @Test func plainREINFORCEIsDeterministicForASeed() {
        let first = REINFORCE.train(env: CartPole(), episodes: 40, seed: 3)
        let second = REINFORCE.train(env: CartPole(), episodes: 40, seed: 3)
        let other = REINFORCE.train(env: CartPole(), episodes: 40, seed: 4)
        #expect(first == second)
        #expect(first.returns != other.returns)
    }

    @Test func seedsRunInParallelGiveTheSerialResults() {
        let parallel = parallelMap(seeds: [0, 1, 2]) { REINFORCE.train(env: CartPole(), episodes: 20, seed: $0) }
        let serial = [0, 1, 2].map { REINFORCE.train(env: CartPole(), episodes: 20, seed: $0) }
        #expect(parallel == serial)
    }

    @Test func baselineIsDeterministicForASeed() {
        let first = REINFORCEWithBaseline.train(env: CartPole(), episodes: 40, seed: 3)
        let second = REINFORCEWithBaseline.train(env: CartPole(), episodes: 40, seed: 3)
        #expect(first == second)
    }

    /// 300 episodes (about 20k steps): the last quarter's average return at least doubles
    /// the first quarter's (measured over seeds 0-4: 27-31 rising to 98-209).
    @Test func plainREINFORCELearnsCartPole() {
        let log = REINFORCE.train(env: CartPole(), episodes: 300, seed: 0)
        let (first, last) = quarterAverages(log)
        #expect(first < 40)
        #expect(last > 2 * first)
    }

    /// Measured over seeds 0-4: 27-31 rising to 188-248.
    @Test func baselineLearnsCartPole() {
        let log = REINFORCEWithBaseline.train(env: CartPole(), episodes: 300, seed: 0)
        let (first, last) = quarterAverages(log)
        #expect(first < 40)
        #expect(last > 2 * first)
    }

    @Test func agentsBuiltWithoutSettingsUseThePublishedDefaults() {
        let plain = REINFORCE(stateSize: 4, actionCount: 2, seed: 0)
        let baseline = REINFORCEWithBaseline(stateSize: 4, actionCount: 2, seed: 0)
        #expect(plain.policy.sizes == [4, REINFORCE.defaultHiddenSize, 2])
        #expect(baseline.value.sizes == [4, REINFORCE.defaultHiddenSize, 1])
        #expect(plain.optimizer.lr == REINFORCE.defaultLearningRate && plain.gamma == REINFORCE.defaultGamma)
        #expect(REINFORCE.defaultHiddenSize == 128 && REINFORCE.defaultLearningRate == 1e-3 && REINFORCE.defaultGamma == 0.99)
    }

    @Test func agentRecordsAnEpisodeAndForgetsItAfterLearning() {
        let agent = REINFORCE(stateSize: 4, actionCount: 2, seed: 0)
        let action = agent.chooseAction([0.01, 0, 0.02, 0])
        agent.storeReward(1)
        #expect((0..<2).contains(action))
        #expect(agent.states.count == 4 && agent.actions == [action] && agent.rewards == [1])
        agent.learn()
        #expect(agent.states.isEmpty && agent.actions.isEmpty && agent.rewards.isEmpty)
    }

    @Test func baselineAgentRecordsAnEpisodeAndForgetsItAfterLearning() {
        let agent = REINFORCEWithBaseline(stateSize: 4, actionCount: 2, seed: 0)
        let first = agent.chooseAction([0.01, 0, 0.02, 0])
        agent.storeReward(1)
        let second = agent.chooseAction([0.02, 0.1, 0.01, -0.1])
        agent.storeReward(0.5)
        #expect(agent.states == [0.01, 0, 0.02, 0, 0.02, 0.1, 0.01, -0.1])
        #expect(agent.actions == [first, second] && agent.rewards == [1, 0.5])
        agent.learn()
        #expect(agent.states.isEmpty && agent.actions.isEmpty && agent.rewards.isEmpty)
    }
}

/// The average return of the first and of the last quarter of the episodes.
func quarterAverages(_ log: EpisodeLog) -> (first: Double, last: Double) {
    let quarter = log.episodeCount / 4
    let returns = log.returns
    let first = returns.prefix(quarter).reduce(0, +) / Double(quarter)
    let last = returns.suffix(quarter).reduce(0, +) / Double(quarter)
    return (first, last)
}
