import Foundation
import Testing
import Tensors

@Suite("Core tensor operations")
struct CoreOpsTests {
    @Test("construction keeps shape and values")
    func construction() {
        let matrix = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(matrix.shape == [2, 3])
        #expect(matrix.scalars == [1, 2, 3, 4, 5, 6])
        #expect(Tensor(2.5).shape == [])
        #expect(Tensor(2.5).item == 2.5)
        #expect(Tensor.zeros([2, 2]).scalars == [0, 0, 0, 0])
        #expect(Tensor.full([3], 7).scalars == [7, 7, 7])
    }

    @Test("element-wise arithmetic broadcasts a bias row and a scalar")
    func arithmetic() {
        let x = Tensor([[1, 2], [3, 4]])
        #expect((x + Tensor([10, 20])).scalars == [11, 22, 13, 24])
        #expect((x * Tensor([[2], [3]])).scalars == [2, 4, 9, 12])
        #expect((x - 1).scalars == [0, 1, 2, 3])
        #expect((1 - x).scalars == [0, -1, -2, -3])
        #expect((x / 2).scalars == [0.5, 1, 1.5, 2])
        #expect((-x).scalars == [-1, -2, -3, -4])
        #expect(minimum(x, Tensor([2, 2])).scalars == [1, 2, 2, 2])
        #expect(maximum(x, Tensor(2.5)).scalars == [2.5, 2.5, 3, 4])
    }

    @Test("matmul multiplies matrices")
    func matrixProduct() {
        let a = Tensor([[1, 2], [3, 4], [5, 6]])
        let b = Tensor([[1, 0, 2], [0, 1, 3]])
        #expect(a.matmul(b).scalars == [1, 2, 8, 3, 4, 18, 5, 6, 28])
    }

    @Test("matmul agrees with a naive loop on sizes that exercise every kernel path", arguments: [
        (1, 4, 64), (3, 5, 7), (64, 64, 64), (9, 17, 33), (64, 4, 3),
    ])
    func largeMatrixProduct(m: Int, k: Int, n: Int) {
        let a = sample([m, k]), b = sample([k, n], offset: 1)
        let product = a.matmul(b)
        for i in 0..<m {
            for j in 0..<n {
                var expected: Float = 0
                for p in 0..<k { expected += a.scalars[i * k + p] * b.scalars[p * n + j] }
                #expect(abs(product.scalars[i * n + j] - expected) < 1e-4)
            }
        }
        let linear = Tensor.linear(a, weight: b.transposed(), bias: nil)
        #expect(zip(linear.scalars, product.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test("matmul gives each value one chain of fused multiply-adds, whichever block of rows computes it", arguments: [
        (64, 64, 64), (13, 7, 32), (6, 3, 16), (10, 5, 48),
    ])
    func matrixProductBits(m: Int, k: Int, n: Int) {
        let a = sample([m, k]), b = sample([k, n], offset: 1)
        let product = a.matmul(b)
        for i in 0..<m {
            for j in 0..<n {
                var expected: Float = 0
                for p in 0..<k { expected = expected.addingProduct(a.scalars[i * k + p], b.scalars[p * n + j]) }
                #expect(product.scalars[i * n + j].bitPattern == expected.bitPattern, "[\(i), \(j)] of \(m)x\(k)x\(n)")
            }
        }
    }

    @Test("a layer with few outputs gives each value one dot product: eight lanes, halved, then the tail", arguments: [
        (64, 64, 2), (7, 19, 1), (3, 12, 3),
    ])
    func fewOutputsBits(rows: Int, inputs: Int, outputs: Int) {
        let x = sample([rows, inputs]), w = sample([outputs, inputs], offset: 1)
        let y = Tensor.linear(x, weight: w, bias: nil)
        for i in 0..<rows {
            for j in 0..<outputs {
                var lanes = [Float](repeating: 0, count: 8)
                var p = 0
                while p + 8 <= inputs {
                    for lane in 0..<8 { lanes[lane] = lanes[lane].addingProduct(x.scalars[i * inputs + p + lane], w.scalars[j * inputs + p + lane]) }
                    p += 8
                }
                let four = (0..<4).map { lanes[$0] + lanes[$0 + 4] }
                let two = [four[0] + four[2], four[1] + four[3]]
                var expected = two[0] + two[1]
                while p < inputs {
                    expected += x.scalars[i * inputs + p] * w.scalars[j * inputs + p]
                    p += 1
                }
                let value: Float = 0 + expected
                #expect(y.scalars[i * outputs + j].bitPattern == value.bitPattern, "[\(i), \(j)]")
            }
        }
    }

    @Test("reductions, softmax and log-softmax")
    func reductions() {
        let x = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(x.sum().item == 21)
        #expect(x.mean().item == 3.5)
        #expect(x.sum(axis: 0).scalars == [5, 7, 9])
        #expect(x.mean(axis: 1).scalars == [2, 5])
        #expect(x.sum(axis: -1, keepDims: true).shape == [2, 1])
        #expect(Tensor([[1, 5, 5], [7, 0, 2]]).argmax().scalars == [1, 0])
        #expect(Tensor([[1, 5, 5], [7, 0, 2]]).argmax(axis: 0).scalars == [1, 0, 0])
        #expect(Tensor([0.2, 0.9, 0.1]).argmax().item == 1)
        #expect(abs(Tensor([1, 2, 3, 4]).std().item - 1.2909944) < 1e-6)
        let softmax = x.softmax()
        #expect(abs(softmax.sum(axis: 1).scalars[0] - 1) < 1e-6)
        let logSoftmax = x.logSoftmax()
        #expect(zip(logSoftmax.scalars, softmax.scalars).allSatisfy { abs(Foundation.exp($0) - $1) < 1e-6 })
    }

    @Test("shapes: squeeze, unsqueeze, reshape, stack, cat, rows, gather")
    func shapes() {
        let v = Tensor([1, 2, 3, 4])
        #expect(v.unsqueeze(0).shape == [1, 4])
        #expect(v.unsqueeze(-1).shape == [4, 1])
        #expect(v.unsqueeze(0).squeeze().shape == [4])
        #expect(v.reshape([2, -1]).shape == [2, 2])
        #expect(Tensor.stack([v, v]).shape == [2, 4])
        #expect(Tensor.stack([v, v], axis: 1).scalars == [1, 1, 2, 2, 3, 3, 4, 4])
        #expect(Tensor.cat([v, v]).shape == [8])
        let m = Tensor([[1, 2], [3, 4], [5, 6]])
        #expect(Tensor.cat([m, m], axis: 1).scalars == [1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6])
        #expect(m[rows: [2, 0]].scalars == [5, 6, 1, 2])
        #expect(m.gather([1, 0, 1]).scalars == [2, 3, 6])
        #expect(m.gather(Tensor([1, 0, 1])).shape == [3])
        #expect(m.transposed().scalars == [1, 3, 5, 2, 4, 6])
        #expect(v.expand(to: [2, 4]).scalars == [1, 2, 3, 4, 1, 2, 3, 4])
    }

    @Test("unary functions and clamp")
    func unary() {
        let x = Tensor([-1, 0.5, 2])
        #expect(x.relu().scalars == [0, 0.5, 2])
        #expect(x.clamp(min: 0, max: 1).scalars == [0, 0.5, 1])
        #expect(x.abs().scalars == [1, 0.5, 2])
        #expect(x.pow(2).scalars == [1, 0.25, 4])
        #expect(Tensor([4, 9]).sqrt().scalars == [2, 3])
        #expect(abs(x.exp().log().scalars[2] - 2) < 1e-6)
        #expect(abs(x.tanh().scalars[0] - Float(Foundation.tanh(-1.0))) < 1e-6)
    }

    @Test("noGrad records nothing and detach cuts the history")
    func noGradAndDetach() {
        let w = Tensor([1, 2]).requiringGrad()
        let inside = noGrad { (w * 3).sum() }
        #expect(!inside.requiresGrad)
        #expect(isGradEnabled)
        #expect(!(w * 3).detach().requiresGrad)
        #expect((w * 3).requiresGrad)
    }

    @Test("backward fills leaf gradients and accumulates across calls")
    func backwardAccumulates() {
        let w = Tensor([1, 2, 3]).requiringGrad()
        (w * w).sum().backward()
        #expect(w.grad?.scalars == [2, 4, 6])
        (w * 2).sum().backward()
        #expect(w.grad?.scalars == [4, 6, 8])
    }
}
