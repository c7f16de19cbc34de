import Foundation
import SeededRandom
import Tensors

/// A frozen copy of a `PPONetwork`'s weights that evaluates one state at a time with plain
/// loops and no allocation: the hot path of collecting a rollout. Take a new snapshot after
/// every update; it computes what `network.forward` computes, to about 1e-6.
final class PolicySnapshot {
    /// One dense layer's weights, `[outputs, inputs]` row-major, and bias.
    struct Layer {
        let weight: [Float]
        let bias: [Float]
        let inputs: Int
        let outputs: Int

        init(_ linear: Linear) {
            weight = linear.weight.scalars
            bias = linear.bias?.scalars ?? [Float](repeating: 0, count: linear.weight.shape[0])
            outputs = linear.weight.shape[0]
            inputs = linear.weight.shape[1]
        }

        /// `output = weight · input + bias`, then tanh when `activates`; dot products in 8-wide lanes.
        func apply(_ input: UnsafePointer<Float>, to output: UnsafeMutablePointer<Float>, activates: Bool) {
            let lanes = inputs / 8 * 8
            weight.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in
                    let rawInput = UnsafeRawPointer(input)
                    for row in 0..<outputs {
                        let rowStart = w.baseAddress! + row * inputs
                        let rawRow = UnsafeRawPointer(rowStart)
                        var partial = SIMD8<Float>()
                        var column = 0
                        while column < lanes {
                            let offset = column * MemoryLayout<Float>.stride
                            partial += rawRow.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                * rawInput.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                            column += 8
                        }
                        var total = b[row] + partial.sum()
                        while column < inputs {
                            total += rowStart[column] * input[column]
                            column += 1
                        }
                        output[row] = activates ? PolicySnapshot.tanh(total) : total
                    }
                }
            }
        }
    }

    /// tanh through one `exp` (glibc's `tanhf` costs several times more): a short odd series
    /// near zero, where `1 - 2/(e^{2x}+1)` would cancel, and that formula elsewhere; within
    /// about 2e-7 of the exact value.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        if Swift.abs(x) < 0.0625 {
            let square = x * x
            return x * (1 + square * (-1.0 / 3 + square * (2.0 / 15 - square * (17.0 / 315))))
        }
        return 1 - 2 / (Foundation.exp(2 * x) + 1)
    }

    private let actorTrunk: [Layer]
    private let criticTrunk: [Layer]?
    private let actor: Layer
    private let critic: Layer
    /// The Gaussian's standard deviations, one per action dimension (empty for a categorical policy).
    let std: [Float]
    let kind: PolicyKind
    /// Four hidden-layer buffers (two per trunk) followed by the actor head's output.
    private let scratch: UnsafeMutablePointer<Float>
    private let width: Int

    init(_ network: PPONetwork) {
        actorTrunk = network.actorTrunk.map(Layer.init)
        criticTrunk = network.sharesTrunk ? nil : network.criticTrunk.map(Layer.init)
        actor = Layer(network.actor)
        critic = Layer(network.critic)
        std = network.logStd.map { $0.scalars.map { Foundation.exp($0) } } ?? []
        kind = network.kind
        width = actorTrunk.map(\.outputs).max()!
        let size = 4 * width + actor.outputs
        scratch = .allocate(capacity: size)
        scratch.initialize(repeating: 0, count: size)
    }

    deinit {
        scratch.deallocate()
    }

    /// The actor head's output for the last evaluated state (`kind.actorOutputSize` values).
    var actorOutput: UnsafeMutablePointer<Float> { scratch + 4 * width }

    /// Evaluates `observation`; leaves the actor head's output in `actorOutput` and returns the value.
    func evaluate(_ observation: UnsafePointer<Float>) -> Float {
        let actorFeatures = Self.run(actorTrunk, from: observation, scratch, scratch + width)
        actor.apply(actorFeatures, to: actorOutput, activates: false)
        let criticFeatures = criticTrunk.map { Self.run($0, from: observation, scratch + 2 * width, scratch + 3 * width) }
        var value: Float = 0
        critic.apply(criticFeatures ?? actorFeatures, to: &value, activates: false)
        return value
    }

    /// Feeds `input` through Tanh layers, alternating between two buffers; returns the last layer's output.
    private static func run(_ layers: [Layer], from input: UnsafePointer<Float>,
                            _ first: UnsafeMutablePointer<Float>, _ second: UnsafeMutablePointer<Float>) -> UnsafePointer<Float> {
        var current = input
        var buffers = (first, second)
        for layer in layers {
            layer.apply(current, to: buffers.0, activates: true)
            current = UnsafePointer(buffers.0)
            buffers = (buffers.1, buffers.0)
        }
        return current
    }

    /// Draws an action for the last evaluated state into `action` (`kind.actionSize` values, unclipped)
    /// and returns its log-probability, as `Categorical`/`Normal` would compute it.
    func sample(into action: UnsafeMutablePointer<Float>, using generator: inout SeededGenerator) -> Float {
        switch kind {
        case .categorical(let count):
            var largest = -Float.infinity
            for k in 0..<count { largest = max(largest, actorOutput[k]) }
            var total: Float = 0
            for k in 0..<count { total += Foundation.exp(actorOutput[k] - largest) }
            let logTotal = Foundation.log(total) + largest
            let target = generator.nextDouble()
            var cumulative = 0.0
            var choice = count - 1
            for k in 0..<count {
                cumulative += Double(Foundation.exp(actorOutput[k] - logTotal))
                if target < cumulative { choice = k; break }
            }
            action[0] = Float(choice)
            return actorOutput[choice] - logTotal
        case .gaussian:
            var logProb: Float = 0
            for d in 0..<std.count {
                let noise = Float(generator.nextNormal())
                action[d] = actorOutput[d] + std[d] * noise
                logProb += -0.5 * noise * noise - Foundation.log(std[d]) - Self.halfLogTwoPi
            }
            return logProb
        }
    }

    private static let halfLogTwoPi = Float(0.5 * Foundation.log(2 * Double.pi))
}
