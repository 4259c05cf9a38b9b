// DatabaseSession: a Database plus, with `--db FILE`, the database file it writes through.
//
// Every command that runs statements goes through a session, so that with a database file each
// statement is committed — appended to the file's log and fsynced — before its result is
// written (GraphFile.perform), and a statement that fails changes nothing, in memory or on disk.
// Without a file the session runs statements on the in-memory graph as before.
//
// Loaders that create a lot at once (`import`, `ingest`) use `bulkLoad`: with a file the whole
// load is one all-or-nothing unit written as a new snapshot (GraphFile.load), not millions of
// log records.
//
// Storage failures reach users as `DatabaseError.<Code>` (CypherError kind databaseError), like
// any other error: in the JSON stream, on stderr, exit status 2.

import KeiretsuCypher
import KeiretsuGraph

public final class DatabaseSession {
    public let database: Database
    /// The database file, when the source is `--db FILE`.
    public let file: GraphFile?

    public init(database: Database, file: GraphFile? = nil) {
        self.database = database
        self.file = file
    }

    /// Opens (or creates) the database file at `path`; `wait` is how long a write may wait for
    /// another writer.
    /// A file that cannot be opened is reported as `FILE: error: DatabaseError.<Code>: …`.
    public static func open(path: String, wait: Double, create: Bool = true) throws -> DatabaseSession {
        do {
            let file = try GraphFile.open(path, options: GraphFile.Options(lockWait: wait, create: create))
            return DatabaseSession(database: Database(graph: file.graph), file: file)
        } catch let e as PersistenceError {
            throw fileError(e)
        }
    }

    /// A storage failure outside any statement, located by its file.
    public static func fileError(_ e: PersistenceError) -> CLIError {
        .input(CypherError(.databaseError, e.code, e.reason, phase: .runtime), file: e.path, line: nil)
    }

    /// Runs one statement; with a file, it is durable when this returns.
    public func execute(_ text: String, parameters: [String: Value] = [:],
                        options: ExecutionOptions = ExecutionOptions()) throws -> QueryResult {
        guard let file else { return try database.execute(text, parameters: parameters, options: options) }
        do {
            return try file.perform { try database.execute(text, parameters: parameters, options: options) }
        } catch let e as PersistenceError {
            throw Self.cypherError(e)
        }
    }

    /// Runs the statements of `script` in order, each committed before `onResult` sees its
    /// result. Stops at the first error, thrown with its offset relative to `script`.
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

    /// Runs `body` as one transaction: with a file, every statement in it is committed together
    /// when `body` returns, or none is when it throws. Takes the writer lock for the whole time
    /// (waiting as `--wait` allows).
    public func inSingleTransaction(_ body: () throws -> Void) throws {
        try beginTransaction()
        do {
            try body()
        } catch {
            rollbackTransaction()
            throw error
        }
        try commitTransaction()
    }

    // MARK: Explicit transactions (the REPL's :begin, :commit, :rollback)

    /// Opens a transaction spanning the next statements; with a file it takes the writer lock
    /// (waiting as `--wait` allows) until `commitTransaction` or `rollbackTransaction`.
    public func beginTransaction() throws {
        do {
            if let file { try file.beginTransaction() } else { database.graph.beginTransaction() }
        } catch let e as PersistenceError {
            throw Self.cypherError(e)
        }
    }

    /// Commits the open transaction: with a file, all its changes as one fsynced log record.
    public func commitTransaction() throws {
        do {
            if let file { try file.commitTransaction() } else { database.graph.commitTransaction() }
        } catch let e as PersistenceError {
            throw Self.cypherError(e)
        }
    }

    /// Drops the open transaction; nothing of it reaches the file.
    public func rollbackTransaction() {
        if let file { file.rollbackTransaction() } else { database.graph.rollbackTransaction() }
    }

    public var inTransaction: Bool { database.graph.inTransaction }

    /// Runs a bulk load (import, ingest) against the graph. With a file the load is all or
    /// nothing and ends in a new snapshot; `writingSnapshot` is called just before that.
    public func bulkLoad(writingSnapshot: () -> Void = {}, _ body: (Database) throws -> Void) throws {
        guard let file else { return try body(database) }
        do {
            try file.load { _ in
                try body(database)
                writingSnapshot()
            }
        } catch let e as PersistenceError {
            throw Self.fileError(e)
        }
    }

    /// Ends the session: with a file, a checkpoint when one is due, then the lock is released.
    public func close() throws {
        do {
            try file?.close()
        } catch let e as PersistenceError {
            throw Self.fileError(e)
        }
    }

    /// A storage failure as the one user-facing error type.
    public static func cypherError(_ e: PersistenceError) -> CypherError {
        CypherError(.databaseError, e.code, e.message, phase: .runtime)
    }
}
