/// Reads the tags on a `swift` fence (the words after `swift` in the info string).
///
/// The grammar, spelled exactly: `hide`, `norun`, `expect-error` (or `expect-error=compile`,
/// `expect-error=trap`, `expect-error="TEXT"`), `session=NAME`, `id=NAME`,
/// `caption="TEXT"` (or a single word), `timeout=SECONDS`. A name is letters, digits,
/// `-` and `_`. Quoted values take `\"` and `\\` escapes.
public struct CellTagParser {
    /// Every tag, as a user would write it, for error messages and documentation.
    public static let grammar = #"hide, norun, expect-error[=compile|=trap|="TEXT"], session=NAME, id=NAME, caption="TEXT", timeout=SECONDS"#

    private static let flags = ["hide", "norun"]
    private static let valued = ["session", "id", "caption", "timeout"]
    /// Tags that may stand alone or take a value.
    private static let optionallyValued = ["expect-error"]

    /// Where the fence is, for error messages.
    public let location: SourceLocation

    /// Creates a parser for the fence at `location`.
    public init(location: SourceLocation) {
        self.location = location
    }

    /// Parses `tags` (the info string without its leading `swift`).
    public func parse(_ tags: String) throws -> CellOptions {
        var options = CellOptions()
        var seen: Set<String> = []
        for word in try words(of: tags) {
            guard seen.insert(word.key).inserted else {
                throw error("the tag '\(word.key)' is given twice")
            }
            try apply(word, to: &options)
        }
        try checkCombination(options)
        return options
    }

    private func apply(_ word: Word, to options: inout CellOptions) throws {
        let key = word.key
        if Self.flags.contains(key) {
            guard word.value == nil else { throw error("the tag '\(key)' takes no value") }
        } else if Self.optionallyValued.contains(key) {
            guard word.value?.isEmpty != true else { throw error("the tag '\(key)' has an empty value") }
        } else if Self.valued.contains(key) {
            guard let value = word.value else {
                throw error("the tag '\(key)' needs a value, as in \(example(of: key))")
            }
            guard !value.isEmpty else { throw error("the tag '\(key)' has an empty value") }
        } else {
            throw error("unknown cell tag '\(word.text)'\(suggestion(for: key)); the tags are \(Self.grammar)")
        }
        switch key {
        case "hide": options.hide = true
        case "norun": options.norun = true
        case "expect-error": options.expectedError = try expectedError(word)
        case "session": options.session = try name(word.value!, for: key)
        case "id": options.id = try name(word.value!, for: key)
        case "caption": options.caption = word.value!
        default: options.timeout = try seconds(word.value!)
        }
    }

    private func checkCombination(_ options: CellOptions) throws {
        guard options.norun else { return }
        if options.hide { throw error("'norun' with 'hide' would show nothing: drop one of them") }
        if options.expectError { throw error("'norun' with 'expect-error': a cell that does not run cannot fail") }
        if options.timeout != nil { throw error("'norun' with 'timeout': a cell that does not run needs no time limit") }
    }

    private func name(_ value: String, for key: String) throws -> String {
        let allowed = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard allowed else {
            throw error("'\(key)=\(value)' is not a name: use letters, digits, '-' and '_'")
        }
        return value
    }

    private func seconds(_ value: String) throws -> Double {
        guard let seconds = Double(value), seconds.isFinite, seconds > 0 else {
            throw error("'timeout=\(value)' is not a number of seconds greater than zero")
        }
        return seconds
    }

    private func expectedError(_ word: Word) throws -> ExpectedError {
        guard let value = word.value else { return .any }
        if word.isQuoted { return .message(value) }
        switch value {
        case "compile": return .compile
        case "trap": return .trap
        default:
            throw error("'expect-error=\(value)' is not a kind of error: write expect-error=compile, "
                + #"expect-error=trap, or a part of the expected message in quotes, as in expect-error="shapes""#)
        }
    }

    private func example(of key: String) -> String {
        switch key {
        case "caption": return #"caption="Reward per episode""#
        case "timeout": return "timeout=60"
        default: return "\(key)=NAME"
        }
    }

    private func suggestion(for key: String) -> String {
        let known = Self.flags + Self.valued + Self.optionallyValued
        guard let nearest = known.min(by: { editDistance(key, $0) < editDistance(key, $1) }),
              editDistance(key, nearest) <= 2 else { return "" }
        return " (did you mean '\(nearest)'?)"
    }

    private func error(_ message: String) -> NotebookError {
        NotebookError(message, at: location)
    }

    // MARK: Words

    private struct Word {
        var key: String
        var value: String?
        var text: String
        var isQuoted = false
    }

    private func words(of tags: String) throws -> [Word] {
        var result: [Word] = []
        var rest = Substring(tags)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { return result }
            let key = rest.prefix(while: { !$0.isWhitespace && $0 != "=" })
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else {
                result.append(Word(key: String(key), value: nil, text: String(key)))
                continue
            }
            rest = rest.dropFirst()
            let value: String
            let isQuoted = rest.first == "\""
            if isQuoted {
                (value, rest) = try quoted(rest.dropFirst(), key: String(key))
            } else {
                let bare = rest.prefix(while: { !$0.isWhitespace })
                value = String(bare)
                rest = rest.dropFirst(bare.count)
            }
            result.append(Word(key: String(key), value: value, text: "\(key)=\(value)", isQuoted: isQuoted))
        }
    }

    private func quoted(_ text: Substring, key: String) throws -> (String, Substring) {
        var value = ""
        var rest = text
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "\"":
                if let next = rest.first, !next.isWhitespace {
                    throw error("'\(key)=\"\(value)\"' must be followed by a space before the next tag")
                }
                return (value, rest)
            case "\\":
                guard let escaped = rest.first else { break }
                value.append(escaped)
                rest = rest.dropFirst()
            default:
                value.append(character)
            }
        }
        throw error("the quoted value of '\(key)' is not closed: add a closing \"")
    }
}

/// The Levenshtein distance between two short words.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        previous = current
    }
    return previous[b.count]
}
