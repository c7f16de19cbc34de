/// Stops the program with a message naming the environment and the action, unless
/// `action` is one of `space`'s actions.
func checkAction(_ action: Int, in space: Discrete, of id: String) {
    guard space.contains(action) else {
        fatalError("\(id): invalid action \(action); the action space is \(space), so the action must be in 0..<\(space.n)")
    }
}

/// Stops the program with a message naming the environment and the action, unless
/// `action` has the space's number of values and all of them are finite.
/// Values out of bounds are accepted: the environments clip them, as Gymnasium's do.
func checkAction(_ action: [Float], in space: Box, of id: String) {
    guard action.count == space.count else {
        fatalError("\(id): invalid action \(action); the action space is \(space), so the action must hold \(space.count) value(s)")
    }
    guard action.allSatisfy({ $0.isFinite }) else {
        fatalError("\(id): invalid action \(action); every value must be a finite number")
    }
}
