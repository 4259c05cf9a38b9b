// Binding CALL procedure(…) [YIELD …] and the built-in catalogue procedures.

import KeiretsuGraph

extension Binder {
    /// The built-in procedures: the graph's catalogue.
    static let builtinProcedures: [String: Procedure] = {
        func listing(_ name: String, _ field: String, _ read: @escaping @Sendable (any GraphStore) -> [String]) -> Procedure {
            Procedure(signature: ProcedureSignature(name: name, inputs: [], outputs: [.init(name: field, type: "STRING?")])) { _, g in
                read(g).map { [.string($0)] }
            }
        }
        let all = [
            listing("db.labels", "label") { $0.labelsInUse() },
            listing("db.relationshipTypes", "relationshipType") { $0.relationshipTypesInUse() },
            listing("db.propertyKeys", "propertyKey") { $0.propertyKeysInUse() },
        ]
        var table: [String: Procedure] = [:]
        for p in all { table[p.signature.name.lowercased()] = p }
        return table
    }()

    mutating func bindProcedureCall(name: String, arguments: [Expr]?, yield: [YieldItem]?, yieldAll: Bool, predicate: Expr?,
                                    standalone: Bool, scope: inout Scope, offset: Int) throws -> ([PlanOperator], [(String, Int)]) {
        guard let procedure = procedures[name.lowercased()] ?? Binder.builtinProcedures[name.lowercased()] else {
            throw CypherError(.procedureError, "ProcedureNotFound", "there is no procedure named '\(name)'", offset: offset,
                              phase: .compileTime)
        }
        let signature = procedure.signature
        let args: [Expr]
        if let arguments {
            guard arguments.count == signature.inputs.count else {
                throw Binder.error("InvalidNumberOfArguments",
                                   "\(signature.name) takes \(signature.inputs.count) arguments, got \(arguments.count)", at: offset)
            }
            for a in arguments {
                if a.containsAggregate {
                    throw Binder.error("InvalidAggregation", "aggregation is not allowed in procedure arguments", at: a.offset)
                }
                try checkExpression(a, scope)
            }
            args = arguments
        } else {
            // Implicit arguments: parameters named like the inputs (standalone calls only).
            guard standalone else {
                throw Binder.error("InvalidArgumentPassingMode", "in-query procedure calls need explicit arguments", at: offset)
            }
            args = signature.inputs.map { Expr(.parameter($0.name), at: offset) }
            for a in args { try checkExpression(a, scope) }
        }
        if yieldAll && !standalone {
            throw Binder.error("UnexpectedSyntax", "YIELD * is only allowed in a standalone procedure call", at: offset)
        }
        var yields: [(index: Int, slot: Int)] = []
        var columns: [(String, Int)] = []
        if let yield {
            for item in yield {
                guard let index = signature.outputs.firstIndex(where: { $0.name == item.field }) else {
                    throw Binder.error("UndefinedVariable", "\(signature.name) has no output '\(item.field)'", at: item.offset)
                }
                let name = item.alias ?? item.field
                if scope.contains(name) {
                    throw Binder.error("VariableAlreadyBound", "variable '\(name)' is already defined", at: item.offset)
                }
                scope.add(name, .value)
                yields.append((index, slot(name)))
                columns.append((name, slot(name)))
            }
        } else if standalone || yieldAll {
            for (i, out) in signature.outputs.enumerated() {
                if scope.contains(out.name) && !standalone {
                    throw Binder.error("VariableAlreadyBound", "variable '\(out.name)' is already defined", at: offset)
                }
                scope.add(out.name, .value)
                yields.append((i, slot(out.name)))
                columns.append((out.name, slot(out.name)))
            }
        } else if !signature.outputs.isEmpty {
            throw Binder.error("UndefinedVariable", "an in-query call of \(signature.name) must YIELD its outputs", at: offset)
        }
        var ops: [PlanOperator] = [ProcedureCallOperator(procedure: procedure, arguments: args, yields: yields,
                                                                 standalone: standalone)]
        if let predicate {
            try checkExpression(predicate, scope)
            ops.append(FilterOperator(predicate))
        }
        return (ops, columns)
    }
}
