// Running Cypher text — one statement or a `;`-separated script — and rendering each result
// as soon as its statement has finished.
//
// Shared by `query` and `run` (and meant for the REPL): the results go to a ResultRenderer; an
// error is handed to the renderer too (the JSON formats end their stream with it, located by
// line and column in the whole text) and then thrown as `CLIError.query` so that stderr gets
// the `file:line:col` rendering with a caret and the process exits 2.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

public struct StatementRunner {
    public let database: Database
    public var parameters: [String: Value]
    public var options: ExecutionOptions

    public init(database: Database, parameters: [String: Value] = [:], options: ExecutionOptions = ExecutionOptions()) {
        self.database = database
        self.parameters = parameters
        self.options = options
    }

    /// Runs every statement of `source` through `renderer`, from `begin()` to `end()`.
    public func run(_ source: SourceText, renderer: ResultRenderer) throws {
        renderer.begin()
        do {
            try database.executeScript(source.text, parameters: parameters, options: options) { result in
                renderer.write(result)
            }
        } catch let error as CypherError {
            renderer.writeError(error, at: error.offset.map { source.location(of: $0) })
            renderer.end()
            throw CLIError.query(error, source)
        }
        renderer.end()
    }
}
