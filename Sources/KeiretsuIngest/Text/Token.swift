// Token: one word, number or punctuation mark of an article, as byte offsets into its UTF-8.
//
// Tokens are the unit every later step works on: the sentence splitter looks at their kinds and
// flags, the mention finder and the rule matcher compare their folded lexicon ids. A token keeps
// only offsets and an id (24 bytes), so an article's token array is cheap; its text is sliced
// from the article bytes when a name or a sentence is printed.
//
// Hyphens inside words are not tokens: "solid-state" is `solid` + `state` with `hyphenBefore` on
// the second, so it matches "solid state" in a gazetteer while the original spelling can still
// be rebuilt. A trailing `’s`/`'s` (or the `'` of "companies'") is its own `possessive` token.

public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whitespace separates this token from the previous one.
    public static let spaceBefore = TokenFlags(rawValue: 1)
    /// A line break separates this token from the previous one.
    public static let newlineBefore = TokenFlags(rawValue: 2)
    /// A blank line (paragraph break) separates this token from the previous one.
    public static let paragraphBefore = TokenFlags(rawValue: 4)
    /// A hyphen (or dash) with no spaces joins this token to the previous one.
    public static let hyphenBefore = TokenFlags(rawValue: 8)
    /// The first letter is upper case.
    public static let capitalized = TokenFlags(rawValue: 16)
    /// No letter is lower case (and there is at least one letter).
    public static let allCaps = TokenFlags(rawValue: 32)
}

public enum TokenKind: UInt8, Sendable {
    case word, number, punct, possessive
}

public struct Token: Sendable, Hashable {
    /// Byte offsets into the article's UTF-8, `start..<end`.
    public var start: Int
    public var end: Int
    /// Lexicon id of the folded text.
    public var key: WordID
    public var kind: TokenKind
    public var flags: TokenFlags

    public var isWord: Bool { kind == .word }
    public var isCapitalized: Bool { flags.contains(.capitalized) }
    public var byteRange: Range<Int> { start..<end }
}

/// The bytes of an article and helpers to read token text out of them.
struct TextBytes {
    let bytes: [UInt8]

    func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    func text(_ t: Token) -> String { text(t.byteRange) }

    /// The numeric value of a number token ("420,000" → 420000, "43.4" → 43.4).
    func number(_ t: Token) -> Double? {
        guard t.kind == .number else { return nil }
        var digits: [UInt8] = []
        for i in t.start..<t.end where bytes[i] != 0x2C { digits.append(bytes[i]) }
        return Double(String(decoding: digits, as: UTF8.self))
    }
}
