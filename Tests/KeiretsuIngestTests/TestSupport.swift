// Helpers shared by the ingest tests: where the package and the shared folder are, loading
// Cypher seed scripts through the engine, and small graph builders.

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

enum TestSupport {
    /// The package root: the nearest folder above this file that holds Package.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/seeds` next to the package (the original articles), if present.
    static var originalSeedsDir: URL? {
        let candidates = [packageRoot.appendingPathComponent("../shared/seeds"), packageRoot.appendingPathComponent("../../shared/seeds")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.standardizedFileURL
    }

    static var projectSeedsDir: URL { packageRoot.appendingPathComponent("seeds") }
    static var corpusDir: URL { packageRoot.appendingPathComponent("Tests/IngestCorpus") }

    /// A database with every `*.cypher` script of `dir` run in sorted order.
    static func database(seeding dir: URL) throws -> Database {
        do {
            return try load(dir, dateFallback: false)
        } catch let e as CypherError where e.code == "UnknownFunction" {
            // The temporal functions (date()) are not in the engine yet; seed scripts only use
            // them for biographical data the ingest never reads, so keep those values as text.
            return try load(dir, dateFallback: true)
        }
    }

    private static func load(_ dir: URL, dateFallback: Bool) throws -> Database {
        let db = Database()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".cypher") }.sorted()
        for f in files {
            var text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            if dateFallback { text = text.replacingOccurrences(of: "date(", with: "toString(") }
            try db.executeScript(text) { _ in }
        }
        return db
    }

    /// A graph holding the given entities (label list, name, aliases).
    static func graph(_ entities: [([String], String, [String])]) throws -> MemoryGraph {
        let g = MemoryGraph()
        for (labels, name, aliases) in entities {
            var props: ValueMap = ["name": .string(name)]
            if !aliases.isEmpty { props["aliases"] = .list(aliases.map { .string($0) }) }
            try g.createNode(labels: labels, properties: props)
        }
        return g
    }

    /// Runs the pipeline over in-memory articles.
    static func ingest(_ articles: [(String, String)], into graph: MemoryGraph, options: IngestOptions = IngestOptions()) throws -> IngestReport {
        try IngestPipeline(graph: graph, options: options).ingest(sources: articles.map { ArticleSource(path: $0.0, text: $0.1) })
    }

    /// Relationships of `type` as (start name, end name, properties).
    static func facts(_ g: GraphStore, _ type: String) -> [(String, String, ValueMap)] {
        g.allRelationshipIDs().compactMap { id in
            guard g.relationshipType(id) == type, let (s, e) = g.relationshipEndpoints(id) else { return nil }
            return (g.nodeProperty(s, "name").stringValue ?? "", g.nodeProperty(e, "name").stringValue ?? "", g.relationshipProperties(id))
        }
    }
}
