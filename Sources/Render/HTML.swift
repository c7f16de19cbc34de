/// Escaping for text placed in HTML.
public enum HTML {
    /// The lines that open every ppo-book page, through its `<head>`'s title and description;
    /// the caller adds its own metadata and styles, then closes the head.
    public static func documentOpening(title: String, description: String?) -> [String] {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<meta name=\"generator\" content=\"ppo-book\">",
            "<title>\(escape(title))</title>",
        ]
        if let description { lines.append("<meta name=\"description\" content=\"\(escape(description))\">") }
        return lines
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A relative file path as a link target: every byte but letters, digits, `-._~` and the
    /// `/` between folders percent-encoded, so names with spaces, quotes, `#`, `?` or
    /// non-ASCII letters still lead to their file.
    static func link(toPath path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
