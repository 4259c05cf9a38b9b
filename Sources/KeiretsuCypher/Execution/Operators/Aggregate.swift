// Aggregation: group rows by the non-aggregate projection items, feed each group's
// aggregators, then compute the items that contain aggregates.
//
// The binder has replaced every aggregate call inside a projection item with a hidden variable;
// this operator fills those variables per group and then evaluates the rewritten items. With no
// grouping keys an empty input still yields one row (count(*) = 0, collect(x) = []). Groups come
// out in the order their first row arrived.

import KeiretsuGraph

struct AggregateCall {
    var function: AggregateFunction
    var arguments: [Expr]
    var distinct: Bool
    var slot: Int
    var text: String
}

final class AggregateOperator: PlanOperator {
    let keys: [(expression: Expr, slot: Int, name: String)]
    let aggregates: [AggregateCall]
    /// Items that contain aggregates, evaluated after the aggregates are known.
    let outputs: [(expression: Expr, slot: Int, name: String)]

    init(keys: [(expression: Expr, slot: Int, name: String)], aggregates: [AggregateCall],
         outputs: [(expression: Expr, slot: Int, name: String)]) {
        self.keys = keys
        self.aggregates = aggregates
        self.outputs = outputs
    }

    override var name: String { keys.isEmpty ? "Aggregate" : "GroupAggregate" }
    override var detail: String {
        (keys.map(\.name) + aggregates.map(\.text)).joined(separator: ", ")
    }

    func makeState() -> AggregationState { AggregationState(self) }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        let state = makeState()
        for row in input { try state.add(row, ctx) }
        return try state.finish(ctx)
    }
}

/// The groups of one aggregation while rows arrive (from a batch or a stream).
final class AggregationState {
    struct Group {
        var representative: Row
        var keyValues: [Value]
        var aggregators: [any Aggregator]
        var seen: [Set<[Value]>]
    }

    let op: AggregateOperator
    var groups: [Group] = []
    var index: [[Value]: Int] = [:]
    /// One grouping key (the common case) is looked up without wrapping it in an array.
    var singleKeyIndex: [Value: Int] = [:]
    var firstRow: Row?

    init(_ op: AggregateOperator) { self.op = op }

    func newGroup(_ row: Row, _ keyValues: [Value]) -> Group {
        Group(representative: row, keyValues: keyValues, aggregators: op.aggregates.map { $0.function.make() },
              seen: Array(repeating: [], count: op.aggregates.count))
    }

    func add(_ row: Row, _ ctx: ExecutionContext) throws {
        try ctx.check()
        var keyValues: [Value] = []
        keyValues.reserveCapacity(op.keys.count)
        for k in op.keys { keyValues.append(try ctx.eval(k.expression, row)) }
        let g: Int
        if op.keys.isEmpty {
            if groups.isEmpty { groups.append(newGroup(row, [])) }
            g = 0
        } else if op.keys.count == 1 {
            if let existing = singleKeyIndex[keyValues[0]] {
                g = existing
            } else {
                g = groups.count
                singleKeyIndex[keyValues[0]] = g
                groups.append(newGroup(row, keyValues))
            }
        } else if let existing = index[keyValues] {
            g = existing
        } else {
            g = groups.count
            index[keyValues] = g
            groups.append(newGroup(row, keyValues))
        }
        for (i, call) in op.aggregates.enumerated() {
            var args: [Value] = []
            for a in call.arguments { args.append(try ctx.eval(a, row)) }
            if call.distinct {
                if args.first?.isNull == true { continue }
                guard groups[g].seen[i].insert(args).inserted else { continue }
            }
            do {
                try groups[g].aggregators[i].add(args)
            } catch var error as CypherError where error.offset == nil {
                error.offset = call.arguments.first?.offset
                throw error
            }
        }
    }

    func finish(_ ctx: ExecutionContext) throws -> [Row] {
        if groups.isEmpty && op.keys.isEmpty {
            groups.append(newGroup(ctx.emptyRow, []))
        }
        var out: [Row] = []
        out.reserveCapacity(groups.count)
        for group in groups {
            var row = group.representative
            for (i, k) in op.keys.enumerated() { row[k.slot] = group.keyValues[i] }
            for (i, call) in op.aggregates.enumerated() { row[call.slot] = try group.aggregators[i].result() }
            var values: [Value] = []
            for o in op.outputs { values.append(try ctx.eval(o.expression, row)) }
            for (i, o) in op.outputs.enumerated() { row[o.slot] = values[i] }
            out.append(row)
        }
        return out
    }
}
