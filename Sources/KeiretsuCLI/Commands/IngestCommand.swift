// `keiretsu ingest DIR... [source] [--report] [--format text|json] [--strict]`
//
// Loads each DIR as a seeds folder would — Cypher scripts, neo4j-admin CSV and GraphML first,
// then its articles — on top of the source graph (./seeds by default), whose entities are the
// gazetteer. With --report it prints, per document, each entity found (label and mention) and
// each fact (the rule that made it and the sentence it came from). On a terminal a progress
// bar on stderr follows the articles when there are many.

import ArgumentParser
import Foundation
import KeiretsuCypher
import KeiretsuIngest

public enum IngestReportFormat: String, ExpressibleByArgument, Sendable {
    case text, json
}

public struct IngestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read folders of articles (and seed files) into the graph; --report shows what was extracted."
    )

    @OptionGroup public var source: SourceOptions

    @Argument(help: "Folders to ingest: *.cypher, *.csv, *.graphml, then articles (*.txt, *.md).")
    public var directories: [String]

    @Flag(name: .long, help: "Print each document's entities and facts.")
    public var report = false

    @Option(name: .long, help: ArgumentHelp("Report format: text or json.", valueName: "F"))
    public var format: IngestReportFormat = .text

    public init() {}

    public func run() throws {
        let database = try source.openDatabase()
        KeepAlive.untilExit(database)
        let showProgress = isatty(2) != 0
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError.input(CypherError(.inputError, "NoSuchFolder", "the folder does not exist or is not a folder"),
                                     file: directory, line: nil)
            }
            // Seed files other than articles, through the ordinary loader.
            let loader = SeedFolderLoader(handlers: [SeedFileHandler.cypherScripts, SeedFileHandler.neo4jAdminCSV]
                                                     + [SeedFileHandler.graphMLImport].compactMap { $0 })
            try loader.load(folder: directory, into: database, options: SeedLoadOptions(skipBadRows: source.skipBadRows))
            let paths = try IngestPipeline.articlePaths(in: directory)
            var options = IngestOptions(strict: source.strict, relativeTo: directory)
            if showProgress && paths.count >= 20 {
                options.progress = { done, total in ProgressBar.draw(done: done, total: total, label: "ingest") }
            }
            let result: IngestReport
            do {
                result = try IngestPipeline(database: database, options: options).ingest(paths: paths)
            } catch let error as IngestError {
                throw CLIError.ingest(error)
            }
            if options.progress != nil { ProgressBar.finish() }
            for warning in result.warnings { StandardError.line(warning.description) }
            if report {
                print(format == .json ? result.renderJSON() : result.renderText())
            } else {
                StandardError.line("\(directory): \(paths.count) articles, \(result.factCount) facts, "
                                   + "\(result.nodesCreated) nodes and \(result.relationshipsCreated) relationships added")
            }
        }
    }
}

/// A one-line progress bar on stderr, redrawn in place.
enum ProgressBar {
    static func draw(done: Int, total: Int, label: String) {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
    }

    static func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
