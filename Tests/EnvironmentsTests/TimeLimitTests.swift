import Environments
import Testing

/// The bare types carry `gym.make`'s time limits, reported as `truncated`.
@Suite("Time limits")
struct TimeLimitTests {
    /// Steps `env` from a state that never terminates until the limit; returns the step
    /// numbers (1-based) at which `truncated` was reported.
    private func truncations<Env: Environment>(_ env: Env, holding state: [Double], action: Env.Action) -> [Int] {
        _ = env.reset(seed: 0)
        return (1...env.maxEpisodeSteps).filter { _ in
            env.state = state
            let result = env.step(action)
            #expect(!result.terminated)
            return result.truncated
        }
    }

    @Test("each id truncates at Gymnasium's limit, and not before")
    func limits() {
        #expect(truncations(CartPole(), holding: [0, 0, 0, 0], action: 1) == [500])
        #expect(truncations(Pendulum(), holding: [1, 0], action: [0.5]) == [200])
        #expect(truncations(Acrobot(), holding: [0, 0, 0, 0], action: 1) == [500])
        #expect(truncations(MountainCar(), holding: [-0.5, 0], action: 1) == [200])
        #expect(truncations(MountainCarContinuous(), holding: [-0.5, 0], action: [0]) == [999])
    }

    @Test("reset starts the step count again")
    func resetRestartsTheCount() {
        let env = Pendulum()
        _ = env.reset(seed: 1)
        for _ in 0..<150 { _ = env.step([0]) }
        #expect(env.elapsedSteps == 150)
        _ = env.reset()
        #expect(env.elapsedSteps == 0)
        let steps = (1...200).map { _ in env.step([0]).truncated }
        #expect(steps.firstIndex(of: true) == 199)
    }

    @Test("a custom limit replaces the default")
    func customLimit() {
        let env = CartPole(maxEpisodeSteps: 3)
        _ = env.reset(seed: 0)
        let truncated = (0..<3).map { _ in env.step(0).truncated }
        #expect(truncated == [false, false, true])
    }

    @Test("a pole that falls terminates without truncating")
    func termination() {
        let env = CartPole()
        _ = env.reset(seed: 0)
        env.state = [0, 0, 0.2, 1]
        let result = env.step(0)
        #expect(result.terminated)
        #expect(!result.truncated)
        #expect(result.reward == 1)
    }
}
