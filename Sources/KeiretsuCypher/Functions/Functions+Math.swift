// Numeric, logarithmic and trigonometric functions, and the random ones (openCypher 9,
// "Mathematical functions"; Neo4j Cypher manual, "Mathematical functions").
//
// Null and type rules (TCK Mathematical11/13, the rest as Neo4j documents them):
//
//   function                       null in   INTEGER in        FLOAT in          other in
//   abs(x)                         null      INTEGER (overflow FLOAT            TypeError
//                                            of abs(min) is an error)
//   sign(x)                        null      INTEGER -1/0/1    INTEGER -1/0/1    TypeError
//                                                              (NaN gives 0)
//   ceil, floor, sqrt, exp, log,   null      FLOAT             FLOAT             TypeError
//   log10, sin, cos, tan, cot,
//   asin, acos, atan, degrees,
//   radians, haversin
//   atan2(y, x)                    null if either is null; FLOAT; TypeError otherwise
//   isNaN(x)                       null      false             x is NaN          TypeError
//   e(), pi(), rand()              FLOAT (rand in [0, 1))
//   randomUUID()                   STRING, a version 4 UUID in lower-case hex
//
// Out-of-domain inputs follow IEEE 754 as Neo4j does, never an error: sqrt(-1) and log(-1) are
// NaN, log(0) is -Infinity, cot(0) is Infinity, asin(2) is NaN. round() lives in
// Functions+Rounding.swift.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KeiretsuGraph

let mathFunctions: [ScalarFunction] = [
    scalar("abs", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .int(let i):
            if i >= 0 { return .int(i) }
            let (negated, overflow) = Int64(0).subtractingReportingOverflow(i)
            if overflow { throw CypherError.integerOverflow("abs(\(i))") }
            return .int(negated)
        case .float(let d): return .float(Swift.abs(d))
        default: throw CypherError.invalidArgumentValue("abs", expected: "a number", got: args[0])
        }
    },
    scalar("sign", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .int(let i): return .int(i.signum())
        case .float(let d):
            if d.isNaN { return .int(0) }
            return .int(d > 0 ? 1 : (d < 0 ? -1 : 0))
        default: throw CypherError.invalidArgumentValue("sign", expected: "a number", got: args[0])
        }
    },
    scalar("isNaN", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .int: return .bool(false)
        case .float(let d): return .bool(d.isNaN)
        default: throw CypherError.invalidArgumentValue("isNaN", expected: "a number", got: args[0])
        }
    },
    unaryFloat("ceil") { $0.rounded(.up) },
    unaryFloat("floor") { $0.rounded(.down) },
    unaryFloat("sqrt") { $0.squareRoot() },
    unaryFloat("exp") { exp($0) },
    unaryFloat("log") { log($0) },
    unaryFloat("log10") { log10($0) },
    unaryFloat("sin") { sin($0) },
    unaryFloat("cos") { cos($0) },
    unaryFloat("tan") { tan($0) },
    unaryFloat("cot") { 1 / tan($0) },
    unaryFloat("asin") { asin($0) },
    unaryFloat("acos") { acos($0) },
    unaryFloat("atan") { atan($0) },
    unaryFloat("degrees") { $0 * 180 / Double.pi },
    unaryFloat("radians") { $0 * Double.pi / 180 },
    unaryFloat("haversin") { (1 - cos($0)) / 2 },
    scalar("atan2", arity: 2...2) { _, args in
        if args.anyNull { return .null }
        return .float(atan2(try args.number(0), try args.number(1)))
    },
    scalar("e", arity: 0...0) { _, _ in .float(M_E) },
    scalar("pi", arity: 0...0) { _, _ in .float(Double.pi) },
    scalar("rand", arity: 0...0) { _, _ in .float(Double.random(in: 0..<1)) },
    scalar("randomUUID", arity: 0...0) { _, _ in .string(randomUUIDString()) },
]

/// A one-argument function from a number to a FLOAT with the common null rule.
private func unaryFloat(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> ScalarFunction {
    scalar(name, arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .float(f(try args.number(0)))
    }
}

/// RFC 9562 version 4: 122 random bits, the version nibble 4 and the variant bits 10.
func randomUUIDString() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = Array("0123456789abcdef")
    var out = ""
    for (i, b) in bytes.enumerated() {
        if i == 4 || i == 6 || i == 8 || i == 10 { out += "-" }
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0x0F)])
    }
    return out
}
