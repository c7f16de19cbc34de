import Environments
import Testing

/// Replays Gymnasium's recorded steps one at a time: set the recorded float64 state,
/// take the recorded action, compare with what Gymnasium returned, and compare the
/// state reached with the state Gymnasium recorded before its next step.
@Suite("Reference trajectories from Gymnasium")
struct ReferenceTrajectoryTests {
    /// A fresh environment of each kind, stepped with the recorded action.
    private func replay(_ step: ReferenceTrajectory.Step, id: String) -> (result: StepResult, stateAfter: [Double]) {
        switch step.action {
        case .discrete(let action):
            let env: any DiscreteEnvironment = make(id)
            env.elapsedSteps = step.elapsed
            env.state = step.state
            return (env.step(action), env.state)
        case .continuous(let action):
            let env: any ContinuousEnvironment = make(id)
            env.elapsedSteps = step.elapsed
            env.state = step.state
            return (env.step(action), env.state)
        }
    }

    @Test("every recorded step agrees with Gymnasium", arguments: environmentIDs)
    func everyStepAgrees(id: String) throws {
        let reference = try ReferenceTrajectory.load(id)
        #expect(reference.id == id)
        #expect(reference.gymnasium.hasPrefix("1."), "recorded from Gymnasium 1.x")
        #expect(reference.episodes.count >= 3)
        var steps = 0
        for episode in reference.episodes {
            for (index, recorded) in episode.steps.enumerated() {
                let (result, stateAfter) = replay(recorded, id: id)
                let expected = recorded.observationValues
                let where_ = "\(id) \(episode.name) seed \(episode.seed) step \(index)"
                #expect(result.observation.count == expected.count, "\(where_)")
                for (ours, theirs) in zip(result.observation, expected) {
                    #expect(ulpDistance(ours, theirs) <= 1, "\(where_): observation \(result.observation) vs \(expected)")
                }
                #expect(result.reward == recorded.reward, "\(where_): reward")
                #expect(result.terminated == recorded.terminated, "\(where_): terminated")
                #expect(result.truncated == recorded.truncated, "\(where_): truncated")
                if index + 1 < episode.steps.count {
                    let next = episode.steps[index + 1].state
                    for (ours, theirs) in zip(stateAfter, next) {
                        // Bit for bit: NumPy and this engine call the same C math library.
                        #expect(ours == theirs, "\(where_): state \(stateAfter) vs \(next)")
                    }
                }
                steps += 1
            }
        }
        #expect(steps >= 100)
    }

    @Test("the recordings cover termination, truncation and out-of-bound actions")
    func recordingsCoverTheEdges() throws {
        let all = try environmentIDs.map(ReferenceTrajectory.load)
        let lastSteps = all.flatMap { $0.episodes.compactMap(\.steps.last) }
        #expect(lastSteps.contains { $0.terminated })
        #expect(lastSteps.contains { $0.truncated })
        for id in ["Pendulum-v1", "MountainCarContinuous-v0"] {
            let bound: Float = id == "Pendulum-v1" ? 2 : 1
            let actions = try ReferenceTrajectory.load(id).episodes.flatMap(\.steps).map(\.action)
            #expect(actions.contains { if case .continuous(let a) = $0 { abs(a[0]) > bound } else { false } }, "\(id)")
        }
    }
}
