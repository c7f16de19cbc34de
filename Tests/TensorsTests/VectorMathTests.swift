import Foundation
import Testing
import Tensors

@Suite("Vectorised functions")
struct VectorMathTests {
    @Test("tanh stays within a few ulp of the C library from -20 to 20, and is odd")
    func tanhAccuracy() {
        let inputs = (-4000...4000).map { Float($0) / 200 } + [1e-6, -1e-6, 0, 0.2499, 0.2501, 100, -100]
        let values = Tensor(inputs).tanh().scalars
        for (x, y) in zip(inputs, values) {
            let exact = Float(Foundation.tanh(Double(x)))
            #expect(abs(y - exact) <= 4 * exact.ulp + 1e-37, "tanh(\(x)) = \(y), expected \(exact)")
        }
        #expect(values.first == -1 && values.last == -1)
        #expect(zip(Tensor(inputs).tanh().scalars, Tensor(inputs.map { -$0 }).tanh().scalars).allSatisfy { $0 == -$1 })
    }
}
