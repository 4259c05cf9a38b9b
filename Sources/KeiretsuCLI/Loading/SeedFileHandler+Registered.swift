// The seed-file handlers every command uses — the registration point for new kinds.
//
// Built in: Cypher scripts and neo4j-admin CSV. GraphML import and article ingest are written
// elsewhere (KeiretsuExport's GraphML reader, KeiretsuIngest's pipeline); they plug in here by
// returning their handler from `graphMLImport` and `articleIngest` below, e.g.
//
//     static var articleIngest: SeedFileHandler? {
//         SeedFileHandler(name: "articles", stage: .articles, extensions: ["txt", "md"]) { files, context in
//             … ingest `files` into context.database …
//         }
//     }
//
// Until then those files are ignored (and listed in `SeedLoadReport.filesIgnored`). Code that
// needs a different set at run time uses `SeedFolderLoader.register(_:)`.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuIngest

extension SeedFileHandler {
    /// The handlers of a default SeedFolderLoader, in load order.
    public static var standard: [SeedFileHandler] {
        [cypherScripts, neo4jAdminCSV] + [graphMLImport, articleIngest].compactMap { $0 }
    }

    /// `*.graphml`: each file read by KeiretsuExport's streaming GraphML reader (keiretsu's own
    /// exports round-trip; networkx, igraph, yEd and APOC files load with their data). Lossy
    /// reads are warnings; malformed XML or GraphML fails the load.
    public static var graphMLImport: SeedFileHandler? {
        SeedFileHandler(name: "GraphML", stage: .graphML, extensions: ["graphml"]) { files, context in
            for file in files {
                let before = (context.database.graph.nodeCount, context.database.graph.relationshipCount)
                do {
                    for warning in try GraphMLReader.load(path: file.path, into: context.database.graph) {
                        context.warn(warning)
                    }
                } catch let error as CypherError {
                    throw CLIError.input(error, file: file.path, line: nil)
                }
                context.report.nodesCreated += context.database.graph.nodeCount - before.0
                context.report.relationshipsCreated += context.database.graph.relationshipCount - before.1
            }
        }
    }

    /// Articles, `*.txt` and `*.md`: read by KeiretsuIngest's pipeline, with the entities the
    /// scripts, CSV and GraphML files created as its gazetteer. Warnings go to stderr (under
    /// --strict they fail the load); provenance paths are relative to the seed folder.
    public static var articleIngest: SeedFileHandler? {
        SeedFileHandler(name: "articles", stage: .articles, extensions: ["txt", "md"]) { files, context in
            let options = IngestOptions(strict: context.options.strict, relativeTo: context.folder)
            do {
                let report = try IngestPipeline(database: context.database, options: options).ingest(paths: files.map(\.path))
                for warning in report.warnings { context.warn(warning.description) }
                context.report.nodesCreated += report.nodesCreated
                context.report.relationshipsCreated += report.relationshipsCreated
            } catch let error as IngestError {
                throw CLIError.ingest(error)
            }
        }
    }

    /// `*.cypher`: each script run through `Database.executeScript`, in path order. An error
    /// names the script and the line:column in it.
    public static var cypherScripts: SeedFileHandler {
        SeedFileHandler(name: "Cypher scripts", stage: .cypherScripts, extensions: ["cypher"]) { files, context in
            for file in files {
                let source = SourceText(name: file.path, text: try FileBytes.readText(file.path))
                do {
                    try context.database.executeScript(source.text) { result in
                        context.report.nodesCreated += result.stats.nodesCreated
                        context.report.relationshipsCreated += result.stats.relationshipsCreated
                    }
                } catch let error as CypherError {
                    throw CLIError.query(error, source)
                }
            }
        }
    }

    /// `*.csv` in the neo4j-admin import layout (Neo4jAdminCSVImporter): node files first,
    /// then relationship files, all or nothing.
    public static var neo4jAdminCSV: SeedFileHandler {
        SeedFileHandler(name: "neo4j-admin CSV", stage: .csv, extensions: ["csv"]) { files, context in
            let importer = Neo4jAdminCSVImporter(graph: context.database.graph,
                                                 options: .init(skipBadRows: context.options.skipBadRows),
                                                 warn: context.warn)
            let report = try importer.load(files: files.map(\.path))
            context.report.nodesCreated += report.nodesCreated
            context.report.relationshipsCreated += report.relationshipsCreated
            context.report.rowsSkipped += report.rowsSkipped
        }
    }
}
