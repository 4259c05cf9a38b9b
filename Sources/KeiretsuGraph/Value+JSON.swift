// The JSON encoding of values (DESIGN.md, "--format jsonl"), both ways.
//
//   null, booleans, strings         as themselves
//   integers                        JSON integers
//   floats                          always with `.` or an exponent; NaN and the infinities as
//                                   {"_kind":"float","value":"NaN"|"Infinity"|"-Infinity"}
//   lists, maps                     arrays, objects (map keys in insertion order)
//   nodes, relationships, paths     {"_kind":"node","id":…,"labels":[…],"properties":{…}} …
//   temporals                       {"_kind":"date","value":"2023-01-28"} (localtime, time,
//                                   localdatetime, datetime, duration likewise)
//
// The decoder reads the same text back (used for `--param k=v`): integer literals become
// integers, anything with a fraction or exponent becomes a float, and tagged objects become the
// values they tag. It is written here rather than borrowed from Foundation because
// JSONSerialization cannot tell `1` from `1.0`.

extension Value {
    /// The value as compact JSON text.
    public func json() -> String {
        var out = ""
        writeJSON(to: &out)
        return out
    }

    public func writeJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d):
            if d.isFinite {
                out += formatDouble(d)
            } else {
                out += #"{"_kind":"float","value":"\#(formatDouble(d))"}"#
            }
        case .string(let s): writeJSONString(s, to: &out)
        case .list(let l):
            out += "["
            for (i, v) in l.enumerated() {
                if i > 0 { out += "," }
                v.writeJSON(to: &out)
            }
            out += "]"
        case .map(let m): writeJSONObject(m, to: &out)
        case .node(let n):
            out += #"{"_kind":"node","id":\#(n.id),"labels":["#
            for (i, l) in n.labels.enumerated() {
                if i > 0 { out += "," }
                writeJSONString(l, to: &out)
            }
            out += #"],"properties":"#
            writeJSONObject(n.properties, to: &out)
            out += "}"
        case .relationship(let r):
            out += #"{"_kind":"relationship","id":\#(r.id),"type":"#
            writeJSONString(r.type, to: &out)
            out += #","start":\#(r.start),"end":\#(r.end),"properties":"#
            writeJSONObject(r.properties, to: &out)
            out += "}"
        case .path(let p):
            out += #"{"_kind":"path","nodes":["#
            for (i, n) in p.nodes.enumerated() {
                if i > 0 { out += "," }
                Value.node(n).writeJSON(to: &out)
            }
            out += #"],"relationships":["#
            for (i, r) in p.relationships.enumerated() {
                if i > 0 { out += "," }
                Value.relationship(r).writeJSON(to: &out)
            }
            out += "]}"
        case .temporal(let t):
            out += #"{"_kind":"\#(t.constructorName)","value":"\#(t.isoString)"}"#
        }
    }
}

public func writeJSONObject(_ m: ValueMap, to out: inout String) {
    out += "{"
    var first = true
    for (k, v) in m {
        if !first { out += "," }
        first = false
        writeJSONString(k, to: &out)
        out += ":"
        v.writeJSON(to: &out)
    }
    out += "}"
}

public func writeJSONString(_ s: String, to out: inout String) {
    out += "\""
    for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if ch.value < 0x20 || ch.value == 0x2028 || ch.value == 0x2029 {
                let hex = String(ch.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(ch)
            }
        }
    }
    out += "\""
}

// MARK: - Decoding

public struct JSONDecodeError: Error, Sendable, Equatable {
    /// Byte offset in the input where decoding failed.
    public var offset: Int
    public var message: String
}

extension Value {
    /// Parses JSON text in the value encoding above.
    public static func parseJSON(_ text: String) throws -> Value {
        var p = JSONParser(bytes: Array(text.utf8))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw JSONDecodeError(offset: p.i, message: "unexpected text after the value") }
        return v
    }
}

struct JSONParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    func fail(_ message: String) -> JSONDecodeError { JSONDecodeError(offset: i, message: message) }

    mutating func value(depth: Int) throws -> Value {
        guard depth < 512 else { throw fail("nesting too deep") }
        guard i < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw fail("unterminated array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "{"):
            i += 1
            var map = ValueMap()
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .map(map) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                skipSpace()
                map[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("unterminated object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw fail("expected ',' or '}'")
            }
            return Value.untag(map)
        default:
            return try number()
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw fail("invalid literal") }
        i += w.count
    }

    mutating func number() throws -> Value {
        let start = i
        var isFloat = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
        guard i > digitsStart else { i = start; throw fail("invalid value") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isFloat = true
            i += 1
            let fracStart = i
            while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
            guard i > fracStart else { throw fail("expected digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isFloat = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let expStart = i
            while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
            guard i > expStart else { throw fail("expected digits in exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if !isFloat, let n = Int64(text) { return .int(n) }
        guard let d = Double(text) else { throw fail("invalid number") }
        return .float(d)
    }

    mutating func string() throws -> String {
        i += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var run = i
        func flush(_ upTo: Int, into s: inout String.UnicodeScalarView) {
            if upTo > run { s.append(contentsOf: String(decoding: bytes[run..<upTo], as: UTF8.self).unicodeScalars) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                flush(i, into: &scalars)
                i += 1
                return String(scalars)
            }
            if b < 0x20 { throw fail("control character in string") }
            if b == UInt8(ascii: "\\") {
                flush(i, into: &scalars)
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                    scalars.append(s)
                default: throw fail("invalid escape")
                }
                run = i
                continue
            }
            i += 1
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw fail("invalid hex digit")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

extension Value {
    /// Turns a decoded `{"_kind": …}` object into the value it tags; other maps stay maps.
    static func untag(_ map: ValueMap) -> Value {
        guard case .string(let kind)? = map["_kind"], case .string(let text)? = map["value"], map.count == 2 else {
            return .map(map)
        }
        switch kind {
        case "float":
            switch text {
            case "NaN": return .float(.nan)
            case "Infinity": return .float(.infinity)
            case "-Infinity": return .float(-.infinity)
            default: return .map(map)
            }
        case "date":
            if let d = LocalDate.parse(text) { return .temporal(.date(d)) }
            return .map(map)
        default:
            if let t = Temporal.parseTagged(kind: kind, text: text) { return .temporal(t) }
            return .map(map)
        }
    }
}

extension Temporal {
    /// Reads the `value` of a `{"_kind": kind, "value": text}` object back into the temporal it
    /// tags (every kind: date, localtime, time, localdatetime, datetime, duration); nil when the
    /// kind is not temporal or the text is not a value of that kind.
    public static func parseTagged(kind: String, text: String) -> Temporal? {
        guard let k = TemporalKind(rawValue: kind) else { return nil }
        return try? Temporal.parse(text, as: k)
    }
}
