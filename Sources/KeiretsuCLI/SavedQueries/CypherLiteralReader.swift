// Reading the cells of an expected row — Cypher literals as `Value.literal(.sorted)` prints
// them — back into Values, so that expectations are compared as values, not as text: `1.0` and
// `1.00` are the same float, `{b: 1, a: 2}` the same map as `{a: 2, b: 1}`, `"x"` the same
// string as `'x'`.
//
//   row      := cell { '|' cell }
//   cell     := 'null' | 'true' | 'false' | number | string | list | map | node | rel | path | call
//   number   := ['-'] digits ['.' digits] [('e'|'E') ['+'|'-'] digits] | ['-'] 'Infinity' | 'NaN'
//               (with '.' or an exponent it is a float, else a 64-bit integer)
//   string   := "'" … "'" | '"' … '"'    escapes \\ \' \" \n \r \t \b \f \u + 4 hex digits, \U + 8
//   list     := '[' [cell {',' cell}] ']'
//   map      := '{' [key ':' cell {',' key ':' cell}] '}'    key := name | '`' … '`' | string
//   node     := '(' {':' label} [map] ')'
//   rel      := '[' ':' type [map] ']'                       ('[' then ':' tells it from a list)
//   path     := '<' node {('-' rel '->' | '<-' rel '-') node} '>'
//   call     := name '(' … ')'            (temporals: `date('2023-01-28')`, `duration('P1D')`)
//
// A call is handed to an evaluator (a scratch Database running `RETURN call`), which returns
// nil when the engine does not know the function; the reader then throws `unevaluable` and the
// caller compares that cell as text. Nesting is capped so that a hostile file cannot exhaust the
// stack. Positions are UTF-8 byte offsets into the line, turned into file:line:col by the caller.

import KeiretsuGraph
import OrderedCollections

struct LiteralReadError: Error {
    /// Byte offset in the text where reading failed.
    var position: Int
    var message: String
    /// True when the text is well formed but calls a function the evaluator could not run.
    var unevaluable = false
}

struct CypherLiteralReader {
    let bytes: [UInt8]
    var i: Int
    let evaluate: (String) -> Value?
    static let maxDepth = 100

    init(_ text: String, from start: Int = 0, evaluate: @escaping (String) -> Value?) {
        self.bytes = Array(text.utf8)
        self.i = start
        self.evaluate = evaluate
    }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
    func peek(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    func fail(_ message: String, at position: Int? = nil) -> LiteralReadError {
        LiteralReadError(position: position ?? i, message: message)
    }

    mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D { i += 1 }
    }

    mutating func expect(_ c: Character) throws {
        skipSpace()
        guard let b = peek, let a = c.asciiValue, b == a else { throw fail("expected '\(c)'") }
        i += 1
    }

    mutating func take(_ c: Character) -> Bool {
        skipSpace()
        guard let b = peek, let a = c.asciiValue, b == a else { return false }
        i += 1
        return true
    }

    /// Reads the cells of a row: literals separated by `|`, up to the end of the text.
    mutating func row() throws -> [(value: Result<Value, LiteralReadError>, start: Int, end: Int)] {
        var cells: [(value: Result<Value, LiteralReadError>, start: Int, end: Int)] = []
        while true {
            skipSpace()
            let start = i
            let value: Result<Value, LiteralReadError>
            do {
                value = .success(try self.value(depth: 0))
            } catch let e as LiteralReadError where e.unevaluable {
                // Skip to the end of this cell: the next '|' outside strings and brackets.
                i = e.position
                try skipCell()
                value = .failure(e)
            }
            let end = i
            cells.append((value, start, end))
            skipSpace()
            if atEnd { return cells }
            guard peek == UInt8(ascii: "|") else { throw fail("expected '|' or the end of the row after a value") }
            i += 1
        }
    }

    /// Moves past the rest of a cell whose call could not be evaluated.
    mutating func skipCell() throws {
        var depth = 0
        while let b = peek {
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): _ = try string()
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: "|") where depth <= 0: return
            default: break
            }
            i += 1
        }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < Self.maxDepth else { throw fail("values nest too deeply") }
        skipSpace()
        guard let b = peek else { throw fail("expected a value") }
        switch b {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            var j = i + 1
            while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: ":") { return .relationship(try relationship(depth: depth)) }
            return try list(depth: depth)
        case UInt8(ascii: "{"): return .map(try map(depth: depth))
        case UInt8(ascii: "("): return .node(try node(depth: depth, id: 0))
        case UInt8(ascii: "<"): return try path(depth: depth)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            guard isNameStart(b) else { throw fail("expected a value") }
            let start = i
            let word = name()
            switch word.lowercased() {
            case "null": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
            if word == "NaN" { return .float(.nan) }
            if word == "Infinity" { return .float(.infinity) }
            skipSpace()
            guard peek == UInt8(ascii: "(") else { throw fail("unknown word '\(word)'; strings are quoted", at: start) }
            return try call(from: start)
        }
    }

    mutating func number() throws -> Value {
        let start = i
        if peek == UInt8(ascii: "-") {
            i += 1
            if bytes[i...].starts(with: Array("Infinity".utf8)) {
                i += 8
                return .float(-.infinity)
            }
        }
        var isFloat = false
        func digits() -> Int {
            let s = i
            while let b = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) { i += 1 }
            return i - s
        }
        guard digits() > 0 else { throw fail("expected a number", at: start) }
        if peek == UInt8(ascii: "."), let d = peek(1), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) {
            isFloat = true
            i += 1
            _ = digits()
        }
        if let e = peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            i += 1
            if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("expected the digits of an exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isFloat {
            guard let d = Double(text) else { throw fail("not a float: \(text)", at: start) }
            return .float(d)
        }
        guard let n = Int64(text) else { throw fail("integer out of range: \(text)", at: start) }
        return .int(n)
    }

    mutating func string() throws -> String {
        let start = i
        guard let quote = peek else { throw fail("expected a string") }
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw fail("unterminated string", at: start) }
            i += 1
            if b == quote { break }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                continue
            }
            guard let e = peek else { throw fail("unterminated string", at: start) }
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let width = e == UInt8(ascii: "u") ? 4 : 8
                guard i + width <= bytes.count,
                      let code = UInt32(String(decoding: bytes[i..<(i + width)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(code)
                else { throw fail("bad \\\(Character(Unicode.Scalar(e))) escape", at: i - 2) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += width
            default: throw fail("unknown escape \\\(Character(Unicode.Scalar(e)))", at: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func isNameStart(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || b >= 0x80
    }

    func isNamePart(_ b: UInt8) -> Bool { isNameStart(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }

    /// A bare name (letters, digits, `_`, any non-ASCII) or a back-quoted one.
    mutating func name() -> String {
        if peek == UInt8(ascii: "`") {
            i += 1
            var out: [UInt8] = []
            while let b = peek {
                i += 1
                if b == UInt8(ascii: "`") {
                    if peek == UInt8(ascii: "`") { out.append(b); i += 1; continue }
                    break
                }
                out.append(b)
            }
            return String(decoding: out, as: UTF8.self)
        }
        let start = i
        while let b = peek, isNamePart(b) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    mutating func requiredName(_ what: String) throws -> String {
        skipSpace()
        let start = i
        let n = name()
        guard i > start else { throw fail("expected \(what)") }
        return n
    }

    mutating func list(depth: Int) throws -> Value {
        try expect("[")
        var items: [Value] = []
        if take("]") { return .list(items) }
        repeat {
            items.append(try value(depth: depth + 1))
        } while take(",")
        try expect("]")
        return .list(items)
    }

    mutating func map(depth: Int) throws -> ValueMap {
        try expect("{")
        var out = ValueMap()
        if take("}") { return out }
        repeat {
            skipSpace()
            let keyStart = i
            let key: String
            if let b = peek, b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                key = try string()
            } else {
                key = try requiredName("a key")
            }
            try expect(":")
            let v = try value(depth: depth + 1)
            guard out.updateValue(v, forKey: key) == nil else { throw fail("key '\(key)' appears twice", at: keyStart) }
        } while take(",")
        try expect("}")
        return out
    }

    mutating func node(depth: Int, id: ElementID) throws -> Node {
        try expect("(")
        var labels: [String] = []
        while take(":") { labels.append(try requiredName("a label")) }
        skipSpace()
        var properties = ValueMap()
        if peek == UInt8(ascii: "{") { properties = try map(depth: depth + 1) }
        try expect(")")
        return Node(id: id, labels: labels, properties: properties)
    }

    mutating func relationship(depth: Int, start: ElementID = 0, end: ElementID = 0) throws -> Relationship {
        try expect("[")
        try expect(":")
        let type = try requiredName("a relationship type")
        skipSpace()
        var properties = ValueMap()
        if peek == UInt8(ascii: "{") { properties = try map(depth: depth + 1) }
        try expect("]")
        return Relationship(id: 0, type: type, start: start, end: end, properties: properties)
    }

    /// `<(a)-[:T]->(b)<-[:U]-(c)>`. Nodes get their index as id so that each relationship's
    /// direction survives (Value.literal prints `->` when a relationship starts at the node
    /// before it).
    mutating func path(depth: Int) throws -> Value {
        try expect("<")
        var nodes = [try node(depth: depth + 1, id: 0)]
        var relationships: [Relationship] = []
        while true {
            skipSpace()
            if take(">") { break }
            let here = nodes.count - 1
            if take("<") {
                try expect("-")
                relationships.append(try relationship(depth: depth + 1, start: here + 1, end: here))
                try expect("-")
            } else {
                try expect("-")
                relationships.append(try relationship(depth: depth + 1, start: here, end: here + 1))
                try expect("-")
                try expect(">")
            }
            nodes.append(try node(depth: depth + 1, id: here + 1))
        }
        return .path(Path(nodes: nodes, relationships: relationships))
    }

    /// `name(…)`: the text up to the matching parenthesis, evaluated by the engine.
    mutating func call(from start: Int) throws -> Value {
        var depth = 0
        while let b = peek {
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                _ = try string()
                continue
            }
            i += 1
            if b == UInt8(ascii: "(") { depth += 1 }
            if b == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 {
                    let text = String(decoding: bytes[start..<i], as: UTF8.self)
                    guard let v = evaluate(text) else {
                        throw LiteralReadError(position: i, message: "cannot evaluate \(text)", unevaluable: true)
                    }
                    return v
                }
            }
        }
        throw fail("unclosed '(' in a call", at: start)
    }
}
