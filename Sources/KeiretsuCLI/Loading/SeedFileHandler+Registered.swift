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

extension SeedFileHandler {
    /// The handlers of a default SeedFolderLoader, in load order.
    public static var standard: [SeedFileHandler] {
        [cypherScripts, neo4jAdminCSV] + [graphMLImport, articleIngest].compactMap { $0 }
    }

    /// Hook: `*.graphml` files (stage `.graphML`). Not implemented yet.
    public static var graphMLImport: SeedFileHandler? { nil }

    /// Hook: articles, `*.txt` and `*.md` (stage `.articles`). Not implemented yet.
    public static var articleIngest: SeedFileHandler? { nil }

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
