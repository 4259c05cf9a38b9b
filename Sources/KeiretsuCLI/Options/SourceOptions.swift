// `[source]`, shared by every command that reads a graph:
//
//   --seeds DIR    load a seed folder (SeedFolderLoader)
//   --db FILE      open a database file, creating it when absent (DatabaseSession); statements
//                  that write are committed to it. `--wait SECONDS` lets a write wait that long
//                  for another process that is writing to the same file.
//   --empty        start from an empty graph
//   (none)         load ./seeds
//
// At most one of the three may be given. `--skip-bad-rows` lets a CSV load go on past bad rows.
// Loading is not bounded by `--timeout`, which applies to the user's statements only.

import ArgumentParser
import KeiretsuCypher
import KeiretsuGraph

public struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Load the seed folder DIR (default: ./seeds).", valueName: "DIR"))
    public var seeds: String?

    @Option(name: .long, help: ArgumentHelp("Open the database file FILE (created when absent); writes are committed to it.",
                                            valueName: "FILE"))
    public var db: String?

    @Option(name: .long, help: ArgumentHelp("With --db, wait up to SECONDS for another writer instead of failing at once.",
                                            valueName: "SECONDS"))
    public var wait: Double?

    @Flag(name: .long, help: "Start from an empty graph.")
    public var empty = false

    @Flag(name: .long, help: "Skip CSV rows that cannot be loaded (with a warning each) instead of failing.")
    public var skipBadRows = false

    @Flag(name: .long, help: "Fail when an article gives a warning (bad encoding, no date, a refused fact) instead of going on.")
    public var strict = false

    public init() {}

    /// The folder loaded when no source option is given.
    public static let defaultSeedFolder = "./seeds"

    public func validate() throws {
        let chosen = [seeds != nil ? "--seeds" : nil, db != nil ? "--db" : nil, empty ? "--empty" : nil].compactMap { $0 }
        if chosen.count > 1 {
            throw ValidationError("\(chosen.joined(separator: " and ")) cannot be combined; give at most one source.")
        }
        if let wait {
            guard db != nil else { throw ValidationError("--wait applies to --db FILE only") }
            guard wait >= 0 && wait.isFinite else { throw ValidationError("--wait must be a number of seconds, not \(wait)") }
        }
    }

    /// A database holding the chosen graph. Diagnostics of the load (skipped rows) go to
    /// `warn`. With `--db` this is a read-only view of the file's graph: commands that write
    /// use `openSession`, which commits.
    public func openDatabase(warn: @escaping (String) -> Void = StandardError.line) throws -> Database {
        try openSession(warn: warn).database
    }

    /// The chosen graph in a session that commits statements to the database file, if any.
    public func openSession(warn: @escaping (String) -> Void = StandardError.line) throws -> DatabaseSession {
        if let db { return try DatabaseSession.open(path: db, wait: wait ?? 0) }
        let database = Database(graph: MemoryGraph())
        if empty { return DatabaseSession(database: database) }
        let folder = seeds ?? Self.defaultSeedFolder
        let loader = SeedFolderLoader()
        try loader.load(folder: folder, into: database,
                        options: SeedLoadOptions(skipBadRows: skipBadRows, strict: strict), warn: warn)
        return DatabaseSession(database: database)
    }
}
