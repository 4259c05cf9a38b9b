// Plans: a pipeline of operators, each turning a batch of rows into the next.
//
// openCypher defines a query clause by clause: each clause sees the complete effect of the ones
// before it (a MATCH after a CREATE sees the created nodes). Running each operator over the full
// batch of its input rows gives exactly those semantics without eager barriers. EXPLAIN prints
// one line per operator; PROFILE adds the rows each produced and the time it took.

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
        var rows = input
        for (i, op) in operators.enumerated() {
            try ctx.checkNow()
            if profile != nil {
                let start = DispatchTime.now().uptimeNanoseconds
                rows = try op.execute(rows, ctx)
                profile?[i].rows += rows.count
                profile?[i].nanoseconds += DispatchTime.now().uptimeNanoseconds - start
            } else {
                rows = try op.execute(rows, ctx)
            }
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
