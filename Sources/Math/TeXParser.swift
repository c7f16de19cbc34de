/// Reads the TeX math subset into a ``MathNode`` tree.
///
/// Spaces between tokens are ignored, as in TeX's math mode. Anything outside the subset
/// (an unknown command, an unknown environment, an unbalanced brace) is a ``MathError``
/// at the offset where it starts.
struct TeXParser {
    private let characters: [Character]
    private var position = 0

    /// Creates a parser of `tex`.
    init(_ tex: String) {
        characters = Array(tex)
    }

    /// Parses the whole formula.
    mutating func parse() throws -> MathNode {
        let nodes = try parseList(until: [])
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    // MARK: Lists and atoms

    /// What may end a list of atoms.
    private enum Stop {
        case closingBrace, right, cellSeparator, rowSeparator, end
    }

    /// Atoms up to (not including) one of `stops`, or the end of the formula when `stops` is empty.
    private mutating func parseList(until stops: Set<Stop>) throws -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            guard let character = peek() else {
                if stops.isEmpty { return nodes }
                throw MathError(stops.contains(.closingBrace) ? "a '{' is never closed" : "the formula ends too early",
                                offset: position)
            }
            if let stop = stopAhead(character) {
                if stops.contains(stop) { return nodes }
                throw MathError(Self.misplaced(stop), offset: position)
            }
            nodes += try parseAtomWithScripts().map { Self.unaryIfLeading($0, after: nodes.last) }
        }
    }

    /// A `+`, `−` or other binary operator with nothing before it, or right after a relation,
    /// an operator or an opening fence, is unary: TeX sets it without spaces (`= -x`, `(\cdot`).
    private static func unaryIfLeading(_ node: MathNode, after previous: MathNode?) -> MathNode {
        guard case .operator(let symbol, let attributes) = node, binaryOperators.contains(symbol),
              attributes == MathNode.Operator() else { return node }
        if let previous {
            guard case .operator(let before, _) = previous, !closingSymbols.contains(before) else { return node }
        }
        return .operator(symbol, .init(form: "prefix", lspace: "0", rspace: "0"))
    }

    private static let binaryOperators: Set<String> = ["+", "−", "±", "∓", "⋅", "×", "∗", "∘", "÷"]
    private static let closingSymbols: Set<String> = [")", "]", "}", "|", "‖", "⟩", "⌋", "⌉", "′", "!"]

    private func stopAhead(_ character: Character) -> Stop? {
        switch character {
        case "}": return .closingBrace
        case "&": return .cellSeparator
        case "\\":
            switch commandName(at: position) {
            case "\\": return .rowSeparator
            case "right": return .right
            case "end": return .end
            default: return nil
            }
        default: return nil
        }
    }

    private static func misplaced(_ stop: Stop) -> String {
        switch stop {
        case .closingBrace: return "this '}' closes nothing"
        case .right: return "\\right without a matching \\left"
        case .cellSeparator: return "'&' outside an aligned environment"
        case .rowSeparator: return "'\\\\' outside an aligned environment"
        case .end: return "\\end without a matching \\begin"
        }
    }

    /// One atom and the scripts or primes after it. A named function (`\log`) is followed by
    /// an invisible function application, so it is spaced and read as one.
    private mutating func parseAtomWithScripts() throws -> [MathNode] {
        var (atom, isFunction) = try parseAtom()
        var sub: MathNode?, sup: [MathNode] = []
        var sawSup = false
        while true {
            skipSpaces()
            guard let character = peek() else { break }
            if character == "'" {
                position += 1
                sup.append(Self.prime)
            } else if character == "_" || character == "^" {
                let scriptStart = position
                position += 1
                let argument = try parseArgument()
                if character == "_" {
                    guard sub == nil else { throw MathError("a double subscript: group it with braces", offset: scriptStart) }
                    sub = argument
                } else {
                    guard !sawSup else { throw MathError("a double superscript: group it with braces", offset: scriptStart) }
                    sawSup = true
                    sup.append(argument)
                }
            } else {
                break
            }
        }
        // TeX puts a thin space between a function's name and its argument, none before a parenthesis.
        skipSpaces()
        let space = opensNext() ? "0" : "0.1667em"
        if case .operator(let name, var attributes) = atom, TeXSymbols.limitFunctions.contains(name) {
            attributes.rspace = space
            atom = .operator(name, attributes)
        }
        var nodes = [Self.attaching(sub: sub, sup: sup, to: atom)]
        if isFunction {
            nodes.append(.operator("\u{2061}", .init(lspace: "0", rspace: space)))
        }
        return nodes
    }

    /// Whether an opening parenthesis or bracket comes next.
    private func opensNext() -> Bool {
        peek() == "(" || peek() == "[" || (peek() == "\\" && commandName(at: position) == "left")
    }

    /// `atom` with its scripts: beside it, or under and over a large operator. Primes alone
    /// follow the atom as they are (`s′`): they are raised already.
    private static func attaching(sub: MathNode?, sup: [MathNode], to atom: MathNode) -> MathNode {
        if sub == nil, !sup.isEmpty, sup.allSatisfy({ $0 == prime }) {
            return .row([atom] + sup.map { _ in .operator("′", .init(lspace: "0", rspace: "0")) })
        }
        guard sub != nil || !sup.isEmpty else { return atom }
        let over: MathNode? = sup.isEmpty ? nil : (sup.count == 1 ? sup[0] : .row(sup))
        return atom.takesLimits ? .limits(atom, under: sub, over: over) : .scripts(atom, sub: sub, sup: over)
    }

    private static let prime = MathNode.operator("′")

    /// The argument of a script or command: a braced group, or a single atom.
    private mutating func parseArgument() throws -> MathNode {
        skipSpaces()
        guard let character = peek() else { throw MathError("an argument is missing at the end", offset: position) }
        if character == "{" { return try parseGroup() }
        if let stop = stopAhead(character) { throw MathError(Self.misplaced(stop), offset: position) }
        if character == "_" || character == "^" { throw MathError("an argument is missing before '\(character)'", offset: position) }
        if character.isASCII && character.isNumber {
            // As in TeX, an argument is one token: `\frac12` is one half, `x^23` is x² then 3.
            position += 1
            return .number(String(character))
        }
        return try parseAtom().node
    }

    /// `{ ... }` as one row.
    private mutating func parseGroup() throws -> MathNode {
        position += 1
        let nodes = try parseList(until: [.closingBrace])
        position += 1
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    private mutating func parseAtom() throws -> (node: MathNode, isFunction: Bool) {
        let character = characters[position]
        switch character {
        case "{":
            return (try parseGroup(), false)
        case "\\":
            return try parseCommand()
        case "_", "^":
            // A script with nothing before it, as in `{}_t`: an empty base.
            return (.row([]), false)
        case "~":
            position += 1
            return (.space(width: "0.3333em"), false)
        case "'":
            position += 1
            return (.operator("′"), false)
        case _ where character.isASCII && character.isNumber, "." where next(isDigit: 1):
            return (parseNumber(), false)
        case _ where character.isLetter:
            position += 1
            return (.identifier(String(character)), false)
        default:
            if let symbol = TeXSymbols.operatorCharacters[character] {
                position += 1
                return (Self.plainOperator(symbol), false)
            }
            if character.isASCII {
                throw MathError("'\(character)' cannot be used in math here", offset: position)
            }
            position += 1
            return (Self.plainOperator(String(character)), false)
        }
    }

    private mutating func parseNumber() -> MathNode {
        var digits = ""
        while let character = peek(), (character.isASCII && character.isNumber) || (character == "." && next(isDigit: 1)) {
            digits.append(character)
            position += 1
        }
        return .number(digits)
    }

    /// A symbol written as it is: fences keep their natural size (TeX's `(` does not grow).
    private static func plainOperator(_ symbol: String) -> MathNode {
        fences.contains(symbol) ? .operator(symbol, .init(stretchy: false)) : .operator(symbol)
    }

    private static let fences: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "/"]

    // MARK: Commands

    private mutating func parseCommand() throws -> (node: MathNode, isFunction: Bool) {
        let start = position
        let name = commandName(at: position)
        position += 1 + name.count
        if let letter = TeXSymbols.greek[name] { return (.identifier(letter), false) }
        if let letter = TeXSymbols.capitalGreek[name] { return (.identifier(letter, upright: true), false) }
        if let symbol = TeXSymbols.ordinary[name] { return (.identifier(symbol, upright: true), false) }
        if let symbol = TeXSymbols.operators[name] { return (Self.plainOperator(symbol), false) }
        if let symbol = TeXSymbols.largeOperators[name] {
            return (.operator(symbol, .init(movableLimits: true)), false)
        }
        if TeXSymbols.functions.contains(name) { return (.identifier(name), true) }
        if TeXSymbols.limitFunctions.contains(name) { return (Self.limitOperator(name), false) }
        if let width = TeXSymbols.spaces[name] { return (.space(width: width), false) }
        if let accent = TeXSymbols.accents[name] {
            return (.accent(try parseArgument(), mark: accent.mark, stretchy: accent.stretchy), false)
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try parseArgument()
            return (.fraction(numerator, try parseArgument()), false)
        case "sqrt":
            skipSpaces()
            guard peek() != "[" else { throw MathError("\\sqrt[n] is not supported: write a power instead", offset: start) }
            return (.squareRoot(try parseArgument()), false)
        case "text", "textrm", "mbox":
            return (.text(try parseTextArgument()), false)
        case "mathrm", "operatorname":
            let word = try parseLettersArgument(of: name)
            let node = MathNode.identifier(word, upright: true)
            return (node, name == "operatorname")
        case "mathbb", "mathcal":
            let argumentStart = position
            let word = try parseLettersArgument(of: name)
            let styled = name == "mathbb" ? TeXSymbols.doubleStruck : TeXSymbols.calligraphic
            let letters = word.compactMap(styled)
            guard letters.count == word.count else {
                throw MathError("\\\(name) takes capital letters only", offset: argumentStart)
            }
            return (.identifier(String(letters), upright: true), false)
        case "left":
            return (try parseFenced(start: start), false)
        case "begin":
            return (try parseEnvironment(start: start), false)
        case "":
            throw MathError("a lone '\\' at the end of the formula", offset: start)
        default:
            throw MathError("unsupported TeX command \\\(name)", offset: start)
        }
    }

    /// `\min`, `\max` and the like: upright, with limits under them in display math (the space
    /// after them depends on what follows, see ``parseAtomWithScripts()``).
    private static func limitOperator(_ name: String) -> MathNode {
        .operator(name, .init(form: "prefix", movableLimits: true, lspace: "0"))
    }

    /// `\left( ... \right)`: delimiters that grow with what they enclose.
    private mutating func parseFenced(start: Int) throws -> MathNode {
        let open = try parseDelimiter(after: "left")
        let body = try parseList(until: [.right])
        position += 1 + "right".count
        let close = try parseDelimiter(after: "right")
        var nodes: [MathNode] = []
        if let open { nodes.append(.operator(open, .init(stretchy: true, form: "prefix"))) }
        nodes.append(body.count == 1 ? body[0] : .row(body))
        if let close { nodes.append(.operator(close, .init(stretchy: true, form: "postfix"))) }
        return .row(nodes)
    }

    /// The delimiter after `\left` or `\right`; `nil` for the invisible `.`.
    private mutating func parseDelimiter(after command: String) throws -> String? {
        skipSpaces()
        guard let character = peek() else { throw MathError("\\\(command) needs a delimiter", offset: position) }
        if character == "\\" {
            let name = commandName(at: position)
            guard let symbol = TeXSymbols.delimiterCommands[name] else {
                throw MathError("\\\(name) is not a delimiter \\\(command) accepts", offset: position)
            }
            position += 1 + name.count
            return symbol
        }
        guard TeXSymbols.delimiterCharacters.contains(character) else {
            throw MathError("'\(character)' is not a delimiter \\\(command) accepts", offset: position)
        }
        position += 1
        return character == "." ? nil : String(character)
    }

    /// `\begin{aligned} ... \end{aligned}`: rows split by `\\`, cells by `&`.
    private mutating func parseEnvironment(start: Int) throws -> MathNode {
        let name = try parseLettersArgument(of: "begin")
        guard name == "aligned" else {
            throw MathError("unsupported environment '\(name)': the subset has 'aligned'", offset: start)
        }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            var cell = try parseList(until: [.cellSeparator, .rowSeparator, .end])
            // As in TeX, a cell after '&' starts with an empty atom, so `&= x` spaces '=' as a relation.
            if cells.count % 2 == 1 { cell.insert(.row([]), at: 0) }
            cells.append(cell.count == 1 ? cell[0] : .row(cell))
            switch characters[position] {
            case "&":
                position += 1
            case _ where commandName(at: position) == "\\":
                position += 2
                rows.append(cells)
                cells = []
            default:
                position += 1 + "end".count
                let endName = try parseLettersArgument(of: "end")
                guard endName == name else {
                    throw MathError("\\begin{\(name)} is closed by \\end{\(endName)}", offset: start)
                }
                if !(cells.count == 1 && cells[0] == .row([])) || rows.isEmpty { rows.append(cells) }
                return .aligned(rows)
            }
        }
    }

    // MARK: Arguments read as text

    /// The braced argument of `\text`: its characters as they are, with `\{ \} \$ \% \& \_ \#` escapes.
    private mutating func parseTextArgument() throws -> String {
        let raw = try parseRawArgument(of: "text")
        var text = ""
        var characters = raw.makeIterator()
        var offset = position - raw.count - 2
        while let character = characters.next() {
            offset += 1
            guard character == "\\" else { text.append(character); continue }
            guard let escaped = characters.next(), "{}$%&_# ".contains(escaped) else {
                throw MathError("\\text{} holds plain text only; take commands out of it", offset: offset)
            }
            offset += 1
            text.append(escaped)
        }
        return text
    }

    /// A braced argument that must be letters (spaces allowed), such as `\mathrm{clip}`.
    private mutating func parseLettersArgument(of command: String) throws -> String {
        let start = position
        let raw = try parseRawArgument(of: command)
        let word = raw.filter { $0 != " " }
        guard !word.isEmpty, word.allSatisfy(\.isLetter) else {
            throw MathError("\\\(command){...} takes letters only", offset: start)
        }
        return word
    }

    /// The characters of a braced argument, braces balanced, without the outer braces.
    private mutating func parseRawArgument(of command: String) throws -> String {
        skipSpaces()
        guard peek() == "{" else { throw MathError("\\\(command) needs a braced argument", offset: position) }
        let start = position
        var depth = 0
        var text = ""
        while let character = peek() {
            position += 1
            if character == "\\", let escaped = peek() {
                text.append(character)
                text.append(escaped)
                position += 1
                continue
            }
            if character == "{" { depth += 1; if depth == 1 { continue } }
            if character == "}" { depth -= 1; if depth == 0 { return text } }
            text.append(character)
        }
        throw MathError("a '{' is never closed", offset: start)
    }

    // MARK: Characters

    private func peek() -> Character? {
        position < characters.count ? characters[position] : nil
    }

    private func next(isDigit offset: Int) -> Bool {
        let index = position + offset
        return index < characters.count && characters[index].isASCII && characters[index].isNumber
    }

    private mutating func skipSpaces() {
        while let character = peek(), character.isWhitespace { position += 1 }
    }

    /// The name of the command starting at `index` (a backslash): its letters, or the one
    /// character after the backslash; empty at the end of the formula.
    private func commandName(at index: Int) -> String {
        var end = index + 1
        guard end < characters.count else { return "" }
        guard characters[end].isASCII && characters[end].isLetter else { return String(characters[end]) }
        while end < characters.count, characters[end].isASCII && characters[end].isLetter { end += 1 }
        return String(characters[(index + 1)..<end])
    }
}
