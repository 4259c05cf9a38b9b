// Reading the TCK value notation of expectation tables and parameter tables.
//
//   value   := 'null' | 'true' | 'false' | number | string | list | map | node | rel | path
//   number  := ['-'|'+'] (digits ['.' digits] | '.' digits) [('e'|'E') ['-'|'+'] digits]
//              | 'NaN' | ['-'] 'Inf' | ['-'] 'Infinity'
//              (a number with '.', or an exponent, or a non-finite name is a float)
//   string  := "'" { char | "\'" | "\\" } "'"    (any other backslash stays as written)
//   list    := '[' [value {',' value}] ']'
//   map     := '{' [key ':' value {',' key ':' value}] '}'   key := name | '`' … '`'
//   node    := '(' {':' name} [map] ')'
//   rel     := '[' ':' name [map] ']'                          ('[' then ':' tells it from a list)
//   path    := '<' node {('-' rel '->' | '<-' rel '-') node} '>'
//
// The Gherkin layer has already turned `\|`, `\\` and `\n` of table cells into characters, so
// a cell such as `'a\\\\b'` arrives here as `'a\\b'` and means the string `a\b`.

public struct TCKValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    /// 0-based position in unicode scalars.
    public var position: Int
    public var message: String

    public var description: String { "cannot read TCK value \(text.debugDescription) at \(position): \(message)" }
}

extension TCKValue {
    /// Parses one complete value; trailing text other than whitespace is an error.
    public static func parse(_ text: String) throws -> TCKValue {
        var p = TCKValueParser(text)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.atEnd else { throw p.fail("unexpected text after the value") }
        return v
    }
}

struct TCKValueParser {
    let text: String
    let s: [Unicode.Scalar]
    var i = 0
    static let maxDepth = 200

    init(_ text: String) {
        self.text = text
        self.s = Array(text.unicodeScalars)
    }

    var atEnd: Bool { i >= s.count }
    var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    func fail(_ message: String) -> TCKValueError {
        TCKValueError(text: text, position: i, message: message)
    }

    mutating func skipSpace() {
        while let c = peek, c.properties.isWhitespace { i += 1 }
    }

    mutating func expect(_ c: Unicode.Scalar) throws {
        skipSpace()
        guard peek == c else { throw fail("expected '\(c)'") }
        i += 1
    }

    mutating func hasWord(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
        // The word must end here: `nullable` is not `null`.
        if let next = peek(w.count), isNameChar(next) { return false }
        return true
    }

    mutating func value(depth: Int) throws -> TCKValue {
        guard depth < Self.maxDepth else { throw fail("value nested too deeply") }
        skipSpace()
        guard let c = peek else { throw fail("expected a value") }
        switch c {
        case "'": return .string(try string())
        case "[":
            var j = i + 1
            while j < s.count, s[j].properties.isWhitespace { j += 1 }
            if j < s.count, s[j] == ":" { return try relationship(depth: depth) }
            return try list(depth: depth)
        case "{": return .map(try map(depth: depth))
        case "(": return try node(depth: depth)
        case "<": return try path(depth: depth)
        default:
            if hasWord("null") { i += 4; return .null }
            if hasWord("true") { i += 4; return .bool(true) }
            if hasWord("false") { i += 5; return .bool(false) }
            return try number()
        }
    }

    mutating func number() throws -> TCKValue {
        let start = i
        var sign = ""
        if peek == "-" || peek == "+" {
            if peek == "-" { sign = "-" }
            i += 1
        }
        if hasWord("NaN") { i += 3; return .float(.nan) }
        if hasWord("Infinity") { i += 8; return .float(sign == "-" ? -.infinity : .infinity) }
        if hasWord("Inf") { i += 3; return .float(sign == "-" ? -.infinity : .infinity) }
        var isFloat = false
        let intStart = i
        while let c = peek, isDigit(c) { i += 1 }
        var digits = String(String.UnicodeScalarView(s[intStart..<i]))
        if peek == ".", let d = peek(1), isDigit(d) {
            isFloat = true
            i += 1
            let fracStart = i
            while let c = peek, isDigit(c) { i += 1 }
            digits += "." + String(String.UnicodeScalarView(s[fracStart..<i]))
        }
        guard digits.contains(where: { $0.isNumber }) else {
            i = start
            throw fail("expected a value")
        }
        if peek == "e" || peek == "E" {
            isFloat = true
            i += 1
            var exp = "e"
            if peek == "-" || peek == "+" {
                exp.unicodeScalars.append(s[i])
                i += 1
            }
            let expStart = i
            while let c = peek, isDigit(c) { i += 1 }
            guard i > expStart else { throw fail("expected digits in the exponent") }
            exp += String(String.UnicodeScalarView(s[expStart..<i]))
            digits += exp
        }
        if let c = peek, isNameChar(c) { throw fail("unexpected character in a number") }
        let literal = sign + (digits.hasPrefix(".") ? "0" + digits : digits)
        if !isFloat {
            guard let n = Int64(literal) else { throw fail("integer out of range") }
            return .int(n)
        }
        guard let d = Double(literal) else { throw fail("invalid float") }
        return .float(d)
    }

    mutating func string() throws -> String {
        i += 1  // opening quote
        var out = String.UnicodeScalarView()
        while let c = peek {
            i += 1
            if c == "'" { return String(out) }
            if c == "\\", let d = peek, d == "'" || d == "\\" {
                out.append(d)
                i += 1
                continue
            }
            out.append(c)
        }
        throw fail("unterminated string")
    }

    mutating func name() throws -> String {
        skipSpace()
        if peek == "`" {
            i += 1
            var out = String.UnicodeScalarView()
            while let c = peek {
                i += 1
                if c == "`" {
                    if peek == "`" {
                        out.append("`")
                        i += 1
                        continue
                    }
                    return String(out)
                }
                out.append(c)
            }
            throw fail("unterminated back-quoted name")
        }
        let start = i
        while let c = peek, isNameChar(c) { i += 1 }
        guard i > start else { throw fail("expected a name") }
        return String(String.UnicodeScalarView(s[start..<i]))
    }

    mutating func list(depth: Int) throws -> TCKValue {
        i += 1
        var items: [TCKValue] = []
        skipSpace()
        if peek == "]" {
            i += 1
            return .list(items)
        }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            if peek == "," {
                i += 1
                continue
            }
            try expect("]")
            return .list(items)
        }
    }

    mutating func map(depth: Int) throws -> [(key: String, value: TCKValue)] {
        i += 1
        var entries: [(key: String, value: TCKValue)] = []
        skipSpace()
        if peek == "}" {
            i += 1
            return entries
        }
        while true {
            let key = try name()
            try expect(":")
            let v = try value(depth: depth + 1)
            guard !entries.contains(where: { $0.key == key }) else { throw fail("duplicate key '\(key)'") }
            entries.append((key, v))
            skipSpace()
            if peek == "," {
                i += 1
                continue
            }
            try expect("}")
            return entries
        }
    }

    mutating func properties(depth: Int) throws -> [(key: String, value: TCKValue)] {
        skipSpace()
        return peek == "{" ? try map(depth: depth) : []
    }

    mutating func node(depth: Int) throws -> TCKValue {
        try expect("(")
        var labels: [String] = []
        skipSpace()
        while peek == ":" {
            i += 1
            labels.append(try name())
            skipSpace()
        }
        let props = try properties(depth: depth)
        try expect(")")
        return .node(labels: labels, properties: props)
    }

    mutating func relationship(depth: Int) throws -> TCKValue {
        try expect("[")
        try expect(":")
        let type = try name()
        let props = try properties(depth: depth)
        try expect("]")
        return .relationship(type: type, properties: props)
    }

    mutating func path(depth: Int) throws -> TCKValue {
        i += 1
        let start = try node(depth: depth + 1)
        var hops: [TCKValue.PathHop] = []
        while true {
            skipSpace()
            if peek == ">" {
                i += 1
                return .path(start: start, hops: hops)
            }
            let forward: Bool
            if peek == "<" {
                i += 1
                try expect("-")
                forward = false
            } else {
                try expect("-")
                forward = true
            }
            let rel = try relationship(depth: depth + 1)
            try expect("-")
            if forward { try expect(">") }
            let next = try node(depth: depth + 1)
            hops.append(TCKValue.PathHop(relationship: rel, forward: forward, node: next))
        }
    }
}

@inline(__always)
func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

@inline(__always)
func isNameChar(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || isDigit(c) }
