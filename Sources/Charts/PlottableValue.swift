/// A number a chart can plot: `Double`, `Float` and `Int` out of the box.
///
/// Chart methods are generic over this protocol, so arrays of episode
/// indices (`[Int]`) and rewards (`[Float]`) plot without conversion.
public protocol PlottableValue {
    /// The value as a `Double`, the type every chart computes in.
    var plotValue: Double { get }
}

extension Double: PlottableValue {
    /// The value itself.
    public var plotValue: Double { self }
}

extension Float: PlottableValue {
    /// The value widened to `Double`.
    public var plotValue: Double { Double(self) }
}

extension Int: PlottableValue {
    /// The value converted to `Double`.
    public var plotValue: Double { Double(self) }
}
