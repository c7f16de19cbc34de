/// Element-wise functions on eight floats at a time, with no calls into the C math
/// library, so the loops that apply them stay vectorised.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// tanh(x), within a few ulp of the exact value: x·P(x²)/Q(x²) with a degree-13
    /// odd numerator and degree-6 even denominator fitted on [-9, 9] (the rational
    /// approximation Eigen uses); beyond ±9 a float's tanh is ±1.
    @inline(__always)
    static func tanh(_ input: Vector) -> Vector {
        var x = input.replacing(with: -9, where: input .< -9)
        x.replace(with: 9, where: x .> 9)
        let square = x * x
        var numerator = Vector(repeating: -2.760_768_477_423_55e-16)
        numerator = Vector(repeating: 2.000_187_904_824_77e-13).addingProduct(square, numerator)
        numerator = Vector(repeating: -8.604_671_522_137_35e-11).addingProduct(square, numerator)
        numerator = Vector(repeating: 5.122_297_090_371_14e-08).addingProduct(square, numerator)
        numerator = Vector(repeating: 1.485_722_357_179_79e-05).addingProduct(square, numerator)
        numerator = Vector(repeating: 6.372_619_288_754_36e-04).addingProduct(square, numerator)
        numerator = Vector(repeating: 4.893_524_558_917_86e-03).addingProduct(square, numerator)
        var denominator = Vector(repeating: 1.198_258_394_667_02e-06)
        denominator = Vector(repeating: 1.185_347_056_866_54e-04).addingProduct(square, denominator)
        denominator = Vector(repeating: 2.268_434_632_439_00e-03).addingProduct(square, denominator)
        denominator = Vector(repeating: 4.893_525_185_543_85e-03).addingProduct(square, denominator)
        return x * numerator / denominator
    }

    /// Applies `function` to every value of `input`, writing `output` (of the same count).
    @inline(__always)
    static func apply(_ function: (Vector) -> Vector, _ input: UnsafeBufferPointer<Float>,
                      into output: UnsafeMutableBufferPointer<Float>) {
        let count = output.count
        guard let source = input.baseAddress, let destination = output.baseAddress else { return }
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
