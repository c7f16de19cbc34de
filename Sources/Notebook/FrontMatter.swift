import Yams

/// The optional YAML block at the very top of a notebook, between `---` lines.
///
/// ```yaml
/// ---
/// title: Policy gradients and PPO
/// author: ppo-book
/// timeout: 300
/// inputs: [data/*.csv, weights.json]
/// ---
/// ```
public struct FrontMatter: Equatable, Sendable {
    /// The page title; without it, the first heading is the title.
    public var title: String?
    /// Who wrote the notebook; a YAML list is joined with commas.
    public var author: String?
    /// A one-line summary, used as the page's meta description.
    public var description: String?
    /// The time limit of every cell, in seconds, unless a cell sets its own `timeout=`.
    public var timeout: Double?
    /// The files the cells read, as paths or globs relative to the notebook's folder: their
    /// contents are part of every cached result's key, and `preview` watches them.
    public var inputs: [String] = []
    /// Where `inputs:` is written, for messages about a path that matches no file.
    public var inputsLocation: SourceLocation?
    /// Every other key, as text, for templates and readers of the model.
    public var fields: [String: String] = [:]

    /// An empty front matter.
    public init() {}

    /// The number of lines the block takes at the top of `text` (0 if there is none).
    static func lineCount(in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingTrailingSpace == "---" }) == true else { return 0 }
        for (index, line) in lines.enumerated().dropFirst() where ["---", "..."].contains(line.trimmingTrailingSpace) {
            return index + 1
        }
        return 0
    }

    /// Parses the YAML between the fences. `location` is the opening fence.
    static func parse(_ yaml: String, at location: SourceLocation) throws -> FrontMatter {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch let error as YamlError {
            throw NotebookError("front matter is not valid YAML: \(error.summary)", at: SourceLocation(
                file: location.file, line: location.line + error.line))
        }
        guard let loaded else { return FrontMatter() }
        guard let mapping = loaded as? [String: Any] else {
            throw NotebookError("front matter must be a YAML mapping of keys to values", at: location)
        }
        var result = FrontMatter()
        for key in mapping.keys.sorted() {
            let value = mapping[key]!
            let keyLocation = SourceLocation(file: location.file, line: location.line + 1 + line(of: key, in: yaml))
            switch key {
            case "title": result.title = try text(value, key: key, at: keyLocation)
            case "author":
                if let list = value as? [Any] {
                    result.author = try list.map { try text($0, key: key, at: keyLocation) }.joined(separator: ", ")
                } else {
                    result.author = try text(value, key: key, at: keyLocation)
                }
            case "description": result.description = try text(value, key: key, at: keyLocation)
            case "timeout":
                guard let seconds = (value as? Double) ?? (value as? Int).map(Double.init), seconds > 0 else {
                    throw NotebookError("front matter 'timeout' must be a number of seconds greater than zero", at: keyLocation)
                }
                result.timeout = seconds
            case "inputs":
                let patterns = (value as? [Any]) ?? [value]
                result.inputs = try patterns.map { try text($0, key: key, at: keyLocation) }
                result.inputsLocation = keyLocation
                guard !result.inputs.contains(where: \.isEmpty) else {
                    throw NotebookError("front matter 'inputs' must list paths or globs, none of them empty", at: keyLocation)
                }
            default:
                result.fields[key] = "\(value)"
            }
        }
        return result
    }

    private static func text(_ value: Any, key: String, at location: SourceLocation) throws -> String {
        if let string = value as? String { return string }
        if value is [Any] || value is [String: Any] {
            throw NotebookError("front matter '\(key)' must be text", at: location)
        }
        return "\(value)"
    }

    private static func line(of key: String, in yaml: String) -> Int {
        yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("\(key):") } ?? 0
    }
}

private extension YamlError {
    /// What went wrong, without Yams's position prefix and source echo.
    var summary: String {
        switch self {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            return (context.map { "\($0.text) " } ?? "") + problem
        default:
            return String(describing: self).split(separator: "\n").first.map(String.init) ?? "unreadable YAML"
        }
    }

    /// The 1-based line of the error within the YAML text, where Yams knows it.
    var line: Int {
        switch self {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return 0
        }
    }
}

private extension Substring {
    var trimmingTrailingSpace: Substring {
        var result = self
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
