// Database: the façade every front end uses (CLI, REPL, saved-query runner, TCK runner, ingest).
//
// It owns a graph and the registered procedures, and runs statements one at a time: each
// statement is parsed, analysed, planned and executed inside a store transaction that commits
// when the statement succeeds and rolls back when it fails, so a failed statement changes
// nothing.

import KeiretsuGraph

public final class Database: @unchecked Sendable {
    // @unchecked: a Database runs one statement at a time on the caller's thread; only the
    // CancellationToken in ExecutionOptions is touched from elsewhere, and it is atomic.

    public let graph: MemoryGraph
    public private(set) var procedures: [String: Procedure] = [:]

    public init(graph: MemoryGraph = MemoryGraph()) {
        self.graph = graph
    }

    /// Makes `procedure` callable by its qualified name (`test.my.proc`).
    public func register(_ procedure: Procedure) {
        procedures[procedure.signature.name.lowercased()] = procedure
    }

    /// Runs one statement. Throws a `CypherError` whose offset is relative to `query`.
    public func execute(_ query: String, parameters: [String: Value] = [:],
                        options: ExecutionOptions = ExecutionOptions()) throws -> QueryResult {
        try Engine(database: self, parameters: parameters, options: options).run(query)
    }

    /// Runs every statement of `script` in order, handing each result to `onResult` as soon as
    /// that statement has finished. Stops at the first error, which it throws with its offset
    /// relative to `script`.
    public func executeScript(_ script: String, parameters: [String: Value] = [:],
                              options: ExecutionOptions = ExecutionOptions(),
                              onResult: (QueryResult) throws -> Void) throws {
        for statement in StatementSplitter.split(script) {
            let result: QueryResult
            do {
                result = try execute(statement.text, parameters: parameters, options: options)
            } catch let error as CypherError {
                throw error.shifted(by: statement.offset)
            }
            try onResult(result)
        }
    }
}
