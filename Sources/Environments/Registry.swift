/// The ids `make` knows, in Gymnasium's spelling.
public let environmentIDs = [
    "CartPole-v1", "Pendulum-v1", "Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0",
]

/// Creates the discrete-action environment with Gymnasium's `id`, as `gym.make(id)`.
///
/// ```swift
/// let env = make("CartPole-v1")
/// let (inputs, choices) = (env.observationSpace.shape[0], env.actionSpace.n)   // 4, 2
/// ```
///
/// For a continuous-action id, ask for a continuous environment by its type:
/// `let env: any ContinuousEnvironment = make("Pendulum-v1")`. Without the annotation
/// this overload is the one chosen, and it stops the program with that hint.
public func make(_ id: String) -> any DiscreteEnvironment {
    switch id {
    case "CartPole-v1": return CartPole()
    case "Acrobot-v1": return Acrobot()
    case "MountainCar-v0": return MountainCar()
    case "Pendulum-v1", "MountainCarContinuous-v0":
        fatalError("make(\"\(id)\"): \(id) takes continuous [Float] actions; write `let env: any ContinuousEnvironment = make(\"\(id)\")`")
    default:
        fatalError("make(\"\(id)\"): unknown environment id; the known ids are \(environmentIDs)")
    }
}

/// Creates the continuous-action environment with Gymnasium's `id`, as `gym.make(id)`.
///
/// ```swift
/// let env: any ContinuousEnvironment = make("Pendulum-v1")
/// let torque = env.actionSpace.high[0]
/// ```
@_disfavoredOverload
public func make(_ id: String) -> any ContinuousEnvironment {
    switch id {
    case "Pendulum-v1": return Pendulum()
    case "MountainCarContinuous-v0": return MountainCarContinuous()
    case "CartPole-v1", "Acrobot-v1", "MountainCar-v0":
        fatalError("make(\"\(id)\"): \(id) takes discrete Int actions; write `let env = make(\"\(id)\")`")
    default:
        fatalError("make(\"\(id)\"): unknown environment id; the known ids are \(environmentIDs)")
    }
}
