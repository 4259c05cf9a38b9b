// `keiretsu import --db FILE [--wait S] [--skip-bad-rows] PATH...`
//
// Bulk-loads CSV files in the neo4j-admin import layout (Neo4jAdminCSVImporter: node files,
// recognised by their `:ID` column, then relationship files) into a database file, creating it
// when absent and adding to what it holds otherwise. PATH is a CSV file or a folder, whose
// `*.csv` files are taken recursively in sorted order. The load is one all-or-nothing unit
// (DatabaseSession.bulkLoad): it ends by writing a new snapshot, and a bad row (without
// --skip-bad-rows) or any other failure leaves the file as it was. A progress bar runs on stderr
// when that is a terminal; the closing summary goes to stderr too (stdout carries data only).

import ArgumentParser
import Foundation
import KeiretsuCypher
import KeiretsuGraph

public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load neo4j-admin CSV files into a database file."
    )

    @Option(name: .long, help: ArgumentHelp("The database file to load into (created when absent).", valueName: "FILE"))
    public var db: String

    @Option(name: .long, help: ArgumentHelp("Wait up to SECONDS for another writer instead of failing at once.",
                                            valueName: "SECONDS"))
    public var wait: Double?

    @Flag(name: .long, help: "Skip CSV rows that cannot be loaded (with a warning each) instead of failing.")
    public var skipBadRows = false

    @Argument(help: ArgumentHelp("CSV files, or folders whose *.csv files are loaded.", valueName: "PATH"))
    public var paths: [String] = []

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one CSV file or folder to import") }
        if let wait, !(wait >= 0 && wait.isFinite) { throw ValidationError("--wait must be a number of seconds, not \(wait)") }
    }

    public func run() throws {
        let started = Date()
        let files = try csvFiles()
        let session = try DatabaseSession.open(path: db, wait: wait ?? 0)
        KeepAlive.untilExit(session.database)
        let before = (session.database.graph.nodeCount, session.database.graph.relationshipCount)
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let progress = LoadProgress(total: sizes.reduce(0, +))
        let importer = Neo4jAdminCSVImporter(graph: session.database.graph, options: .init(skipBadRows: skipBadRows),
                                             warn: { message in
                                                 progress.clear()
                                                 StandardError.line(message)
                                             })
        // Node files first, so that every relationship file can name nodes of any node file.
        var nodeFiles: [(String, Int)] = [], relationshipFiles: [(String, Int)] = []
        for (file, size) in zip(files, sizes) {
            switch try importer.readHeader(file)?.kind {
            case .nodes: nodeFiles.append((file, size))
            case .relationships: relationshipFiles.append((file, size))
            case nil: StandardError.line("\(file): warning: not a neo4j-admin import file (no :ID column and no :START_ID/:END_ID columns); ignored")
            }
        }
        var report = Neo4jAdminCSVImporter.Report()
        do {
            try session.bulkLoad(writingSnapshot: { progress.show("writing \(db)") }) { _ in
                for (file, size) in nodeFiles + relationshipFiles {
                    progress.show(file)
                    let r = try importer.load(files: [file])
                    report.nodesCreated += r.nodesCreated
                    report.relationshipsCreated += r.relationshipsCreated
                    report.rowsSkipped += r.rowsSkipped
                    progress.advance(by: size, file)
                }
            }
        } catch {
            progress.clear()
            try? session.close()
            throw error
        }
        progress.clear()
        try session.close()
        let graph = session.database.graph
        let seconds = Date().timeIntervalSince(started)
        var summary = "\(db): imported \(graph.nodeCount - before.0) nodes and \(graph.relationshipCount - before.1)"
            + " relationships from \(nodeFiles.count + relationshipFiles.count) files in "
            + String(format: "%.1f s", seconds)
        if report.rowsSkipped > 0 { summary += "; skipped \(report.rowsSkipped) bad rows (--skip-bad-rows)" }
        StandardError.line(summary)
    }

    /// The CSV files named by `paths`: files as given, folders expanded in sorted order.
    func csvFiles() throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.input(CypherError(.inputError, "NoSuchFile", "no such file or folder"), file: path, line: nil)
            }
            if isDirectory.boolValue {
                out += try SeedFolderLoader.files(in: path).filter { $0.fileExtension == "csv" }.map(\.path)
            } else {
                out.append(path)
            }
        }
        if out.isEmpty { throw CLIError.usage("no CSV files in \(paths.joined(separator: ", "))") }
        return out
    }
}
