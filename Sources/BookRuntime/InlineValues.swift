import CellEvents

// What `` `{swift} expression` `` in prose compiles to: `inline(expression)` at that point of the
// session, so the words after a comma in the prose are this function's labelled arguments:
// `` `{swift} finals.mean, digits: 1` `` calls `inline(finals.mean, digits: 1)`.

/// Shows a floating-point number in prose, with `digits` decimals (at most three when not given)
/// and, when `grouped`, commas between thousands.
public func inline<T: BinaryFloatingPoint>(_ number: T, digits: Int? = nil, grouped: Bool = false) {
    CellSession.sendInline(ProseFormat.text(number, digits: digits, grouped: grouped))
}

/// Shows a whole number in prose, with commas between thousands when `grouped`.
public func inline<T: BinaryInteger>(_ number: T, grouped: Bool = false) {
    CellSession.sendInline(ProseFormat.text(number, grouped: grouped))
}

/// Shows floating-point numbers in prose as a list: "34.5, 34.4 and 37.7".
public func inline<T: BinaryFloatingPoint>(_ numbers: [T], digits: Int? = nil, grouped: Bool = false) {
    CellSession.sendInline(ProseFormat.list(numbers.map { ProseFormat.text($0, digits: digits, grouped: grouped) }))
}

/// Shows whole numbers in prose as a list: "311, 356 and 316".
public func inline<T: BinaryInteger>(_ numbers: [T], grouped: Bool = false) {
    CellSession.sendInline(ProseFormat.list(numbers.map { ProseFormat.text($0, grouped: grouped) }))
}

/// Shows text in prose, as it is (the page escapes it).
public func inline(_ text: String) {
    CellSession.sendInline(text)
}

/// Shows a claim in prose: its statement with its mark, ✓ when it holds and ✗ when it does not.
/// The claim itself was already recorded when `claim(...)` made it.
public func inline(_ claim: Claim) {
    CellSession.sendInline(claim.statement)
}
