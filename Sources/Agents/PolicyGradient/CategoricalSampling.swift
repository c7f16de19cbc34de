import Foundation
import SeededRandom

/// Draws an action from a softmax over `logits` with one uniform number from `generator`,
/// by walking the cumulative probabilities, as `Categorical(logits:).sample(using:)` does.
func sampleSoftmax(_ logits: UnsafeBufferPointer<Float>, using generator: inout SeededGenerator) -> Int {
    var largest = -Float.infinity
    for logit in logits { largest = max(largest, logit) }
    var total = 0.0
    for logit in logits { total += Double(exp(logit - largest)) }
    let target = generator.nextDouble() * total
    var cumulative = 0.0
    for (index, logit) in logits.enumerated() {
        cumulative += Double(exp(logit - largest))
        if target < cumulative { return index }
    }
    return logits.count - 1
}
