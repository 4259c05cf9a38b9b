// Engine: runs one statement against a Database — parse, bind, plan, execute — inside one
// store transaction that commits on success and rolls back on any error.

import KeiretsuGraph

struct Engine {
    let database: Database
    let parameters: [String: Value]
    let options: ExecutionOptions

    func run(_ text: String) throws -> QueryResult {
        let statement = try Parser.parse(text)
        let graph = database.graph
        // Inside a caller's transaction, a savepoint lets this statement fail alone.
        let ownsTransaction = !graph.inTransaction
        if ownsTransaction { graph.beginTransaction() }
        let savepoint = graph.savepoint()
        do {
            let result = try execute(statement, graph)
            if ownsTransaction { graph.commitTransaction() }
            return result
        } catch {
            if ownsTransaction { graph.rollbackTransaction() } else { graph.rollback(to: savepoint) }
            if let e = error as? CypherError { throw e }
            if let e = error as? GraphStoreError { throw e.cypherError }
            throw CypherError(.databaseError, "Internal", "\(error)", phase: .runtime)
        }
    }

    func execute(_ statement: Statement, _ graph: MemoryGraph) throws -> QueryResult {
        switch statement {
        case .schema(let command, let offset):
            return try SchemaCommands.run(command, graph, at: offset)
        case .query(let query, let mode):
            var binder = Binder(procedures: database.procedures, parameterNames: Set(parameters.keys))
            let bound = try binder.bindStatement(query)
            let ctx = ExecutionContext(graph: graph, parameters: parameters, procedures: database.procedures,
                                       slots: bound.slots, options: options)
            ctx.compiledPatterns = bound.compiledPatterns
            ctx.compiledSubqueries = bound.compiledSubqueries
            if mode == .explain {
                return QueryResult(columns: bound.columns, rows: [], plan: describe(bound.query))
            }
            if mode == .profile { for p in bound.query.plans { p.enableProfiling() } }
            try ctx.checkNow()
            let rows = try bound.query.run(ctx.emptyRow, ctx)
            // A query without RETURN produces no rows, only its side effects.
            let output: [[Value]]
            if let slots = bound.query.returnedSlots {
                output = rows.map { row in slots.map { ctx.refreshed(row[$0]) } }
            } else {
                output = []
            }
            return QueryResult(columns: bound.columns, rows: output, stats: ctx.stats,
                               plan: mode == .profile ? describe(bound.query) : nil)
        }
    }

    func describe(_ query: SubqueryPlan) -> String {
        var lines: [String] = []
        for (i, plan) in query.plans.enumerated() {
            if i > 0 { lines.append(query.unionAll[i - 1] ? "UnionAll" : "Union") }
            lines += plan.describe()
        }
        return lines.joined(separator: "\n")
    }
}

/// CREATE INDEX, CREATE CONSTRAINT, DROP …, SHOW INDEXES.
enum SchemaCommands {
    static func run(_ command: SchemaCommand, _ graph: MemoryGraph, at offset: Int) throws -> QueryResult {
        func fail(_ error: GraphStoreError) -> CypherError {
            var e = error.cypherError
            e.offset = offset
            return e
        }
        do {
            switch command {
            case .createIndex(let name, let label, let properties, let ifNotExists):
                let indexName = name ?? "index_\(label)_\(properties.joined(separator: "_"))"
                if graph.indexes.contains(where: { $0.name == indexName || ($0.label == label && $0.properties == properties && !$0.unique) }) {
                    if ifNotExists { return QueryResult(columns: [], rows: []) }
                    throw GraphStoreError.indexExists(indexName)
                }
                try graph.createIndex(IndexDescriptor(name: indexName, label: label, properties: properties, unique: false))
            case .createUniqueConstraint(let name, let label, let property, let ifNotExists):
                let constraintName = name ?? "constraint_\(label)_\(property)"
                if graph.indexes.contains(where: { $0.name == constraintName }) {
                    if ifNotExists { return QueryResult(columns: [], rows: []) }
                    throw GraphStoreError.indexExists(constraintName)
                }
                try graph.createIndex(IndexDescriptor(name: constraintName, label: label, properties: [property], unique: true))
            case .dropIndex(let name, let ifExists), .dropConstraint(let name, let ifExists):
                if ifExists && !graph.indexes.contains(where: { $0.name == name }) { return QueryResult(columns: [], rows: []) }
                try graph.dropIndex(named: name)
            case .showIndexes, .showConstraints:
                let unique: Bool
                if case .showConstraints = command { unique = true } else { unique = false }
                let rows: [[Value]] = graph.indexes.filter { !unique || $0.unique }.map { index in
                    [.string(index.name), .string(index.unique ? "UNIQUENESS" : "RANGE"), .string("NODE"),
                     .list([.string(index.label)]), .list(index.properties.map(Value.string))]
                }
                return QueryResult(columns: ["name", "type", "entityType", "labelsOrTypes", "properties"], rows: rows)
            }
        } catch let e as GraphStoreError {
            throw fail(e)
        }
        return QueryResult(columns: [], rows: [])
    }
}
