import Testing
import Tensors

@Suite("Broadcasting expands one operand at most")
struct BroadcastingTests {
    @Test("one-sided expansions are allowed", arguments: [
        ([64, 2], [2], [64, 2]),
        ([64, 2], [], [64, 2]),
        ([64, 1], [64, 2], [64, 2]),
        ([1], [64], [64]),
        ([64], [64], [64]),
    ])
    func allowed(lhs: [Int], rhs: [Int], expected: [Int]) throws {
        #expect(try Tensor.broadcastShape("Tensor.add", lhs, rhs).get() == expected)
    }

    @Test("the lesson's [64] minus [64, 1] is stopped with both shapes and a fix")
    func lessonBug() {
        let result = Tensor.broadcastShape("Tensor.sub", [64], [64, 1])
        guard case .failure(let error) = result else {
            Issue.record("expected an error, got \(result)")
            return
        }
        #expect(error.message == "Tensor.sub: shapes [64] and [64, 1] would both be expanded to [64, 64]. "
            + "If you meant one value per row, make the shapes match (e.g. .squeeze(1) or .reshape([64]) on the [64, 1] tensor); "
            + "if you really want every pair, ask for it with .expand(to: [64, 64]) first.")
    }

    @Test("a row against a column is stopped, and incompatible sizes are named")
    func otherErrors() {
        guard case .failure(let both) = Tensor.broadcastShape("Tensor.mul", [1, 3], [4, 1]) else {
            Issue.record("expected an error")
            return
        }
        #expect(both.message.contains("[1, 3] and [4, 1] would both be expanded to [4, 3]"))
        guard case .failure(let mismatch) = Tensor.broadcastShape("Tensor.add", [3], [4]) else {
            Issue.record("expected an error")
            return
        }
        #expect(mismatch.message.hasPrefix("Tensor.add: shapes [3] and [4] do not match"))
    }

    @Test("the lesson's PPO update as printed meets the error at the ratio line")
    func lessonUpdateAsPrinted() {
        manualSeed(0)
        let shared = Sequential(Linear(4, 64), Tanh(), Linear(64, 64), Tanh())
        let actor = Linear(64, 2)
        // Acting one state at a time, as the lesson does: logits [1, 2], so each log-prob is [1].
        var storedLogProbs: [Tensor] = []
        var states: [Tensor] = []
        for step in 0..<64 {
            let state = Tensor([Float(step) / 64, 0.1, -0.2, 0.05])
            let logProb = noGrad {
                let dist = Categorical(logits: actor(shared(state.unsqueeze(0))))
                return dist.logProb(dist.sample())
            }
            #expect(logProb.shape == [1])
            storedLogProbs.append(logProb)
            states.append(state)
        }
        let batch = Array(0..<64)
        let oldLogProbs = Tensor.stack(storedLogProbs).detach()[rows: batch]
        let dist = Categorical(logits: actor(shared(Tensor.stack(states)[rows: batch])))
        let newLogProbs = dist.logProb(batch.map { $0 % 2 })
        #expect(oldLogProbs.shape == [64, 1] && newLogProbs.shape == [64])
        // `(newLogProbs - oldLogProbs)` would stop with exactly this message:
        let check = Tensor.broadcastShape("Tensor.sub", newLogProbs.shape, oldLogProbs.shape)
        #expect(check == .failure(TensorError(
            "Tensor.sub: shapes [64] and [64, 1] would both be expanded to [64, 64]. "
                + "If you meant one value per row, make the shapes match (e.g. .squeeze(1) or .reshape([64]) on the [64, 1] tensor); "
                + "if you really want every pair, ask for it with .expand(to: [64, 64]) first.")))
        // The fix the message suggests gives one ratio per sample.
        #expect((newLogProbs - oldLogProbs.squeeze(1)).exp().shape == [64])
    }

    @Test("the lesson's old log-probs, stacked from [1] tensors, reproduce the bug only when asked explicitly")
    func explicitPairs() {
        let old = Tensor.stack((0..<4).map { Tensor([Float($0)]) })
        #expect(old.shape == [4, 1])
        let new = Tensor([10, 20, 30, 40])
        #expect(Tensor.broadcastShape("Tensor.sub", new.shape, old.shape).map { _ in true } != .success(true))
        let everyPair = new.expand(to: [4, 4]) - old.expand(to: [4, 4])
        #expect(everyPair.shape == [4, 4])
        #expect((new - old.squeeze(1)).scalars == [10, 19, 28, 37])
    }

    @Test("backward names the problem with a non-scalar, a constant or a NaN loss")
    func backwardProblems() {
        let w = Tensor([1, 2]).requiringGrad()
        #expect(w.backwardProblem?.message.contains("needs a scalar loss, got shape [2]") == true)
        #expect(Tensor(3).backwardProblem?.message.contains("does not require gradients") == true)
        let nanLoss = (w - 1).log().sum()
        #expect(nanLoss.item.isNaN || nanLoss.item.isInfinite)
        #expect(nanLoss.backwardProblem?.message.hasPrefix("backward: the loss is -inf (computed by sum)") == true)
        #expect((w * w).sum().backwardProblem == nil)
    }
}
