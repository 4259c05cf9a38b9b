// Type conversion functions (openCypher 9, "Scalar functions"; TCK TypeConversion1–4; Neo4j
// Cypher manual for the …OrNull variants).
//
//   input            toBoolean        toInteger          toFloat          toString
//   null             null             null               null             null
//   BOOLEAN          itself           1 / 0              error            'true' / 'false'
//   INTEGER          0 → false,       itself             exact widening   decimal digits
//                    else true
//   FLOAT            error            truncated toward   itself           shortest round-trip
//                                     zero; NaN, ±Inf,                    form ('2.3', '1.0',
//                                     out of range: error                 'NaN', 'Infinity')
//   STRING           'true'/'false'   parsed (below),    parsed (below),  itself
//                    ignoring case    else null          else null
//                    and surrounding
//                    whitespace, else
//                    null
//   temporal         error            error              error            ISO 8601 text
//   LIST, MAP, NODE, error            error              error            error
//   RELATIONSHIP,
//   PATH
//
// "error" is TypeError.InvalidArgumentValue (TCK), except a float toInteger cannot represent,
// which is ArgumentError.NumberOutOfRange. The …OrNull variants (toBooleanOrNull,
// toIntegerOrNull, toFloatOrNull, toStringOrNull) return null wherever the plain function
// raises; the …List functions (Functions+List.swift) apply them element-wise.
//
// Numeric strings, after trimming whitespace:
//   toInteger: an optional sign and decimal digits that fit in 64 bits ('42', '-7', '+3'), else
//              the toFloat reading truncated ('2.9' → 2, '1e3' → 1000), else null;
//   toFloat:   [+-] digits [. digits] [e [+-] digits] (also '.5' and '5.'), or Java's spellings
//              'NaN', 'Infinity', '+Infinity', '-Infinity'; anything else (hex, 'inf',
//              '1_000') is null. Exponents too large give ±Infinity, as in Java.

import KeiretsuGraph

let conversionFunctions: [ScalarFunction] = [
    scalar("toBoolean", arity: 1...1) { _, args in
        guard let v = convertToBoolean(args[0]) else {
            throw CypherError.invalidArgumentValue("toBoolean", expected: "a BOOLEAN, STRING or INTEGER", got: args[0])
        }
        return v
    },
    scalar("toInteger", arity: 1...1) { _, args in
        if case .float(let d) = args[0], integerFromDouble(d) == nil {
            throw CypherError.numberOutOfRange("toInteger", "\(formatDouble(d)) cannot be represented as an INTEGER")
        }
        guard let v = convertToInteger(args[0]) else {
            throw CypherError.invalidArgumentValue("toInteger", expected: "a BOOLEAN, STRING, INTEGER or FLOAT", got: args[0])
        }
        return v
    },
    scalar("toFloat", arity: 1...1) { _, args in
        guard let v = convertToFloat(args[0]) else {
            throw CypherError.invalidArgumentValue("toFloat", expected: "a STRING, INTEGER or FLOAT", got: args[0])
        }
        return v
    },
    scalar("toString", arity: 1...1) { _, args in
        guard let v = convertToString(args[0]) else {
            throw CypherError.invalidArgumentValue(
                "toString", expected: "a STRING, number, BOOLEAN or temporal value", got: args[0])
        }
        return v
    },
    scalar("toBooleanOrNull", arity: 1...1) { _, args in toBooleanOrNull(args[0]) },
    scalar("toIntegerOrNull", arity: 1...1) { _, args in toIntegerOrNull(args[0]) },
    scalar("toFloatOrNull", arity: 1...1) { _, args in toFloatOrNull(args[0]) },
    scalar("toStringOrNull", arity: 1...1) { _, args in toStringOrNull(args[0]) },
]

// Each conversion returns nil when the input's *type* is not accepted (the plain function then
// raises, the OrNull variant gives null) and `.null` when the type is accepted but the value
// does not convert ('foo' to a number).

func convertToBoolean(_ v: Value) -> Value? {
    switch v {
    case .null: return .null
    case .bool: return v
    case .int(let i): return .bool(i != 0)
    case .string(let s):
        switch trimScalars(s, leading: true, trailing: true, where: isUnicodeWhitespace).lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .null
        }
    default: return nil
    }
}

func convertToInteger(_ v: Value) -> Value? {
    switch v {
    case .null: return .null
    case .int: return v
    case .bool(let b): return .int(b ? 1 : 0)
    case .float(let d): return integerFromDouble(d).map { .int($0) } ?? .null
    case .string(let s): return parseIntegerText(s).map { .int($0) } ?? .null
    default: return nil
    }
}

func convertToFloat(_ v: Value) -> Value? {
    switch v {
    case .null: return .null
    case .float: return v
    case .int(let i): return .float(Double(i))
    case .string(let s): return parseFloatText(s).map { .float($0) } ?? .null
    default: return nil
    }
}

func convertToString(_ v: Value) -> Value? {
    switch v {
    case .null: return .null
    case .string: return v
    case .bool(let b): return .string(b ? "true" : "false")
    case .int(let i): return .string(String(i))
    case .float(let d): return .string(formatDouble(d))
    case .temporal(let t): return .string(t.isoString)
    default: return nil
    }
}

@Sendable func toBooleanOrNull(_ v: Value) -> Value { convertToBoolean(v) ?? .null }
@Sendable func toIntegerOrNull(_ v: Value) -> Value { convertToInteger(v) ?? .null }
@Sendable func toFloatOrNull(_ v: Value) -> Value { convertToFloat(v) ?? .null }
@Sendable func toStringOrNull(_ v: Value) -> Value { convertToString(v) ?? .null }

/// `d` truncated toward zero, when the result fits in Int64.
func integerFromDouble(_ d: Double) -> Int64? {
    guard d.isFinite else { return nil }
    let t = d.rounded(.towardZero)
    // 2^63 is exactly representable; every double below it in magnitude converts safely.
    guard t >= -9_223_372_036_854_775_808.0 && t < 9_223_372_036_854_775_808.0 else { return nil }
    return Int64(t)
}

func parseIntegerText(_ text: String) -> Int64? {
    let s = trimScalars(text, leading: true, trailing: true, where: isUnicodeWhitespace)
    if isDecimalInteger(s), let i = Int64(s) { return i }
    guard let d = parseFloatText(s) else { return nil }
    return integerFromDouble(d)
}

func parseFloatText(_ text: String) -> Double? {
    let s = trimScalars(text, leading: true, trailing: true, where: isUnicodeWhitespace)
    switch s {
    case "NaN": return .nan
    case "Infinity", "+Infinity": return .infinity
    case "-Infinity": return -.infinity
    default: break
    }
    guard isDecimalFloat(s) else { return nil }
    return Double(s)
}

/// [+-] digits
private func isDecimalInteger(_ s: String) -> Bool {
    var scalars = Substring(s).unicodeScalars[...]
    if let f = scalars.first, f == "+" || f == "-" { scalars = scalars.dropFirst() }
    return !scalars.isEmpty && scalars.allSatisfy(isDigit)
}

/// [+-] (digits [. digits?] | . digits) ([eE] [+-] digits)?
private func isDecimalFloat(_ s: String) -> Bool {
    let c = Array(s.unicodeScalars)
    var i = 0
    if i < c.count && (c[i] == "+" || c[i] == "-") { i += 1 }
    var mantissaDigits = 0
    while i < c.count && isDigit(c[i]) { i += 1; mantissaDigits += 1 }
    if i < c.count && c[i] == "." {
        i += 1
        while i < c.count && isDigit(c[i]) { i += 1; mantissaDigits += 1 }
    }
    if mantissaDigits == 0 { return false }
    if i < c.count && (c[i] == "e" || c[i] == "E") {
        i += 1
        if i < c.count && (c[i] == "+" || c[i] == "-") { i += 1 }
        var exponentDigits = 0
        while i < c.count && isDigit(c[i]) { i += 1; exponentDigits += 1 }
        if exponentDigits == 0 { return false }
    }
    return i == c.count
}

private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
