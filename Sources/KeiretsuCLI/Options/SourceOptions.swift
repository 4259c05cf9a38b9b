// `[source]`, shared by every command that reads a graph:
//
//   --seeds DIR    load a seed folder (SeedFolderLoader)
//   --db FILE      open a database file (issue 8; rejected until it exists)
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

    @Option(name: .long, help: ArgumentHelp("Open the database file FILE (not supported yet).", valueName: "FILE"))
    public var db: String?

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
    }

    /// A database holding the chosen graph. Diagnostics of the load (skipped rows) go to
    /// `warn`.
    public func openDatabase(warn: @escaping (String) -> Void = StandardError.line) throws -> Database {
        if let db {
            throw CLIError.usage("--db \(db): database files are not supported yet; use --seeds DIR or --empty")
        }
        let database = Database(graph: MemoryGraph())
        if empty { return database }
        let folder = seeds ?? Self.defaultSeedFolder
        let loader = SeedFolderLoader()
        try loader.load(folder: folder, into: database,
                        options: SeedLoadOptions(skipBadRows: skipBadRows, strict: strict), warn: warn)
        return database
    }
}
