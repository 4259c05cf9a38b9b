// Expression evaluation over one row.
//
// Three-valued logic (openCypher 9, "Boolean operators"):
//
//   AND   | true  false null      OR    | true  false null      XOR   | true  false null
//   true  | true  false null      true  | true  true  true      true  | false true  null
//   false | false false false     false | true  false null      false | true  false null
//   null  | null  false null      null  | true  null  null      null  | null  null  null
//
// Aggregate calls never reach this evaluator: the binder replaces each with a hidden variable
// that the aggregation operator fills.

import Foundation
import KeiretsuGraph

extension ExecutionContext {
    func eval(_ e: Expr, _ row: Row) throws -> Value {
        do {
            return try evalUnlocated(e, row)
        } catch var error as CypherError where error.offset == nil {
            error.offset = e.offset
            error.length = e.length
            throw error
        }
    }

    private func evalUnlocated(_ e: Expr, _ row: Row) throws -> Value {
        switch e.kind {
        case .literal(let v):
            return v
        case .parameter(let name):
            guard let v = parameters[name] else {
                throw CypherError(.parameterMissing, "MissingParameter", "expected a parameter named $\(name)", phase: .runtime)
            }
            return v
        case .variable(let name):
            guard let s = slots[name] else { return .null }
            return row[s]
        case .property(let base, let key):
            return try property(of: try eval(base, row), key)
        case .subscript_(let base, let index):
            return try elementAt(try eval(base, row), try eval(index, row))
        case .slice(let base, let from, let to):
            return try slice(try eval(base, row), from.map { try eval($0, row) }, to.map { try eval($0, row) })
        case .hasLabels(let base, let labels):
            switch try eval(base, row) {
            case .null: return .null
            case .node(let n):
                let current = graph.nodeExists(n.id) ? graph.nodeLabels(n.id) : n.labels
                return .bool(labels.allSatisfy { current.contains($0) })
            case .relationship(let r):
                return .bool(labels.count == 1 && labels[0] == r.type)
            case let v:
                throw CypherError(.typeError, "InvalidArgumentType", "cannot test labels of \(v.typeName)", phase: .runtime)
            }
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try eval(item, row)) }
            return .list(out)
        case .map(let entries):
            var m = ValueMap()
            for (k, v) in entries { m[k] = try eval(v, row) }
            return .map(m)
        case .mapProjection(let base, let items):
            return try mapProjection(try eval(base, row), items, row)
        case .not(let inner):
            switch try eval(inner, row) {
            case .null: return .null
            case .bool(let b): return .bool(!b)
            case let v: throw booleanExpected(v)
            }
        case .negate(let inner):
            return try Arithmetic.negate(try eval(inner, row))
        case .unaryPlus(let inner):
            let v = try eval(inner, row)
            switch v {
            case .null, .int, .float: return v
            default: throw CypherError(.typeError, "InvalidArgumentType", "cannot apply unary '+' to \(v.typeName)", phase: .runtime)
            }
        case .binary(let op, let l, let r):
            return try binary(op, l, r, row)
        case .comparison(let first, let rest):
            var left = try eval(first, row)
            var result: Value = .bool(true)
            for (op, rightExpr) in rest {
                let right = try eval(rightExpr, row)
                let r = compare(op, left, right)
                result = and(result, r)
                if case .bool(false) = result { return result }
                left = right
            }
            return result
        case .isNull(let inner, let negated):
            let v = try eval(inner, row)
            return .bool(v.isNull != negated)
        case .function(let name, let distinct, let arguments):
            return try callFunction(name, distinct: distinct, arguments, row, at: e)
        case .countStar:
            throw CypherError(.syntaxError, "InvalidAggregation", "count(*) is not allowed here", phase: .compileTime)
        case .caseExpression(let subject, let alternatives, let otherwise):
            if let subject {
                let s = try eval(subject, row)
                for (when, then) in alternatives {
                    if Value.cypherEquals(s, try eval(when, row)) == true { return try eval(then, row) }
                }
            } else {
                for (when, then) in alternatives {
                    if case .bool(true) = try eval(when, row) { return try eval(then, row) }
                }
            }
            return try otherwise.map { try eval($0, row) } ?? .null
        case .listComprehension(let variable, let listExpr, let predicate, let projection):
            let list = try eval(listExpr, row)
            guard case .list(let items) = list else {
                if list.isNull { return .null }
                throw listExpected(list)
            }
            guard let s = slots[variable] else { return .null }
            var inner = row
            var out: [Value] = []
            for item in items {
                try check()
                inner[s] = item
                if let predicate, try eval(predicate, inner) != .bool(true) { continue }
                out.append(try projection.map { try eval($0, inner) } ?? item)
            }
            return .list(out)
        case .quantifier(let q, let variable, let listExpr, let predicate):
            return try quantifier(q, variable, listExpr, predicate, row)
        case .reduce(let accumulator, let initial, let variable, let listExpr, let body):
            let list = try eval(listExpr, row)
            guard case .list(let items) = list else {
                if list.isNull { return .null }
                throw listExpected(list)
            }
            guard let accSlot = slots[accumulator], let varSlot = slots[variable] else { return .null }
            var inner = row
            inner[accSlot] = try eval(initial, row)
            for item in items {
                try check()
                inner[varSlot] = item
                inner[accSlot] = try eval(body, inner)
            }
            return inner[accSlot]
        case .patternComprehension(_, _, let predicate, let projection):
            guard let compiled = compiledPatterns[e.offset] else { return .list([]) }
            var out: [Value] = []
            try compiled.matcher.forEachMatch(row, self) { matched in
                if let predicate, try self.eval(predicate, matched) != .bool(true) { return true }
                out.append(try self.eval(projection, matched))
                return true
            }
            return .list(out)
        case .patternPredicate:
            guard let compiled = compiledPatterns[e.offset] else { return .bool(false) }
            var found = false
            try compiled.matcher.forEachMatch(row, self) { _ in
                found = true
                return false
            }
            return .bool(found)
        case .existsSubquery:
            guard let plan = compiledSubqueries[e.offset] else { return .bool(false) }
            let rows = try plan.run([row], self, limit: 1)
            return .bool(!rows.isEmpty)
        }
    }

    func booleanExpected(_ v: Value) -> CypherError {
        CypherError(.typeError, "InvalidArgumentType", "expected a boolean, got \(v.typeName)", phase: .runtime)
    }

    func listExpected(_ v: Value) -> CypherError {
        CypherError(.typeError, "InvalidArgumentType", "expected a list, got \(v.typeName)", phase: .runtime)
    }

    // MARK: Boolean logic

    func toBool(_ v: Value) throws -> Bool? {
        switch v {
        case .null: return nil
        case .bool(let b): return b
        default: throw booleanExpected(v)
        }
    }

    func and(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.bool(false), _), (_, .bool(false)): return .bool(false)
        case (.bool(true), .bool(true)): return .bool(true)
        default: return .null
        }
    }

    func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ row: Row) throws -> Value {
        switch op {
        case .and:
            let a = try toBool(try eval(l, row))
            if a == false { return .bool(false) }
            let b = try toBool(try eval(r, row))
            if b == false { return .bool(false) }
            if a == nil || b == nil { return .null }
            return .bool(true)
        case .or:
            let a = try toBool(try eval(l, row))
            if a == true { return .bool(true) }
            let b = try toBool(try eval(r, row))
            if b == true { return .bool(true) }
            if a == nil || b == nil { return .null }
            return .bool(false)
        case .xor:
            guard let a = try toBool(try eval(l, row)), let b = try toBool(try eval(r, row)) else {
                return .null
            }
            return .bool(a != b)
        default:
            break
        }
        let a = try eval(l, row), b = try eval(r, row)
        switch op {
        case .add: return try Arithmetic.add(a, b)
        case .subtract: return try Arithmetic.subtract(a, b)
        case .multiply: return try Arithmetic.multiply(a, b)
        case .divide: return try Arithmetic.divide(a, b)
        case .modulo: return try Arithmetic.modulo(a, b)
        case .power: return try Arithmetic.power(a, b)
        case .startsWith, .endsWith, .contains: return Arithmetic.stringPredicate(op, a, b)
        case .in: return try Arithmetic.inList(a, b)
        case .regexMatch: return try regexMatch(a, b)
        case .and, .or, .xor: return .null
        }
    }

    func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Value {
        switch op {
        case .equal: return Value.cypherEquals(a, b).map(Value.bool) ?? .null
        case .notEqual: return Value.cypherEquals(a, b).map { .bool(!$0) } ?? .null
        default:
            // NaN is comparable with numbers, but no ordering relation holds for it.
            if (a.isNaNFloat && (b.doubleValue != nil)) || (b.isNaNFloat && (a.doubleValue != nil)) { return .bool(false) }
            guard let c = Value.cypherCompare(a, b) else { return .null }
            switch op {
            case .less: return .bool(c < 0)
            case .greater: return .bool(c > 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greaterOrEqual: return .bool(c >= 0)
            default: return .null
            }
        }
    }

    func regexMatch(_ a: Value, _ b: Value) throws -> Value {
        guard case .string(let text) = a, case .string(let pattern) = b else { return .null }
        let regex: NSRegularExpression
        if let cached = regexCache[pattern] {
            regex = cached
        } else {
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                throw CypherError(.argumentError, "InvalidArgumentValue", "invalid regular expression '\(pattern)'", phase: .runtime)
            }
            regexCache[pattern] = regex
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let m = regex.firstMatch(in: text, options: [.anchored], range: range) else { return .bool(false) }
        return .bool(m.range.location == 0 && m.range.length == range.length)
    }

    func quantifier(_ q: Quantifier, _ variable: String, _ listExpr: Expr, _ predicate: Expr?, _ row: Row) throws -> Value {
        let list = try eval(listExpr, row)
        guard case .list(let items) = list else {
            if list.isNull { return .null }
            throw listExpected(list)
        }
        guard let s = slots[variable] else { return .null }
        var inner = row
        var trues = 0, nulls = 0
        for item in items {
            try check()
            inner[s] = item
            let r: Bool?
            if let predicate { r = try toBool(try eval(predicate, inner)) } else { r = try toBool(item) }
            switch r {
            case .some(true):
                trues += 1
                if q == .any { return .bool(true) }
                if q == .none { return .bool(false) }
                if q == .single && trues > 1 { return .bool(false) }
            case .some(false):
                if q == .all { return .bool(false) }
            case .none:
                nulls += 1
            }
        }
        switch q {
        case .all: return nulls > 0 ? .null : .bool(true)
        case .any: return nulls > 0 ? .null : .bool(false)
        case .none: return nulls > 0 ? .null : .bool(true)
        case .single:
            if nulls > 0 { return trues <= 1 ? .null : .bool(false) }
            return .bool(trues == 1)
        }
    }
}

extension Value {
    var isNaNFloat: Bool {
        if case .float(let d) = self { return d.isNaN }
        return false
    }
}
