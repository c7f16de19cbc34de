import Foundation
import Testing
import Tensors

@Suite("Optimisers, gradient clipping and saved parameters")
struct OptimizerTests {
    @Test("clipGradNorm returns the total norm and scales only when it is above maxNorm")
    func clipping() {
        let a = Tensor([0, 0]).requiringGrad(), b = Tensor([0]).requiringGrad()
        (a * Tensor([3, 0]) + 0).sum().backward()
        (b * Tensor([4])).sum().backward()
        // Gradients (3, 0) and (4): total norm 5, scaled by 0.5 / (5 + 1e-6).
        let norm = clipGradNorm([a, b], maxNorm: 0.5)
        #expect(norm == 5)
        let factor = Float(0.5) / (5 + 1e-6)
        #expect(a.grad?.scalars == [3 * factor, 0])
        #expect(b.grad?.scalars == [4 * factor])
        #expect(clipGradNorm([a, b], maxNorm: 10) < 0.5 + 1e-6)
        #expect(b.grad?.scalars == [4 * factor])
    }

    @Test("SGD steps against the gradient; zeroGrad clears it")
    func sgd() {
        let p = Tensor([1, -1]).requiringGrad()
        let opt = SGD([p], lr: 0.1)
        (p * Tensor([2, 4])).sum().backward()
        opt.step()
        #expect(p.scalars == [1 - 0.2, -1 - 0.4])
        opt.zeroGrad()
        #expect(p.grad == nil)
        opt.step()
        #expect(p.scalars == [0.8, -1.4])
    }

    @Test("parameters saved to JSON load back bit for bit; a wrong layout is refused")
    func saveAndLoad() throws {
        manualSeed(9)
        let trained = Sequential(Linear(4, 8), Tanh(), Linear(8, 2))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parameters-\(UInt32.random(in: 0...UInt32.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try trained.saveParameters(to: url)
        let fresh = Sequential(Linear(4, 8), Tanh(), Linear(8, 2))
        #expect(fresh.parameters[0].scalars != trained.parameters[0].scalars)
        try fresh.loadParameters(from: url)
        #expect(fresh.parameters.map(\.scalars) == trained.parameters.map(\.scalars))
        let input = Tensor.randn([3, 4])
        #expect(fresh(input).scalars == trained(input).scalars)
        #expect(throws: TensorError.self) { try Linear(4, 9).loadParameters(from: url) }
        let copy = Sequential(Linear(4, 8), Tanh(), Linear(8, 2))
        copy.copyParameters(from: trained)
        #expect(copy(input).scalars == trained(input).scalars)
    }
}
