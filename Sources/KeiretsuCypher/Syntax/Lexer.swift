// The lexer: Cypher text → tokens with byte offsets.
//
// Keywords are not distinguished here: Cypher lets most keywords serve as names (a label
// `:Match`, a property `n.limit`), so the parser decides from context whether an identifier is a
// keyword. Numbers keep their spelling; the parser converts them, because only it knows whether
// a unary minus applies (`-9223372036854775808` is a valid literal, its magnitude alone is not).
//
// Offsets are UTF-8 byte offsets into the statement; line:column is computed only for messages
// (`SourceText.location(of:)`).

struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier  // bare name or keyword
        case quotedIdentifier  // `back-quoted`
        case string
        case integer  // decimal, 0x…, 0o…
        case float
        /// A number running into letters (`9223372h54775808`): an error where a number is
        /// expected, unexpected text anywhere else (a map key cannot start with a digit).
        case invalidNumber
        case parameter  // $name or $0
        case symbol  // punctuation and operators, spelled in `text`
        case end
    }

    var kind: Kind
    /// Identifier and parameter names, the decoded value of strings, the spelling of numbers and
    /// symbols.
    var text: String
    var offset: Int
    var length: Int

    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

    /// Case-insensitive keyword test for bare identifiers.
    func isKeyword(_ k: String) -> Bool {
        kind == .identifier && text.count == k.count && text.uppercased() == k
    }
}

struct Lexer {
    let bytes: [UInt8]
    var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func tokenize(_ text: String) throws -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    func error(_ code: String, _ message: String, at offset: Int, length: Int = 1) -> CypherError {
        CypherError(.syntaxError, code, message, offset: offset, length: length)
    }

    mutating func skipTrivia() throws {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
                i += 1
            } else if b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 {
                i += 2  // no-break space
            } else if b == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if b == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*") {
                let start = i
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                guard i + 1 < bytes.count else { throw error("UnexpectedSyntax", "unterminated comment", at: start, length: 2) }
                i += 2
            } else {
                return
            }
        }
    }

    mutating func next() throws -> Token {
        try skipTrivia()
        guard i < bytes.count else { return Token(kind: .end, text: "", offset: bytes.count, length: 0) }
        let start = i
        let b = bytes[i]
        if isIdentifierStart(at: i) {
            while i < bytes.count && isIdentifierPart(at: i) { i += scalarWidth(at: i) }
            return Token(kind: .identifier, text: text(start, i), offset: start, length: i - start)
        }
        if isDigit(b) || (b == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            return try number()
        }
        switch b {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return try string(quote: b)
        case UInt8(ascii: "`"):
            i += 1
            var name = [UInt8]()
            while true {
                guard i < bytes.count else { throw error("UnexpectedSyntax", "unterminated back-quoted name", at: start) }
                if bytes[i] == UInt8(ascii: "`") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "`") {
                        name.append(UInt8(ascii: "`"))
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                name.append(bytes[i])
                i += 1
            }
            return Token(kind: .quotedIdentifier, text: String(decoding: name, as: UTF8.self), offset: start, length: i - start)
        case UInt8(ascii: "$"):
            i += 1
            if i < bytes.count && bytes[i] == UInt8(ascii: "`") {
                let quoted = try next()
                return Token(kind: .parameter, text: quoted.text, offset: start, length: i - start)
            }
            let nameStart = i
            while i < bytes.count && (isIdentifierPart(at: i)) { i += scalarWidth(at: i) }
            guard i > nameStart else { throw error("UnexpectedSyntax", "expected a parameter name after '$'", at: start) }
            return Token(kind: .parameter, text: text(nameStart, i), offset: start, length: i - start)
        default:
            break
        }
        // Multi-character operators first.
        let two: [(String, [UInt8])] = [
            ("<>", [60, 62]), ("<=", [60, 61]), (">=", [62, 61]), ("!=", [33, 61]), ("=~", [61, 126]),
            ("+=", [43, 61]), ("..", [46, 46]),
        ]
        for (spelling, seq) in two where i + 1 < bytes.count && bytes[i] == seq[0] && bytes[i + 1] == seq[1] {
            i += 2
            return Token(kind: .symbol, text: spelling, offset: start, length: 2)
        }
        let singles = "()[]{},.:;|+-*/%^=<>!&"
        if b < 0x80, singles.utf8.contains(b) {
            i += 1
            return Token(kind: .symbol, text: String(UnicodeScalar(b)), offset: start, length: 1)
        }
        // Unicode dashes and arrows read as their ASCII forms inside patterns; the parser
        // rejects them where they would be arithmetic.
        let scalar = decodeScalar(at: i)
        let width = scalarWidth(at: i)
        i += width
        switch scalar.value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x00AD:
            return Token(kind: .symbol, text: "—", offset: start, length: width)
        case 0x27E8, 0x3008, 0xFE64, 0xFF1C:
            return Token(kind: .symbol, text: "<", offset: start, length: width)
        case 0x27E9, 0x3009, 0xFE65, 0xFF1E:
            return Token(kind: .symbol, text: ">", offset: start, length: width)
        default:
            throw error("UnexpectedSyntax", "unexpected character '\(scalar)'", at: start, length: width)
        }
    }

    // MARK: Numbers

    mutating func number() throws -> Token {
        let start = i
        if bytes[i] == UInt8(ascii: "0") && i + 1 < bytes.count && (bytes[i + 1] | 0x20) == UInt8(ascii: "x") {
            i += 2
            let digitsStart = i
            while i < bytes.count && isIdentifierPart(at: i) { i += 1 }
            let digits = text(digitsStart, i)
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
                throw error("InvalidNumberLiteral", "invalid hexadecimal literal", at: start, length: i - start)
            }
            return Token(kind: .integer, text: text(start, i), offset: start, length: i - start)
        }
        if bytes[i] == UInt8(ascii: "0") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "o") {
            i += 2
            let digitsStart = i
            while i < bytes.count && isIdentifierPart(at: i) { i += 1 }
            let digits = text(digitsStart, i)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 55 }) else {
                throw error("InvalidNumberLiteral", "invalid octal literal", at: start, length: i - start)
            }
            return Token(kind: .integer, text: text(start, i), offset: start, length: i - start)
        }
        var isFloat = false
        while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && isDigit(bytes[i + 1]) {
            isFloat = true
            i += 1
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            var j = i + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+")) { j += 1 }
            if j < bytes.count && isDigit(bytes[j]) {
                isFloat = true
                i = j
                while i < bytes.count && isDigit(bytes[i]) { i += 1 }
            }
        }
        // A number running straight into letters (`9223372h54775808`) is one bad literal.
        if i < bytes.count && isIdentifierStart(at: i) {
            while i < bytes.count && isIdentifierPart(at: i) { i += scalarWidth(at: i) }
            return Token(kind: .invalidNumber, text: text(start, i), offset: start, length: i - start)
        }
        return Token(kind: isFloat ? .float : .integer, text: text(start, i), offset: start, length: i - start)
    }

    // MARK: Strings

    mutating func string(quote: UInt8) throws -> Token {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        var run = i
        func flush(_ upTo: Int) {
            if upTo > run { out.append(contentsOf: String(decoding: bytes[run..<upTo], as: UTF8.self).unicodeScalars) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                flush(i)
                i += 1
                return Token(kind: .string, text: String(out), offset: start, length: i - start)
            }
            if b == UInt8(ascii: "\\") {
                flush(i)
                let escapeStart = i
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\\"): out.append("\\")
                case UInt8(ascii: "'"): out.append("'")
                case UInt8(ascii: "\""): out.append("\"")
                case UInt8(ascii: "n"): out.append("\n")
                case UInt8(ascii: "r"): out.append("\r")
                case UInt8(ascii: "t"): out.append("\t")
                case UInt8(ascii: "b"): out.append("\u{08}")
                case UInt8(ascii: "f"): out.append("\u{0C}")
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "u") ? 4 : 8
                    var code: UInt32 = 0
                    for _ in 0..<count {
                        guard i < bytes.count, let d = hexValue(bytes[i]) else {
                            throw error("InvalidUnicodeLiteral", "invalid unicode escape", at: escapeStart, length: i - escapeStart)
                        }
                        code = code * 16 + d
                        i += 1
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("InvalidUnicodeCharacter", "invalid unicode character", at: escapeStart, length: i - escapeStart)
                    }
                    out.append(scalar)
                default:
                    // Unknown escapes keep the backslash, as Neo4j does.
                    out.append("\\")
                    i -= 1
                }
                run = i
                continue
            }
            i += 1
        }
        throw error("UnexpectedSyntax", "unterminated string literal", at: start)
    }

    // MARK: Character classes

    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }

    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 65...70: return UInt32(b - 55)
        case 97...102: return UInt32(b - 87)
        default: return nil
        }
    }

    func isIdentifierStart(at p: Int) -> Bool {
        let b = bytes[p]
        if b < 0x80 { return (b | 0x20) >= 97 && (b | 0x20) <= 122 || b == UInt8(ascii: "_") }
        let s = decodeScalar(at: p)
        return s.properties.isXIDStart || s.properties.isAlphabetic
    }

    func isIdentifierPart(at p: Int) -> Bool {
        let b = bytes[p]
        if b < 0x80 { return (b | 0x20) >= 97 && (b | 0x20) <= 122 || b == UInt8(ascii: "_") || isDigit(b) }
        let s = decodeScalar(at: p)
        return s.properties.isXIDContinue || s.properties.isAlphabetic
    }

    func scalarWidth(at p: Int) -> Int {
        let b = bytes[p]
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return min(4, bytes.count - p) }
        if b >= 0xE0 { return min(3, bytes.count - p) }
        if b >= 0xC0 { return min(2, bytes.count - p) }
        return 1
    }

    func decodeScalar(at p: Int) -> Unicode.Scalar {
        let w = scalarWidth(at: p)
        let s = String(decoding: bytes[p..<(p + w)], as: UTF8.self)
        return s.unicodeScalars.first ?? "\u{FFFD}"
    }
}
