// WITH and RETURN without aggregation: compute the projected expressions into their slots, and
// DISTINCT over the projected slots.

import KeiretsuGraph

final class ProjectOperator: PlanOperator {
    let items: [(expression: Expr, slot: Int, name: String)]

    init(items: [(expression: Expr, slot: Int, name: String)]) { self.items = items }

    override var name: String { "Projection" }
    override var detail: String { items.map(\.name).joined(separator: ", ") }
    override var streams: Bool { true }

    override func stream(_ row: Row, _ ctx: ExecutionContext, _ emit: (Row) throws -> Bool) throws -> Bool {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try ctx.eval(item.expression, row)) }
        var r = row
        for (i, item) in items.enumerated() { r[item.slot] = values[i] }
        return try emit(r)
    }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        out.reserveCapacity(input.count)
        var values: [Value] = Array(repeating: .null, count: items.count)
        for var row in input {
            try ctx.check()
            // Evaluate everything first: `WITH b AS a, a AS b` swaps.
            for (i, item) in items.enumerated() { values[i] = try ctx.eval(item.expression, row) }
            for (i, item) in items.enumerated() { row[item.slot] = values[i] }
            out.append(row)
        }
        return out
    }
}

final class DistinctOperator: PlanOperator {
    let slots: [Int]

    init(slots: [Int]) { self.slots = slots }

    override var name: String { "Distinct" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var seen = Set<[Value]>()
        var out: [Row] = []
        for row in input {
            try ctx.check()
            let key = slots.map { row[$0] }
            if seen.insert(key).inserted { out.append(row) }
        }
        return out
    }
}
