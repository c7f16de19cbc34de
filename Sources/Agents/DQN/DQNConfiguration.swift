extension DQN {
    /// DQN's settings, named as in Stable-Baselines3. Every `trainFrequency` environment
    /// steps (after `learningStarts`) the agent takes `gradientSteps` minibatch steps;
    /// epsilon falls linearly from `initialEpsilon` to `finalEpsilon` over the first
    /// `explorationFraction` of the run.
    public struct Configuration: Codable, Sendable, Equatable {
        /// The hidden layer widths of the Q-network (ReLU between layers).
        public var hiddenSizes: [Int]
        /// Adam's learning rate.
        public var learningRate: Float
        /// Transitions per minibatch.
        public var batchSize: Int
        /// The replay buffer's capacity.
        public var bufferSize: Int
        /// Environment steps taken at random before the first update.
        public var learningStarts: Int
        /// The discount factor.
        public var gamma: Float
        /// Environment steps between copies of the online network into the target network.
        public var targetUpdateInterval: Int
        /// Environment steps between training phases.
        public var trainFrequency: Int
        /// Minibatch steps per training phase.
        public var gradientSteps: Int
        /// The share of the run over which epsilon falls.
        public var explorationFraction: Double
        /// Epsilon at the start.
        public var initialEpsilon: Double
        /// Epsilon after the fall.
        public var finalEpsilon: Double
        /// The total gradient norm is clipped to this before every step.
        public var maxGradNorm: Float

        /// Creates a configuration from its parts.
        public init(hiddenSizes: [Int], learningRate: Float, batchSize: Int, bufferSize: Int, learningStarts: Int,
                    gamma: Float, targetUpdateInterval: Int, trainFrequency: Int, gradientSteps: Int,
                    explorationFraction: Double, initialEpsilon: Double = 1, finalEpsilon: Double, maxGradNorm: Float = 10) {
            guard !hiddenSizes.isEmpty, hiddenSizes.allSatisfy({ $0 > 0 }), learningRate > 0, batchSize > 0, bufferSize > 0,
                  learningStarts >= 0, (0...1).contains(gamma), targetUpdateInterval > 0, trainFrequency > 0, gradientSteps >= 0,
                  (0...1).contains(explorationFraction), (0...1).contains(initialEpsilon), (0...1).contains(finalEpsilon),
                  maxGradNorm > 0 else {
                fatalError("DQN.Configuration: a setting is out of range (sizes, rates and counts must be positive, gamma, epsilons and explorationFraction in [0, 1])")
            }
            self.hiddenSizes = hiddenSizes
            self.learningRate = learningRate
            self.batchSize = batchSize
            self.bufferSize = bufferSize
            self.learningStarts = learningStarts
            self.gamma = gamma
            self.targetUpdateInterval = targetUpdateInterval
            self.trainFrequency = trainFrequency
            self.gradientSteps = gradientSteps
            self.explorationFraction = explorationFraction
            self.initialEpsilon = initialEpsilon
            self.finalEpsilon = finalEpsilon
            self.maxGradNorm = maxGradNorm
        }

        /// rl-baselines3-zoo's CartPole-v1 settings (50,000 steps there): a 256-256
        /// network, lr 2.3e-3, batch 64, buffer 100,000, 1,000 random steps, target copied every
        /// 10 steps, 128 gradient steps every 256 environment steps, epsilon to 0.04 over 16%.
        public static let zoo = Configuration(
            hiddenSizes: [256, 256], learningRate: 2.3e-3, batchSize: 64, bufferSize: 100_000, learningStarts: 1_000,
            gamma: 0.99, targetUpdateInterval: 10, trainFrequency: 256, gradientSteps: 128,
            explorationFraction: 0.16, finalEpsilon: 0.04)

        /// The zoo's settings on a 64-64 network (about 16 times less arithmetic per gradient
        /// step) with 64 gradient steps every 256 environment steps instead of 128, so a
        /// 50,000-step CartPole run takes a few seconds.
        public static let `default` = Configuration(
            hiddenSizes: [64, 64], learningRate: 2.3e-3, batchSize: 64, bufferSize: 100_000, learningStarts: 1_000,
            gamma: 0.99, targetUpdateInterval: 10, trainFrequency: 256, gradientSteps: 64,
            explorationFraction: 0.16, finalEpsilon: 0.04)
    }
}
