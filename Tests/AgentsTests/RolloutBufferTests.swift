import Agents
import Testing

@Suite struct RolloutBufferTests {
    /// Three steps, rewards 1, values 0.5, 0.4, 0.3, γ 0.9, λ 0.8, a last value of 0.2.
    private func buffer(secondStepTerminated: Bool, secondStepTruncated: Bool, finalValue: Float) -> RolloutBuffer {
        var buffer = RolloutBuffer(observationSize: 1, actionSize: 1)
        buffer.store(state: [0], action: [0], logProb: 0, reward: 1, value: 0.5, done: false)
        buffer.store(state: [1], action: [1], logProb: 0, reward: 1, value: 0.4,
                     terminated: secondStepTerminated, truncated: secondStepTruncated, finalValue: finalValue)
        buffer.store(state: [2], action: [0], logProb: 0, reward: 1, value: 0.3, done: false)
        return buffer
    }

    @Test func gaeMatchesAWorkedExampleWithATermination() {
        // t=2: δ = 1 + 0.9·0.2 − 0.3 = 0.88, A = 0.88
        // t=1: terminated, δ = 1 − 0.4 = 0.6, A = 0.6 (nothing carried across the end)
        // t=0: δ = 1 + 0.9·0.4 − 0.5 = 0.86, A = 0.86 + 0.9·0.8·0.6 = 1.292
        let (returns, advantages) = buffer(secondStepTerminated: true, secondStepTruncated: false, finalValue: 7)
            .computeGAE(lastValue: 0.2, gamma: 0.9, lambda: 0.8)
        for (value, expected) in zip(advantages, [1.292, 0.6, 0.88] as [Float]) { #expect(abs(value - expected) < 1e-5) }
        for (value, expected) in zip(returns, [1.792, 1.0, 1.18] as [Float]) { #expect(abs(value - expected) < 1e-5) }
    }

    @Test func truncationBootstrapsFromTheFinalObservationsValue() {
        // t=1 truncated with V(final) = 2: δ = 1 + 0.9·2 − 0.4 = 2.4; t=0: A = 0.86 + 0.72·2.4 = 2.588
        let (_, advantages) = buffer(secondStepTerminated: false, secondStepTruncated: true, finalValue: 2)
            .computeGAE(lastValue: 0.2, gamma: 0.9, lambda: 0.8)
        for (value, expected) in zip(advantages, [2.588, 2.4, 0.88] as [Float]) { #expect(abs(value - expected) < 1e-5) }
    }

    @Test func lessonStoreTreatsDoneAsTheEndWithoutBootstrap() {
        var buffer = RolloutBuffer(observationSize: 2, actionSize: 1)
        buffer.store(state: [0, 1], action: [1], logProb: -0.7, reward: 1, value: 3, done: true)
        let (returns, advantages) = buffer.computeGAE(lastValue: 100)
        #expect(advantages == [-2])
        #expect(returns == [1])
        #expect(buffer.states == [0, 1])
        buffer.clear()
        #expect(buffer.count == 0)
    }
}
