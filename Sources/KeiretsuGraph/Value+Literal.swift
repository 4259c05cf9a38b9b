// Printing values back as Cypher literals.
//
// This is the notation of result tables, `.cyt` expectations and the TCK:
//   null · true · 42 · 1.0 · 1e+308 · NaN · Infinity · 'it\'s' · [1, 'a'] · {k: 1}
//   (:Company {name: 'Acme'}) · [:HOLDS_STAKE {percent: 43.0}] · <(:A)-[:T]->(:B)>
//   date('2023-01-28')
// Floats always show a `.` or an exponent so that they never read back as integers. Element
// ids are left out: two runs that build the same graph print the same text.

extension Value {
    public struct LiteralStyle: Sendable {
        /// Print map and property keys in sorted order (the `.cyt` convention) rather than
        /// insertion order.
        public var sortKeys: Bool
        /// Print temporals as `date('…')` rather than as the bare ISO text.
        public var temporalConstructors: Bool

        public init(sortKeys: Bool = false, temporalConstructors: Bool = true) {
            self.sortKeys = sortKeys
            self.temporalConstructors = temporalConstructors
        }

        public static let plain = LiteralStyle()
        public static let sorted = LiteralStyle(sortKeys: true)
    }

    /// The value as a Cypher literal.
    public func literal(_ style: LiteralStyle = .plain) -> String {
        var out = ""
        writeLiteral(to: &out, style)
        return out
    }

    public func writeLiteral(to out: inout String, _ style: LiteralStyle) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += formatDouble(d)
        case .string(let s): out += quoteCypherString(s)
        case .list(let l):
            out += "["
            for (i, v) in l.enumerated() {
                if i > 0 { out += ", " }
                v.writeLiteral(to: &out, style)
            }
            out += "]"
        case .map(let m): writeMap(m, to: &out, style)
        case .node(let n): writeNode(n, to: &out, style)
        case .relationship(let r): writeRelationship(r, to: &out, style)
        case .path(let p):
            out += "<"
            for (i, n) in p.nodes.enumerated() {
                writeNode(n, to: &out, style)
                guard i < p.relationships.count else { break }
                let r = p.relationships[i]
                let forward = r.start == n.id
                out += forward ? "-" : "<-"
                writeRelationship(r, to: &out, style)
                out += forward ? "->" : "-"
            }
            out += ">"
        case .temporal(let t):
            if style.temporalConstructors {
                out += "\(t.constructorName)('\(t.isoString)')"
            } else {
                out += t.isoString
            }
        }
    }
}

func writeMap(_ m: ValueMap, to out: inout String, _ style: Value.LiteralStyle) {
    out += "{"
    let keys = style.sortKeys ? m.keys.sorted(by: { compareStrings($0, $1) < 0 }) : Array(m.keys)
    for (i, k) in keys.enumerated() {
        if i > 0 { out += ", " }
        out += quoteIdentifierIfNeeded(k)
        out += ": "
        (m[k] ?? .null).writeLiteral(to: &out, style)
    }
    out += "}"
}

func writeNode(_ n: Node, to out: inout String, _ style: Value.LiteralStyle) {
    out += "("
    for l in n.labels { out += ":" + quoteIdentifierIfNeeded(l) }
    if !n.properties.isEmpty {
        if !n.labels.isEmpty { out += " " }
        writeMap(n.properties, to: &out, style)
    }
    out += ")"
}

func writeRelationship(_ r: Relationship, to out: inout String, _ style: Value.LiteralStyle) {
    out += "[:" + quoteIdentifierIfNeeded(r.type)
    if !r.properties.isEmpty {
        out += " "
        writeMap(r.properties, to: &out, style)
    }
    out += "]"
}

/// Shortest round-tripping decimal, always with a `.` or exponent; NaN and the infinities by
/// name.
public func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    let s = "\(d)"
    if s.contains(".") || s.contains("e") || s.contains("E") { return s }
    return s + ".0"
}

/// A single-quoted Cypher string literal with the escapes the lexer reads back.
public func quoteCypherString(_ s: String) -> String {
    var out = "'"
    for ch in s.unicodeScalars {
        switch ch {
        case "\\": out += "\\\\"
        case "'": out += "\\'"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if ch.value < 0x20 {
                let hex = String(ch.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(ch)
            }
        }
    }
    return out + "'"
}

/// An identifier as written in Cypher: bare when it is a plain name, else in back-quotes.
public func quoteIdentifierIfNeeded(_ name: String) -> String {
    if isPlainIdentifier(name) { return name }
    // Scalar by scalar: a back-quote followed by a combining mark is one Character, but the
    // lexer reads the back-quote alone.
    var out = "`"
    for ch in name.unicodeScalars {
        if ch == "`" { out += "``" } else { out.unicodeScalars.append(ch) }
    }
    return out + "`"
}

public func isPlainIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    guard first == "_" || first.properties.isAlphabetic else { return false }
    return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
}
