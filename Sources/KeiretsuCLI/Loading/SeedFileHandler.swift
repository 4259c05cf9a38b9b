// The hook through which each kind of seed file is loaded.
//
// A seed folder (DESIGN.md, "Data flow") holds, loaded in this order and each kind in sorted
// path order: `*.cypher` scripts, `*.csv` in the neo4j-admin import layout, `*.graphml`, then
// articles (`*.txt`, `*.md`). Each kind is a SeedFileHandler: the extensions it claims, the
// stage that fixes its place in that order, and a function that loads all of the folder's files
// of its kind at once — at once, because some kinds need the whole set (CSV node files must all
// load before any relationship file; article ingest builds its gazetteer once).
//
// Files whose extension no handler claims are ignored, so a README or a picture in the folder
// does no harm.

import KeiretsuCypher
import KeiretsuGraph

/// Where a kind of seed file sits in the load order.
public enum SeedStage: Int, Sendable, Comparable, CaseIterable {
    case cypherScripts = 0
    case csv = 1
    case graphML = 2
    case articles = 3

    public static func < (a: SeedStage, b: SeedStage) -> Bool { a.rawValue < b.rawValue }
}

/// One file found in a seed folder.
public struct SeedFile: Sendable, Equatable {
    /// The path as the user will see it in messages: the folder as given, joined with the
    /// file's path inside it (`seeds/companies/a.cypher`).
    public var path: String
    /// The path inside the folder, `/`-separated; the sort key.
    public var relativePath: String
    /// The lowercased extension without its dot.
    public var fileExtension: String

    public init(path: String, relativePath: String, fileExtension: String) {
        self.path = path
        self.relativePath = relativePath
        self.fileExtension = fileExtension
    }
}

public struct SeedLoadOptions: Sendable {
    /// Go on past bad CSV rows (with a warning for each) instead of failing the load.
    public var skipBadRows: Bool
    /// Treat any article warning (invalid UTF-8, an empty or binary file, a missing date, a
    /// refused fact) as an error: the load fails and nothing is added.
    public var strict: Bool

    public init(skipBadRows: Bool = false, strict: Bool = false) {
        self.skipBadRows = skipBadRows
        self.strict = strict
    }
}

/// What a handler is given besides its files.
public final class SeedLoadContext {
    public let database: Database
    public let folder: String
    public let options: SeedLoadOptions
    /// Writes one diagnostic line (stderr in the commands).
    public let warn: (String) -> Void
    /// Counts that handlers add to, for the caller's summary.
    public var report = SeedLoadReport()

    public init(database: Database, folder: String, options: SeedLoadOptions, warn: @escaping (String) -> Void) {
        self.database = database
        self.folder = folder
        self.options = options
        self.warn = warn
    }
}

public struct SeedLoadReport: Sendable, Equatable {
    /// Files handed to a handler, per stage name.
    public var filesLoaded = 0
    /// Files found whose extension no handler claims.
    public var filesIgnored: [String] = []
    public var nodesCreated = 0
    public var relationshipsCreated = 0
    /// Bad CSV rows skipped under --skip-bad-rows.
    public var rowsSkipped = 0

    public init() {}
}

public struct SeedFileHandler: Sendable {
    /// What the handler loads, for messages ("Cypher scripts").
    public var name: String
    public var stage: SeedStage
    /// Lowercased extensions without the dot (`["txt", "md"]`).
    public var extensions: Set<String>
    /// Loads `files` (sorted by path, all of this handler's kind) into `context.database`.
    /// Throws a CLIError that locates the problem; a handler should leave nothing half-loaded
    /// when it throws.
    public var load: @Sendable (_ files: [SeedFile], _ context: SeedLoadContext) throws -> Void

    public init(name: String, stage: SeedStage, extensions: Set<String>,
                load: @escaping @Sendable (_ files: [SeedFile], _ context: SeedLoadContext) throws -> Void) {
        self.name = name
        self.stage = stage
        self.extensions = Set(extensions.map { $0.lowercased() })
        self.load = load
    }
}
