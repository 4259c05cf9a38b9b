// The REPL's colours, and the one decision whether to use them.
//
// `--color always` colours, `--color never` does not, and `auto` (the default) colours only
// when the output is a terminal, `NO_COLOR` is unset or empty (https://no-color.org) and `TERM`
// is not `dumb`. An explicit `--color always` wins over NO_COLOR, as no-color.org asks of
// command-line flags. With colour off every style is the empty string, so callers never branch.
//
// Styles are ECMA-48 SGR sequences in the 8 basic colours, which every terminal in use
// understands and every theme adapts to its background.

enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    /// Whether to colour output going to a terminal (or not) in this environment.
    func enabled(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}

struct Palette: Sendable {
    let enabled: Bool

    static let plain = Palette(enabled: false)

    static let reset = "\u{1B}[0m"

    func sgr(_ code: String) -> String { enabled ? "\u{1B}[\(code)m" : "" }
    var reset: String { enabled ? Palette.reset : "" }

    /// `text` in style `code`, reset afterwards.
    func paint(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty && !code.isEmpty ? "\u{1B}[\(code)m" + text + Palette.reset : text
    }

    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func red(_ text: String) -> String { paint(text, "31") }
    func errorLabel(_ text: String) -> String { paint(text, "1;31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }

    /// The SGR parameters of a highlighting style ("" for plain text).
    static func code(for style: HighlightStyle) -> String {
        switch style {
        case .plain: return ""
        case .keyword: return "1;35"
        case .string: return "32"
        case .number: return "33"
        case .comment: return "2"
        case .parameter: return "36"
        case .label: return "34"
        case .function: return "36"
        case .bracketMatch: return "1;4"
        case .bracketUnmatched: return "1;31"
        }
    }
}
