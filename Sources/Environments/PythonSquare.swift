import Foundation

/// `x ** 2` as NumPy and Python compute it for a float64: the C library's `pow(x, 2)`.
///
/// That is not always `x * x`: for about one value in a thousand, `pow` rounds the
/// other way in the last bit. Gymnasium squares with `**` in Pendulum and Acrobot, so
/// these environments do too. The function is kept unoptimised because the optimiser
/// would otherwise rewrite `pow(x, 2)` as `x * x`.
@_optimize(none)
func pythonSquare(_ x: Double) -> Double {
    pow(x, 2)
}

/// `x ** 2` as NumPy computes it for a float32: the C library's `powf(x, 2)`, which is
/// not always `x * x` either (see the `Double` form).
@_optimize(none)
func pythonSquare(_ x: Float) -> Float {
    pow(x, 2)
}
