import Foundation

/// The JSON form of a module's parameters: one entry per parameter, in `parameters` order.
struct ParameterFile: Codable {
    /// One saved parameter tensor.
    struct Entry: Codable {
        let shape: [Int]
        let values: [Float]
    }

    let parameters: [Entry]
}

extension Module {
    /// Writes the parameters' shapes and values to `url` as JSON, so a trained policy
    /// can be reloaded later with `loadParameters(from:)` into a module of the same layout.
    public func saveParameters(to url: URL) throws {
        let file = ParameterFile(parameters: parameters.map { .init(shape: $0.shape, values: $0.scalars) })
        try JSONEncoder().encode(file).write(to: url, options: .atomic)
    }

    /// Replaces the parameters' values with those saved at `url`. Throws if the file
    /// cannot be read, or if its layout (count or shapes) differs from this module's.
    public func loadParameters(from url: URL) throws {
        let file = try JSONDecoder().decode(ParameterFile.self, from: Data(contentsOf: url))
        try setParameterValues(file.parameters.map(\.values), shapes: file.parameters.map(\.shape))
    }

    /// Replaces the parameters' values with `values`, one array per parameter in `parameters`
    /// order (and, when given, checks each parameter's shape against `shapes`). Throws if the
    /// layout differs from this module's, leaving the module unchanged.
    public func setParameterValues(_ values: [[Float]], shapes: [[Int]]? = nil) throws {
        let targets = parameters
        guard values.count == targets.count else {
            throw TensorError("parameter values: \(values.count) given, but the module has \(targets.count) parameters")
        }
        for (index, (entry, target)) in zip(values, targets).enumerated() {
            guard entry.count == target.count, shapes.map({ $0[index] == target.shape }) ?? true else {
                let shape = shapes.map { "\($0[index])" } ?? "\(entry.count) values"
                throw TensorError("parameter values: parameter \(index) is given as \(shape), but it is \(target.shape) in the module")
            }
        }
        for (entry, target) in zip(values, targets) {
            target.scalars = entry
        }
    }

    /// Copies the parameter values of `other`, a module of the same layout (for a
    /// target network, say). Stops with a message if the layouts differ.
    public func copyParameters(from other: any Module) {
        let (targets, sources) = (parameters, other.parameters)
        guard targets.count == sources.count, zip(targets, sources).allSatisfy({ $0.shape == $1.shape }) else {
            fatalError("copyParameters: layouts differ: \(sources.map(\.shape)) into \(targets.map(\.shape))")
        }
        for (target, source) in zip(targets, sources) { target.scalars = source.scalars }
    }
}
