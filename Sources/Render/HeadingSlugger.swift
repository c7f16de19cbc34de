/// Turns heading text into unique anchor names: "Why a trust region?" -> `why-a-trust-region`.
struct HeadingSlugger {
    private var used: Set<String>

    /// Creates a slugger that avoids the names in `reserved` (such as cell anchors).
    init(reserved: Set<String>) {
        used = reserved
    }

    /// A new anchor for `text`, numbered (`-2`, `-3`...) when the plain one is taken.
    mutating func slug(for text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        let base = words.isEmpty ? "section" : words.joined(separator: "-")
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
