// Running Cypher text — one statement or a `;`-separated script — and rendering each result
// as soon as its statement has finished.
//
// Shared by `query` and `run` (and meant for the REPL): statements run through a
// DatabaseSession, so with `--db` each is committed before its result is rendered (with
// `--single-transaction`, all of them at the end, or none). The results go to a ResultRenderer; an
// error is handed to the renderer too (the JSON formats end their stream with it, located by
// line and column in the whole text) and then thrown as `CLIError.query` so that stderr gets
// the `file:line:col` rendering with a caret and the process exits 2.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

public struct StatementRunner {
    /// Where statements run; with a database file each one is committed before its result is
    /// written.
    public let session: DatabaseSession
    public var parameters: [String: Value]
    public var options: ExecutionOptions
    /// Run the whole text as one transaction (`run --single-transaction`).
    public var singleTransaction = false

    public var database: Database { session.database }

    public init(session: DatabaseSession, parameters: [String: Value] = [:], options: ExecutionOptions = ExecutionOptions()) {
        self.session = session
        self.parameters = parameters
        self.options = options
    }

    public init(database: Database, parameters: [String: Value] = [:], options: ExecutionOptions = ExecutionOptions()) {
        self.init(session: DatabaseSession(database: database), parameters: parameters, options: options)
    }

    /// Runs every statement of `source` through `renderer`, from `begin()` to `end()`.
    public func run(_ source: SourceText, renderer: ResultRenderer) throws {
        renderer.begin()
        do {
            let runAll = {
                try session.executeScript(source.text, parameters: parameters, options: options) { result in
                    renderer.write(result)
                }
            }
            if singleTransaction { try session.inSingleTransaction(runAll) } else { try runAll() }
        } catch let error as CypherError {
            renderer.writeError(error, at: error.offset.map { source.location(of: $0) })
            renderer.end()
            throw CLIError.query(error, source)
        }
        renderer.end()
    }
}
