/// Element-wise functions on eight floats at a time, with no calls into the C math
/// library, so the loops that apply them stay vectorised.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// e^x, accurate to about 2 ulp for x in [-87, 88] (clamped outside).
    ///
    /// x = n·ln2 + r with |r| <= ln2/2; e^r comes from its Taylor series to r⁷ and
    /// 2^n is built directly in the exponent bits.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        var x = input.replacing(with: -87, where: input .< -87)
        x.replace(with: 88, where: x .> 88)
        // Adding 1.5 * 2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
        let roundingShift = Vector(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        let r = (x - n * 0.693_145_75) - n * 1.428_606_8e-6
        var p = Vector(repeating: 1 / 5040)
        p = p * r + 1 / 720
        p = p * r + 1 / 120
        p = p * r + 1 / 24
        p = p * r + 1 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponentBits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- 0x4B40_0000 &+ 127
        return p * unsafeBitCast(exponentBits &<< 23, to: Vector.self)
    }

    /// tanh(x), accurate to a few ulp: an odd Taylor polynomial for |x| < 0.25, and
    /// 1 - 2 / (e^(2|x|) + 1) with the sign restored elsewhere.
    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        let isSmall = magnitude .< 0.25
        var result = Vector()
        if !all(isSmall) {
            let large = 1 - 2 / (exp(2 * magnitude) + 1)
            result = large.replacing(with: -large, where: x .< 0)
        }
        if any(isSmall) {
            let square = x * x
            var small = Vector(repeating: 21_844 / 6_081_075)
            small = small * square - 1_382 / 155_925
            small = small * square + 62 / 2_835
            small = small * square - 17 / 315
            small = small * square + 2 / 15
            small = small * square - 1 / 3
            result.replace(with: x + x * square * small, where: isSmall)
        }
        return result
    }

    /// Applies `function` to `count` values from `source` into `destination`.
    @inline(__always)
    static func apply(_ function: (Vector) -> Vector, _ source: UnsafePointer<Float>,
                      into destination: UnsafeMutablePointer<Float>, count: Int) {
        let width = Vector.scalarCount
        var index = 0
        while index + width <= count {
            let value = UnsafeRawPointer(source + index).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(destination + index).storeBytes(of: function(value), as: Vector.self)
            index += width
        }
        guard index < count else { return }
        var tail = Vector()
        for lane in 0..<(count - index) { tail[lane] = source[index + lane] }
        let result = function(tail)
        for lane in 0..<(count - index) { destination[index + lane] = result[lane] }
    }
}
