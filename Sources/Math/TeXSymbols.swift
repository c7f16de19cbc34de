/// The commands of the TeX subset that stand for one symbol, by kind.
enum TeXSymbols {
    /// Lowercase Greek letters (italic, as in TeX) and the upright capitals.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    /// Capital Greek letters: upright in TeX.
    static let capitalGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols that are ordinary letters of a formula (`<mi>`).
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "emptyset": "∅", "hbar": "ℏ",
    ]

    /// Binary operators, relations, arrows and punctuation (`<mo>`).
    static let operators: [String: String] = [
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "propto": "∝", "sim": "∼", "simeq": "≃", "equiv": "≡", "ll": "≪", "gg": "≫",
        "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "circ": "∘", "ast": "∗",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
        "leftrightarrow": "↔", "Leftrightarrow": "⇔", "mapsto": "↦", "gets": "←", "int": "∫",
        "mid": "∣", "|": "‖", "Vert": "‖", "vert": "|", "parallel": "∥",
        "ldots": "…", "cdots": "⋯", "dots": "…", "forall": "∀", "exists": "∃", "neg": "¬",
        "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "setminus": "∖",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "{": "{", "}": "}", "%": "%", "&": "&", "#": "#", "$": "$", "_": "_",
    ]

    /// Large operators whose limits go under and over in display math.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "bigcup": "⋃", "bigcap": "⋂",
    ]

    /// Named functions set upright (`\log x`).
    static let functions: Set<String> = [
        "log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arg", "det", "dim",
        "Pr", "Var", "Cov",
    ]

    /// Named operators whose limits go under them in display math (`\min_\theta`).
    static let limitFunctions: Set<String> = ["min", "max", "argmin", "argmax", "sup", "inf", "lim"]

    /// Spacing commands, as CSS widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.3333em",
        "quad": "1em", "qquad": "2em", "thinspace": "0.1667em", "medspace": "0.2222em", "thickspace": "0.2778em",
    ]

    /// Accents over their argument: the mark, and whether it stretches to the argument's width.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("‾", false), "overline": ("‾", true),
        "tilde": ("~", false), "widetilde": ("~", true), "dot": ("˙", false), "ddot": ("¨", false),
        "vec": ("→", false), "check": ("ˇ", false), "breve": ("˘", false), "acute": ("´", false),
        "grave": ("`", false),
    ]

    /// Delimiters that may follow `\left`, `\right` and the `\big` family, by command name.
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "|": "‖", "Vert": "‖", "vert": "|", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrace": "{", "rbrace": "}",
        "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
    ]

    /// Delimiters written as one character.
    static let delimiterCharacters: Set<Character> = ["(", ")", "[", "]", "|", "/", "."]

    /// Plain characters that are operators (`<mo>`); `-` becomes a true minus sign.
    static let operatorCharacters: [Character: String] = [
        "+": "+", "-": "−", "=": "=", "<": "<", ">": ">", "/": "/", ",": ",", ";": ";", ":": ":",
        "!": "!", "|": "|", "(": "(", ")": ")", "[": "[", "]": "]", "*": "∗", "?": "?", ".": ".",
    ]

    /// Double-struck capitals (`\mathbb{E}`): letterlike forms where Unicode has them.
    static func doubleStruck(_ letter: Character) -> Character? {
        let letterlike: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        if let special = letterlike[letter] { return special }
        guard let ascii = letter.asciiValue, letter.isUppercase else { return nil }
        return Character(Unicode.Scalar(0x1D538 + UInt32(ascii - 65))!)
    }

    /// Calligraphic capitals (`\mathcal{L}`): script forms where Unicode has them.
    static func calligraphic(_ letter: Character) -> Character? {
        let letterlike: [Character: Character] = [
            "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
        ]
        if let special = letterlike[letter] { return special }
        guard let ascii = letter.asciiValue, letter.isUppercase else { return nil }
        return Character(Unicode.Scalar(0x1D49C + UInt32(ascii - 65))!)
    }
}
