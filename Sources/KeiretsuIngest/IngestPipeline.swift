// IngestPipeline: the public entry point — articles in, facts with provenance written into a
// graph, and a report out.
//
//     let pipeline = IngestPipeline(graph: database.graph)            // seeds already loaded
//     let report = try pipeline.ingest(paths: try IngestPipeline.articlePaths(in: "seeds"))
//     print(report.renderText())
//
// The graph's entities (from seed scripts) are the gazetteer. Articles are processed in sorted
// path order whatever order they are given in, and every write happens inside one store
// transaction that commits at the end or rolls back on error, so the same inputs always give the
// same graph and the same ids. A file that cannot be read as an article is skipped with a warning;
// with `strict`, any warning rolls the whole run back and throws `IngestError.warnings` (all of them).

import Foundation
import KeiretsuCypher
import KeiretsuGraph

public struct IngestOptions: Sendable {
    /// Any warning is an error: nothing is written and `ingest` throws.
    public var strict = false
    /// The vocabulary facts are checked against.
    public var schema = GraphSchema.default
    /// The relation table.
    public var rules = RelationRule.defaultRules
    /// Paths are recorded relative to this folder when they are inside it (provenance, report).
    public var relativeTo: String? = nil
    /// Called after each document with (done, total), e.g. for a progress bar on stderr.
    public var progress: (@Sendable (Int, Int) -> Void)? = nil

    public init(strict: Bool = false, relativeTo: String? = nil) {
        self.strict = strict
        self.relativeTo = relativeTo
    }
}

/// An article given as bytes rather than a file (benchmarks, tests, stdin).
public struct ArticleSource: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

public final class IngestPipeline {
    public let graph: MemoryGraph
    public var options: IngestOptions

    public init(graph: MemoryGraph, options: IngestOptions = IngestOptions()) {
        self.graph = graph
        self.options = options
    }

    public convenience init(database: Database, options: IngestOptions = IngestOptions()) {
        self.init(graph: database.graph, options: options)
    }

    /// Checks that the rule table compiles (patterns parse, actions name bound slots).
    public static func validate(rules: [RelationRule], schema: GraphSchema = .default) throws {
        let resolver = EntityResolver(graph: MemoryGraph(), schema: schema)
        _ = try DocumentExtractor(catalog: resolver.catalog, lexicon: Lexicon(), schema: schema, rules: rules)
    }

    /// The `*.txt` and `*.md` files under `directory` (recursively), sorted.
    public static func articlePaths(in directory: String) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        guard let walker = fm.enumerator(atPath: directory) else {
            throw IngestError.store("cannot list \(directory)")
        }
        while let rel = walker.nextObject() as? String {
            let lower = rel.lowercased()
            guard lower.hasSuffix(".txt") || lower.hasSuffix(".md") else { continue }
            var isDir: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(rel)
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.append(full) }
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Ingests the article files at `paths`.
    @discardableResult
    public func ingest(paths: [String]) throws -> IngestReport {
        let reader = ArticleReader()
        let entries = paths.map { (display: displayPath($0), file: $0) }
        return try run(entries.map(\.display)) { i in
            reader.read(path: entries[i].file, displayPath: entries[i].display)
        }
    }

    /// Ingests articles given as bytes.
    @discardableResult
    public func ingest(sources: [ArticleSource]) throws -> IngestReport {
        let reader = ArticleReader()
        return try run(sources.map(\.path)) { i in reader.parse(bytes: sources[i].bytes, path: sources[i].path) }
    }

    private func displayPath(_ path: String) -> String {
        guard let base = options.relativeTo else { return path }
        let root = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// The run itself: `names[i]` is input i's display path, `read(i)` reads it.
    private func run(_ names: [String], read: (Int) -> ArticleReader.Result) throws -> IngestReport {
        // Sorted by path, so file-system order never shows in the graph.
        let order = names.indices.sorted {
            Array(names[$0].utf8).lexicographicallyPrecedes(Array(names[$1].utf8)) || (names[$0] == names[$1] && $0 < $1)
        }
        let ownTransaction = !graph.inTransaction
        if ownTransaction { graph.beginTransaction() }
        let nodesBefore = graph.nodeCount
        let relsBefore = graph.relationshipCount
        do {
            var report = IngestReport()
            let resolver = EntityResolver(graph: graph, schema: options.schema)
            let extractor = try DocumentExtractor(catalog: resolver.catalog, lexicon: Lexicon(), schema: options.schema,
                                                  rules: options.rules)
            let writer = ProvenanceWriter(resolver: resolver, schema: options.schema)
            var ingested = Set(existingDocumentPaths())
            for (done, i) in order.enumerated() {
                let result = read(i)
                var warnings = result.warnings
                if let article = result.article {
                    if ingested.contains(article.path) {
                        warnings.append(IngestWarning(path: article.path, code: .duplicateDocument,
                                                      message: "already ingested; skipped"))
                    } else {
                        ingested.insert(article.path)
                        report.bytesRead += article.body.count
                        let doc = extractor.extract(article)
                        report.documents.append(try writer.write(doc, warnings: warnings))
                    }
                }
                report.warnings += warnings
                options.progress?(done + 1, order.count)
            }
            // Strict: every warning of the run is reported, and nothing is kept.
            if options.strict && !report.warnings.isEmpty { throw IngestError.warnings(report.warnings) }
            report.nodesCreated = graph.nodeCount - nodesBefore
            report.relationshipsCreated = graph.relationshipCount - relsBefore
            if ownTransaction { graph.commitTransaction() }
            return report
        } catch let e as IngestError {
            if ownTransaction { graph.rollbackTransaction() }
            throw e
        } catch {
            if ownTransaction { graph.rollbackTransaction() }
            throw IngestError.store("\(error)")
        }
    }

    private func existingDocumentPaths() -> [String] {
        graph.nodeIDs(withLabel: options.schema.documentLabel).compactMap { graph.nodeProperty($0, "path").stringValue }
    }
}
