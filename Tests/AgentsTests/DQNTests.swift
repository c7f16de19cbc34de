import Agents
import Environments
import SeededRandom
import Tensors
import Testing

@Suite struct DQNTests {
    /// A quick schedule for tests: 500 random steps, then 32 gradient steps every 64 steps.
    static let quick: DQN.Configuration = {
        var configuration = DQN.Configuration.default
        configuration.learningStarts = 500
        configuration.trainFrequency = 64
        configuration.gradientSteps = 32
        return configuration
    }()

    @Test func trainingIsDeterministicForASeed() {
        let first = DQN.train(env: CartPole(), steps: 2_000, seed: 1, configuration: Self.quick)
        let second = DQN.train(env: CartPole(), steps: 2_000, seed: 1, configuration: Self.quick)
        #expect(first.log == second.log)
        #expect(first.agent.evaluate(on: CartPole(), episodes: 3, seed: 100)
                == second.agent.evaluate(on: CartPole(), episodes: 3, seed: 100))
    }

    /// 10,000 steps with the default schedule: random play averages about 20 per episode;
    /// the last quarter of the episodes averages well above it (measured over seeds 0-4: 102-154).
    @Test func learnsCartPole() {
        let log = DQN.train(env: CartPole(), steps: 10_000, seed: 0).log
        let (first, last) = quarterAverages(log)
        #expect(first < 30)
        #expect(last > 80)
    }

    @Test func epsilonFallsLinearlyThenStays() {
        let agent = DQN(stateSize: 4, actionCount: 2, seed: 0)
        #expect(agent.epsilon(atProgress: 0) == 1)
        #expect(abs(agent.epsilon(atProgress: 0.08) - 0.52) < 1e-12)
        #expect(agent.epsilon(atProgress: 0.16) == 0.04)
        #expect(agent.epsilon(atProgress: 0.9) == 0.04)
    }

    @Test func replayBufferOverwritesTheOldestWhenFull() {
        var buffer = ReplayBuffer(capacity: 2, stateSize: 1)
        for index in 0..<3 {
            buffer.add(state: [Float(index)], action: index % 2, reward: Double(index), nextState: [Float(index + 1)],
                       terminated: index == 2)
        }
        #expect(buffer.count == 2)
        var generator = SeededGenerator(seed: 0)
        let batch = buffer.sample(50, using: &generator)
        // Transition 0 was overwritten by transition 2; 1 and 2 remain, each consistent.
        #expect(Set(batch.rewards) == [1, 2])
        for index in 0..<50 {
            #expect(batch.states[index] == batch.rewards[index])
            #expect(batch.nextStates[index] == batch.rewards[index] + 1)
            #expect(batch.terminals[index] == (batch.rewards[index] == 2 ? 1 : 0))
        }
    }

    @Test func huberLossIsQuadraticInsideOneAndLinearBeyond() {
        let input = Tensor([0.5, -2]).requiringGrad()
        let loss = huberLoss(input, Tensor([0, 0]))
        // (0.5 * 0.25 + (2 - 0.5)) / 2 = 0.8125; gradients (0.5, -1) / 2.
        #expect(abs(loss.item - 0.8125) < 1e-6)
        loss.backward()
        #expect(input.grad!.scalars == [0.25, -0.5])
    }
}
