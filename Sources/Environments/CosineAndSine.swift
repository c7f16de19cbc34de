import Foundation

/// `(cos(angle), sin(angle))` with one call to the C library's `sincos`, which shares
/// the argument reduction and gives the same bits as separate `cos` and `sin` calls
/// (glibc computes all three with the same routines). Elsewhere, the two calls.
@inline(__always)
func cosAndSin(_ angle: Double) -> (cos: Double, sin: Double) {
    #if canImport(Glibc)
    var sine = 0.0, cosine = 0.0
    sincos(angle, &sine, &cosine)
    return (cosine, sine)
    #else
    return (cos(angle), sin(angle))
    #endif
}
