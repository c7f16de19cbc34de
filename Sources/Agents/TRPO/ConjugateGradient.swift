/// Solves `A x = b` for a symmetric positive-definite `A` given only as a product `v ↦ A v`,
/// by at most `iterations` conjugate-gradient steps from `x = 0` (stopping early once the
/// squared residual falls below `tolerance`). TRPO uses it with `A` the damped Fisher matrix.
///
/// ```swift
/// let x = conjugateGradient(b: [1, 2], iterations: 10) { v in [4 * v[0] + v[1], v[0] + 3 * v[1]] }
/// ```
public func conjugateGradient(b: [Float], iterations: Int, tolerance: Float = 1e-10,
                              product: ([Float]) -> [Float]) -> [Float] {
    guard iterations > 0 else { fatalError("conjugateGradient: iterations must be positive, got \(iterations)") }
    func dot(_ u: [Float], _ v: [Float]) -> Float {
        var total: Float = 0
        for index in u.indices { total += u[index] * v[index] }
        return total
    }
    var x = [Float](repeating: 0, count: b.count)
    var residual = b
    var direction = b
    var residualSquared = dot(residual, residual)
    for _ in 0..<iterations where residualSquared >= tolerance {
        let productDirection = product(direction)
        guard productDirection.count == b.count else {
            fatalError("conjugateGradient: the product returned \(productDirection.count) values for a vector of \(b.count)")
        }
        let curvature = dot(direction, productDirection)
        guard curvature > 0 else { break }
        let alpha = residualSquared / curvature
        for index in x.indices {
            x[index] += alpha * direction[index]
            residual[index] -= alpha * productDirection[index]
        }
        let nextResidualSquared = dot(residual, residual)
        let beta = nextResidualSquared / residualSquared
        for index in direction.indices { direction[index] = residual[index] + beta * direction[index] }
        residualSquared = nextResidualSquared
    }
    return x
}
