import Foundation

/// `x ** 2` as NumPy and Python compute it for a float64: the C library's `pow(x, 2)`.
///
/// That is not always `x * x`. The product is the correctly rounded square, while glibc's
/// `pow` is within 0.52 ulp of the exact square, so the two can differ only when the
/// exact square lies near the midpoint between two doubles (about one value in a
/// thousand). The exact rounding error of the product (one fused multiply-add) tells
/// whether it does: when the error is under 0.45 of the gap to the neighbouring double,
/// `pow` cannot return anything but the product, and the product is returned; otherwise
/// `pow` is called. Gymnasium squares with `**` in Pendulum and Acrobot, so these do too.
@inline(__always)
func pythonSquare(_ x: Double) -> Double {
    let product = x * x
    let error = (-product).addingProduct(x, x)
    // The gap to the neighbour on the error's side: one ulp, or half of one below a power of two.
    let gap = error < 0 && product.significandBitPattern == 0 ? product.ulp / 2 : product.ulp
    return error.magnitude < 0.45 * gap ? product : libraryPow(x, 2)
}

/// `x ** 2` as NumPy computes it for a float32: the C library's `powf(x, 2)`, which is
/// within 0.82 ulp and so differs from `x * x` too often for a shortcut to pay.
func pythonSquare(_ x: Float) -> Float {
    libraryPow(x, 2)
}

/// The C library's `pow`, kept unoptimised: the optimiser would rewrite `pow(x, 2)` as `x * x`.
@_optimize(none)
private func libraryPow(_ x: Double, _ y: Double) -> Double {
    pow(x, y)
}

/// The C library's `powf`, kept unoptimised for the same reason.
@_optimize(none)
private func libraryPow(_ x: Float, _ y: Float) -> Float {
    pow(x, y)
}
