// Plans: a pipeline of operators, each turning a batch of rows into the next.
//
// openCypher defines a query clause by clause: each clause sees the complete effect of the ones
// before it (a MATCH after a CREATE sees the created nodes). Running each operator over the full
// batch of its input rows gives exactly those semantics without eager barriers.
//
// Row-local operators (MATCH, WHERE, UNWIND, projections) also *stream*: a run of them pushes
// each row straight through to the next batch operator, so `MATCH … RETURN count(*)` never
// materialises its matches, and a LIMIT right after a streaming run stops the search early.
// Updating clauses never stream: they must see their whole input before they change the graph.
//
// EXPLAIN prints one line per operator; PROFILE runs every operator as a batch and adds the
// rows each produced and the time it took.

import Foundation
import KeiretsuGraph

class PlanOperator {
    /// Operator name as EXPLAIN prints it (`NodeByLabelScan`, `Expand`, `Projection` …).
    var name: String { String(describing: type(of: self)) }
    /// One-line details: variables, labels, expressions.
    var detail: String { "" }
    /// Nested plans (FOREACH bodies, subqueries) for EXPLAIN.
    var children: [Plan] { [] }

    func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] { input }

    /// Whether `stream` is implemented.
    var streams: Bool { false }

    /// Produces the output rows for one input row, handing each to `emit`; returns false as
    /// soon as `emit` does (the consumer needs no more rows).
    func stream(_ row: Row, _ ctx: ExecutionContext, _ emit: (Row) throws -> Bool) throws -> Bool {
        for r in try execute([row], ctx) where !(try emit(r)) { return false }
        return true
    }
}

struct OperatorProfile {
    var rows = 0
    var nanoseconds: UInt64 = 0
}

final class Plan {
    var operators: [PlanOperator]
    /// Filled when the statement runs under PROFILE.
    var profile: [OperatorProfile]?

    init(_ operators: [PlanOperator]) {
        self.operators = operators
    }

    func run(_ input: [Row], _ ctx: ExecutionContext, limit: Int? = nil) throws -> [Row] {
        if profile != nil { return try runProfiled(input, ctx, limit: limit) }
        var rows = input
        var i = 0
        while i < operators.count {
            try ctx.checkNow()
            guard operators[i].streams else {
                rows = try operators[i].execute(rows, ctx)
                i += 1
                continue
            }
            var j = i
            while j < operators.count && operators[j].streams { j += 1 }
            let segment = Array(operators[i..<j])
            if j < operators.count, let aggregate = operators[j] as? AggregateOperator {
                let state = aggregate.makeState()
                try push(rows, through: segment, ctx) { row in
                    try state.add(row, ctx)
                    return true
                }
                rows = try state.finish(ctx)
                j += 1
            } else {
                var cap = Int.max
                if j < operators.count, let limitOperator = operators[j] as? LimitOperator {
                    cap = try rowCount(limitOperator.count, ctx, clause: "LIMIT")
                    j += 1
                } else if j == operators.count, let limit {
                    cap = limit
                }
                var out: [Row] = []
                if cap > 0 {
                    try push(rows, through: segment, ctx) { row in
                        out.append(row)
                        return out.count < cap
                    }
                }
                rows = out
            }
            i = j
        }
        if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
        return rows
    }

    /// Pushes each row through a run of streaming operators into `sink`.
    func push(_ rows: [Row], through segment: [PlanOperator], _ ctx: ExecutionContext,
              _ sink: (Row) throws -> Bool) throws {
        func step(_ row: Row, _ k: Int) throws -> Bool {
            if k == segment.count { return try sink(row) }
            return try segment[k].stream(row, ctx) { try step($0, k + 1) }
        }
        for row in rows where !(try step(row, 0)) { return }
    }

    func runProfiled(_ input: [Row], _ ctx: ExecutionContext, limit: Int?) throws -> [Row] {
        var rows = input
        for (i, op) in operators.enumerated() {
            try ctx.checkNow()
            let start = DispatchTime.now().uptimeNanoseconds
            rows = try op.execute(rows, ctx)
            profile?[i].rows += rows.count
            profile?[i].nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        }
        if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
        return rows
    }

    func enableProfiling() {
        profile = Array(repeating: OperatorProfile(), count: operators.count)
        for op in operators { for c in op.children { c.enableProfiling() } }
    }

    /// One line per operator, nested plans indented.
    func describe(indent: Int = 0) -> [String] {
        var lines: [String] = []
        for (i, op) in operators.enumerated() {
            var line = String(repeating: "  ", count: indent) + op.name
            if !op.detail.isEmpty { line += " " + op.detail }
            if let p = profile?[i] {
                line += String(format: "  (rows=%d, time=%.3f ms)", p.rows, Double(p.nanoseconds) / 1_000_000)
            }
            lines.append(line)
            for c in op.children { lines += c.describe(indent: indent + 1) }
        }
        return lines
    }
}
