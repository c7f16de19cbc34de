import Environments
import SeededRandom
import Testing

/// The environment code of the PPO lesson, in Swift.
@Suite("Lesson usage")
struct LessonUsageTests {
    /// Runs one CartPole episode with a policy and returns its length and return.
    private func episode(seed: Int, policy: ([Float]) -> Int) -> (length: Int, total: Double) {
        let env = make("CartPole-v1")
        var (state, _) = env.reset(seed: seed)
        var length = 0, total = 0.0
        while true {
            let action = policy(state)
            let result = env.step(action)
            length += 1
            total += result.reward
            if result.terminated || result.truncated { return (length, total) }
            state = result.observation
        }
    }

    @Test("a random policy falls within a few dozen steps; a balancing one lasts 500")
    func episodes() {
        var generator = SeededGenerator(seed: 0)
        let random = (0..<20).map { seed in episode(seed: seed) { _ in generator.nextInt(below: 2) } }
        #expect(random.allSatisfy { $0.length < 100 && $0.total == Double($0.length) })
        let balanced = episode(seed: 0) { s in s[2] + 0.5 * s[3] + 0.01 * s[0] + 0.1 * s[1] > 0 ? 1 : 0 }
        #expect(balanced.length == 500)
        #expect(balanced.total == 500)
    }

    @Test("the same seeds give the same episodes")
    func reproducible() {
        let policy: ([Float]) -> Int = { $0[3] > 0 ? 1 : 0 }
        #expect(episode(seed: 7, policy: policy) == episode(seed: 7, policy: policy))
    }

    @Test("an agent sizes itself from the spaces")
    func sizes() {
        let env = make("CartPole-v1")
        #expect((env.observationSpace.shape[0], env.actionSpace.n) == (4, 2))
    }
}
