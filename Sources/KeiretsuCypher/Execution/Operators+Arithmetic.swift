// Arithmetic, concatenation and the string and list predicates, on values.
//
// Null rule: every operator here returns null when either operand is null.
// Integers are 64-bit and overflow is an error (ArgumentError.NumberOutOfRange is what Neo4j
// raises; the TCK does not pin a code). Integer division truncates toward zero; division or
// modulo of integers by zero is an error; floats follow IEEE (1.0 / 0 = Infinity).
// `+` also concatenates: string + string, a string with a number (the number printed as a
// literal), list + list, and list + element / element + list.

import Foundation
import KeiretsuGraph

enum Arithmetic {
    static func typeError(_ op: String, _ a: Value, _ b: Value) -> CypherError {
        CypherError(.typeError, "InvalidArgumentType",
                    "cannot apply '\(op)' to \(a.typeName) and \(b.typeName)", phase: .runtime)
    }

    static func overflow(_ op: String) -> CypherError {
        CypherError(.argumentError, "NumberOutOfRange", "integer overflow in '\(op)'", phase: .runtime)
    }

    static func add(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow("+") }
            return .int(r)
        case let (.int(x), .float(y)): return .float(Double(x) + y)
        case let (.float(x), .int(y)): return .float(x + Double(y))
        case let (.float(x), .float(y)): return .float(x + y)
        case let (.string(x), .string(y)): return .string(x + y)
        case let (.list(x), .list(y)): return .list(x + y)
        case let (.list(x), y): return .list(x + [y])
        case let (x, .list(y)): return .list([x] + y)
        case let (.string(x), .int(_)), let (.string(x), .float(_)):
            return .string(x + stringify(b))
        case let (.int(_), .string(y)), let (.float(_), .string(y)):
            return .string(stringify(a) + y)
        case let (.temporal(t), .temporal(.duration(d))): return .temporal(try TemporalArithmetic.add(t, d))
        case let (.temporal(.duration(d)), .temporal(t)): return .temporal(try TemporalArithmetic.add(t, d))
        default: throw typeError("+", a, b)
        }
    }

    static func subtract(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow("-") }
            return .int(r)
        case let (.int(x), .float(y)): return .float(Double(x) - y)
        case let (.float(x), .int(y)): return .float(x - Double(y))
        case let (.float(x), .float(y)): return .float(x - y)
        case let (.temporal(t), .temporal(.duration(d))): return .temporal(try TemporalArithmetic.add(t, try d.negated()))
        default: throw typeError("-", a, b)
        }
    }

    static func multiply(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow("*") }
            return .int(r)
        case let (.int(x), .float(y)): return .float(Double(x) * y)
        case let (.float(x), .int(y)): return .float(x * Double(y))
        case let (.float(x), .float(y)): return .float(x * y)
        case let (.temporal(.duration(d)), .int), let (.temporal(.duration(d)), .float):
            return try TemporalArithmetic.multiply(d, b)
        case let (.int, .temporal(.duration(d))), let (.float, .temporal(.duration(d))):
            return try TemporalArithmetic.multiply(d, a)
        default: throw typeError("*", a, b)
        }
    }

    static func divide(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            if y == 0 { throw CypherError(.argumentError, "DivisionByZero", "division by zero", phase: .runtime) }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw overflow("/") }
            return .int(r)
        case let (.int(x), .float(y)): return .float(Double(x) / y)
        case let (.float(x), .int(y)): return .float(x / Double(y))
        case let (.float(x), .float(y)): return .float(x / y)
        case let (.temporal(.duration(d)), .int), let (.temporal(.duration(d)), .float):
            return try TemporalArithmetic.divide(d, b)
        default: throw typeError("/", a, b)
        }
    }

    static func modulo(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            if y == 0 { throw CypherError(.argumentError, "DivisionByZero", "modulo by zero", phase: .runtime) }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { return .int(0) }
            return .int(r)
        case let (.int(x), .float(y)): return .float(Double(x).truncatingRemainder(dividingBy: y))
        case let (.float(x), .int(y)): return .float(x.truncatingRemainder(dividingBy: Double(y)))
        case let (.float(x), .float(y)): return .float(x.truncatingRemainder(dividingBy: y))
        default: throw typeError("%", a, b)
        }
    }

    /// `^` always yields a float, as in Neo4j.
    static func power(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        default:
            guard let x = a.doubleValue, let y = b.doubleValue else { throw typeError("^", a, b) }
            return .float(pow(x, y))
        }
    }

    static func negate(_ a: Value) throws -> Value {
        switch a {
        case .null: return .null
        case .int(let x):
            if x == Int64.min { throw overflow("-") }
            return .int(-x)
        case .float(let x): return .float(-x)
        case .temporal(.duration(let d)): return .temporal(.duration(try d.negated()))
        default:
            throw CypherError(.typeError, "InvalidArgumentType", "cannot negate \(a.typeName)", phase: .runtime)
        }
    }

    /// How `+` shows a number next to a string.
    static func stringify(_ v: Value) -> String {
        switch v {
        case .int(let i): return String(i)
        case .float(let d): return formatDouble(d)
        case .string(let s): return s
        default: return v.literal()
        }
    }

    // MARK: String predicates — null if either side is null or not a string.

    static func stringPredicate(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        guard case .string(let x) = a, case .string(let y) = b else { return .null }
        switch op {
        case .startsWith: return .bool(x.unicodeScalars.starts(with: y.unicodeScalars))
        case .endsWith: return .bool(x.unicodeScalars.reversed().starts(with: y.unicodeScalars.reversed()))
        default:
            if y.isEmpty { return .bool(true) }
            return .bool(containsScalars(x, y))
        }
    }

    static func containsScalars(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= h.count else { return false }
        var i = 0
        while i + n.count <= h.count {
            if h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
            i += 1
        }
        return false
    }

    /// `x IN list`: true if some element equals x; null if none does but some comparison was
    /// null; false otherwise.
    static func inList(_ x: Value, _ list: Value) throws -> Value {
        switch list {
        case .null: return .null
        case .list(let items):
            var sawNull = false
            for item in items {
                switch Value.cypherEquals(x, item) {
                case .some(true): return .bool(true)
                case .none: sawNull = true
                case .some(false): break
                }
            }
            return sawNull ? .null : .bool(false)
        default:
            throw CypherError(.typeError, "InvalidArgumentType", "IN expects a list, got \(list.typeName)", phase: .runtime)
        }
    }
}
