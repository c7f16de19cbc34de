import RL

/// The differences between the lesson's settings and Stable-Baselines3's defaults, switched
/// one at a time in each direction: from the lesson towards the CartPole preset, and back.
enum Ablation {
    static var variants: [(String, PPOConfig)] {
        func lesson(_ change: (inout PPOConfig) -> Void) -> PPOConfig {
            var config = PPOConfig.lesson
            change(&config)
            return config
        }
        func preset(_ change: (inout PPOConfig) -> Void) -> PPOConfig {
            var config = PPOConfig.cartPole
            change(&config)
            return config
        }
        return [
            ("lesson + separate networks", lesson { $0.architecture = .separateNetworks }),
            ("lesson + 10 epochs", lesson { $0.epochs = 10 }),
            ("lesson + entropy 0", lesson { $0.entropyCoefficient = 0 }),
            ("lesson + orthogonal init", lesson { $0.initialization = .orthogonal }),
            ("lesson + value coef 1", lesson { $0.valueCoefficient = 1 }),
            ("lesson, truncation as done", lesson { $0.bootstrapsTruncatedEpisodes = false }),
            ("cartPole - shared trunk", preset { $0.architecture = .sharedTrunk }),
            ("cartPole - 4 epochs", preset { $0.epochs = 4 }),
            ("cartPole - entropy 0.01", preset { $0.entropyCoefficient = 0.01 }),
            ("cartPole - PyTorch init", preset { $0.initialization = .pytorchDefault }),
        ]
    }
}
