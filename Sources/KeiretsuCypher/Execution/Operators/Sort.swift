// ORDER BY, SKIP and LIMIT.
//
// Sorting uses the ORDER BY total order (`Value.orderCompare`) and is stable, so rows that tie
// keep their input order. SKIP and LIMIT take a non-negative integer computed once, from
// literals and parameters only.

import KeiretsuGraph

final class SortOperator: PlanOperator {
    let items: [(expression: Expr, ascending: Bool)]
    /// When followed by LIMIT, only the first `limit` rows are needed.
    var limit: Expr?

    init(items: [(expression: Expr, ascending: Bool)]) { self.items = items }

    override var name: String { "Sort" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var keyed: [(keys: [Value], index: Int)] = []
        keyed.reserveCapacity(input.count)
        for (i, row) in input.enumerated() {
            try ctx.check()
            var keys: [Value] = []
            for item in items { keys.append(try ctx.eval(item.expression, row)) }
            keyed.append((keys, i))
        }
        let directions = items.map(\.ascending)
        keyed.sort { a, b in
            for (i, ascending) in directions.enumerated() {
                let c = Value.orderCompare(a.keys[i], b.keys[i])
                if c != 0 { return ascending ? c < 0 : c > 0 }
            }
            return a.index < b.index
        }
        return keyed.map { input[$0.index] }
    }
}

/// Evaluates a SKIP or LIMIT argument.
func rowCount(_ e: Expr, _ ctx: ExecutionContext, clause: String) throws -> Int {
    let v = try ctx.eval(e, ctx.emptyRow)
    switch v {
    case .int(let n):
        guard n >= 0 else {
            throw CypherError(.syntaxError, "NegativeIntegerArgument", "\(clause) must not be negative, got \(n)",
                              offset: e.offset, length: e.length, phase: .runtime)
        }
        return Int(clamping: n)
    case .float(let d) where d == d.rounded() && d >= 0 && d < 9.2e18:
        throw CypherError(.syntaxError, "InvalidArgumentType", "\(clause) must be an integer, got a float",
                          offset: e.offset, length: e.length, phase: .runtime)
    default:
        throw CypherError(.syntaxError, "InvalidArgumentType", "\(clause) must be an integer, got \(v.typeName)",
                          offset: e.offset, length: e.length, phase: .runtime)
    }
}

final class SkipOperator: PlanOperator {
    let count: Expr
    init(_ count: Expr) { self.count = count }
    override var name: String { "Skip" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        let n = try rowCount(count, ctx, clause: "SKIP")
        return n >= input.count ? [] : Array(input[n...])
    }
}

final class LimitOperator: PlanOperator {
    let count: Expr
    init(_ count: Expr) { self.count = count }
    override var name: String { "Limit" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        let n = try rowCount(count, ctx, clause: "LIMIT")
        return n >= input.count ? input : Array(input[..<n])
    }
}
