// CALL { subquery } and CALL procedure(…) YIELD ….

import Foundation

import KeiretsuGraph

/// Runs the subquery once per input row. A returning subquery joins each of its result rows to
/// the input row (only its returned columns are taken from it); a unit subquery (no RETURN)
/// passes the input row through.
final class SubqueryOperator: PlanOperator {
    let body: SubqueryPlan

    init(_ body: SubqueryPlan) { self.body = body }

    override var name: String { "CallSubquery" }
    override var children: [Plan] { body.plans }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input {
            let results = try body.run(row, ctx)
            guard let returned = body.returnedSlots else {
                out.append(row)
                continue
            }
            for r in results {
                var joined = row
                for s in returned { joined[s] = r[s] }
                out.append(joined)
            }
        }
        return out
    }
}

/// The parts of a (possibly UNION-ed) query, each a plan, with the slots of its columns.
final class SubqueryPlan {
    var plans: [Plan]
    /// Column slots of each part, in column order.
    var columnSlots: [[Int]]
    var unionAll: [Bool]
    /// The slots the query returns (those of its first part), or nil for a unit query.
    var returnedSlots: [Int]?

    init(plans: [Plan], columnSlots: [[Int]], unionAll: [Bool], returns: Bool) {
        self.plans = plans
        self.columnSlots = columnSlots
        self.unionAll = unionAll
        self.returnedSlots = returns ? columnSlots.first : nil
    }

    /// Runs every part from `row` and combines them: UNION ALL concatenates, UNION also removes
    /// duplicate rows. Rows from later parts are moved into the first part's column slots.
    func run(_ row: Row, _ ctx: ExecutionContext) throws -> [Row] {
        guard plans.count > 1, let first = columnSlots.first else {
            return try plans.first?.run([row], ctx) ?? []
        }
        var out: [Row] = []
        for (i, plan) in plans.enumerated() {
            let rows = try plan.run([row], ctx)
            for r in rows {
                var moved = row
                for (c, s) in columnSlots[i].enumerated() where c < first.count { moved[first[c]] = r[s] }
                out.append(moved)
            }
        }
        if unionAll.contains(false) {
            var seen = Set<[Value]>()
            out = out.filter { r in seen.insert(first.map { r[$0] }).inserted }
        }
        return out
    }
}

final class ProcedureCallOperator: PlanOperator {
    let procedure: Procedure
    let arguments: [Expr]
    /// (output index, slot) for each yielded field.
    let yields: [(index: Int, slot: Int)]
    /// A standalone call's rows are its results; an in-query call of a procedure without
    /// outputs passes its input rows through.
    let standalone: Bool

    init(procedure: Procedure, arguments: [Expr], yields: [(index: Int, slot: Int)], standalone: Bool) {
        self.procedure = procedure
        self.arguments = arguments
        self.yields = yields
        self.standalone = standalone
    }

    override var name: String { "ProcedureCall" }
    override var detail: String { procedure.signature.name }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input {
            var args: [Value] = []
            for (i, a) in arguments.enumerated() {
                let v = try ctx.eval(a, row)
                if i < procedure.signature.inputs.count {
                    try checkProcedureArgument(v, type: procedure.signature.inputs[i].type, at: a)
                }
                args.append(v)
            }
            let results: [[Value]]
            do {
                results = try procedure.body(args, ctx.graph)
            } catch let e as CypherError {
                throw e
            } catch {
                throw CypherError(.procedureError, "ProcedureCallFailed", "\(procedure.signature.name) failed: \(error)", phase: .runtime)
            }
            if procedure.signature.outputs.isEmpty {
                if !standalone { out.append(row) }
                continue
            }
            for r in results {
                var extended = row
                for y in yields where y.index < r.count { extended[y.slot] = r[y.index] }
                out.append(extended)
            }
        }
        return out
    }

    func checkProcedureArgument(_ v: Value, type: String, at e: Expr) throws {
        let t = type.uppercased().replacingOccurrences(of: "?", with: "").trimmingCharacters(in: .whitespaces)
        let ok: Bool
        switch (t, v) {
        case (_, .null): ok = true
        case ("ANY", _): ok = true
        case ("STRING", .string), ("BOOLEAN", .bool), ("INTEGER", .int), ("FLOAT", .float), ("FLOAT", .int),
             ("NUMBER", .int), ("NUMBER", .float), ("MAP", .map), ("NODE", .node), ("RELATIONSHIP", .relationship),
             ("PATH", .path):
            ok = true
        case (let s, .list) where s.hasPrefix("LIST"): ok = true
        default: ok = false
        }
        if !ok {
            throw CypherError(.syntaxError, "InvalidArgumentType", "expected \(type) for procedure argument, got \(v.typeName)",
                              offset: e.offset, phase: .compileTime)
        }
    }
}
