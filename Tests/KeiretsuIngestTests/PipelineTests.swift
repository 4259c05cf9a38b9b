// The pipeline as a whole: schema checks, resolution against seed entities, provenance on every
// fact, determinism, strict mode and transactions, and the report in text and JSON.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class SchemaTests: XCTestCase {
    let schema = GraphSchema.default

    func testTheDefaultSchemaIsDesignMdsVocabulary() {
        XCTAssertEqual(Set(schema.relationships.map(\.type)),
                       ["HOLDS_STAKE", "HOLDS_ROLE", "MEMBER_OF", "LEADS", "PARTICIPATES_IN", "INVESTS_IN", "SUBSIDIARY_OF",
                        "TARGETS", "OPERATES_IN", "PARTNERS_WITH", "MERGES_WITH"])
        XCTAssertEqual(schema.relationship("PARTNERS_WITH")?.symmetric, true)
        XCTAssertEqual(schema.relationship("HOLDS_STAKE")?.from, ["Company", "Organization"])
    }

    func testChecksEndpointsPropertyNamesAndTypes() {
        XCTAssertNil(schema.check(type: "HOLDS_STAKE", fromLabels: ["Organization"], toLabels: ["Company"],
                                  properties: ["percent": 43.0, "asOf": .temporal(.date(LocalDate(epochDay: 0))), "source": "x"]))
        XCTAssertNil(schema.check(type: "HOLDS_STAKE", fromLabels: ["Company"], toLabels: ["Company"], properties: ["percent": 43]),
                     "an integer is accepted where a float is declared")
        XCTAssertEqual(schema.check(type: "HOLDS_STAKE", fromLabels: ["Person"], toLabels: ["Company"], properties: [:])?.message,
                       "HOLDS_STAKE cannot start at :Person (allowed: Company, Organization)")
        XCTAssertNotNil(schema.check(type: "MEMBER_OF", fromLabels: ["Company"], toLabels: ["Company"], properties: [:]))
        XCTAssertNotNil(schema.check(type: "LEADS", fromLabels: ["Company"], toLabels: ["Project"], properties: ["colour": "red"]))
        XCTAssertNotNil(schema.check(type: "INVESTS_IN", fromLabels: ["Company"], toLabels: ["Company"], properties: ["amount": "lots"]))
        XCTAssertNotNil(schema.check(type: "OWNS", fromLabels: ["Company"], toLabels: ["Company"], properties: [:]))
        XCTAssertNil(schema.checkNodeProperty(labels: ["Organization", "Alliance"], key: "employees", value: 420_000))
        XCTAssertNotNil(schema.checkNodeProperty(labels: ["Person"], key: "plants", value: 3))
    }

    func testAFactThatBreaksTheSchemaIsReportedWithFileAndSentenceAndNotWritten() throws {
        // A government may hold a stake but not invest (INVESTS_IN starts at a Company).
        let g = try TestSupport.graph([(["Company"], "Talvi Energy", ["Talvi"])])
        let rules = [RelationRule("test.gov-invests", "<A:Organization> invests in <B:Company>", [.rel("INVESTS_IN", "A", "B")])]
        var options = IngestOptions()
        options.rules = rules
        let report = try TestSupport.ingest([("gov.txt", " date 2020-01-01 The Polish government invests in Talvi.")], into: g, options: options)
        let doc = try XCTUnwrap(report.documents.first)
        XCTAssertTrue(doc.facts.isEmpty)
        XCTAssertEqual(doc.rejected.count, 1)
        XCTAssertEqual(doc.path, "gov.txt")
        XCTAssertEqual(doc.rejected.first?.sentence, "The Polish government invests in Talvi.")
        XCTAssertEqual(doc.rejected.first?.rule, "test.gov-invests")
        XCTAssertTrue(doc.rejected.first?.reason.contains("cannot start at :Organization") ?? false)
        XCTAssertEqual(g.countRelationships(withType: "INVESTS_IN"), 0)
        XCTAssertTrue(report.renderText().contains("refused INVESTS_IN Polish government -> Talvi Energy"))
    }
}

final class ResolverAndProvenanceTests: XCTestCase {
    func seedGraph() throws -> MemoryGraph {
        try TestSupport.graph([(["Company"], "Norvik Motors", ["Norvik"]), (["Company"], "Talvi Energy", ["Talvi"])])
    }

    func testOneNodePerEntityAcrossDocumentsAndSeedsAreReused() throws {
        let g = try seedGraph()
        let before = g.nodeCount
        try TestSupport.ingest([
            ("a.txt", " date 2020-01-01 NORVIK holds a 10% stake in Quorra Motor."),
            ("b.txt", " date 2020-02-01 Quorra Motor and Talvi signed a partnership. Norvik watched."),
        ], into: g)
        let names = g.nodeIDs(withLabel: "Company").compactMap { g.nodeProperty($0, "name").stringValue }
        XCTAssertEqual(names, ["Norvik Motors", "Talvi Energy", "Quorra Motor"])
        XCTAssertEqual(g.nodeCount - before, 3, "two Document nodes and one discovered company")
        // A spelling that differs only in case is the same alias.
        let norvik = try XCTUnwrap(g.nodeIDs(withLabel: "Company").first)
        XCTAssertEqual(g.nodeProperty(norvik, "aliases"), .list(["Norvik"]))
    }

    func testNewSpellingsOfSeedEntitiesBecomeAliases() throws {
        let g = try TestSupport.graph([(["Market"], "India", []), (["Company"], "Talvi Energy", ["Talvi"])])
        try TestSupport.ingest([("a.txt", " date 2020-01-01 Talvi sells cars in the Indian market.")], into: g)
        let india = try XCTUnwrap(g.nodeIDs(withLabel: "Market").first)
        XCTAssertEqual(g.nodeProperty(india, "aliases"), .list(["Indian market"]))
        XCTAssertEqual(g.countNodes(withLabel: "Market"), 1, "the market list resolves to the seed's node")
    }

    func testDocumentsMentionsAndFactProvenance() throws {
        let g = try seedGraph()
        let report = try TestSupport.ingest([
            ("news/a.md", "---\ndate: 2021-06-01\ntitle: A stake\nsource: wire\n---\nNorvik holds a 10% stake in Talvi. Talvi agreed."),
        ], into: g)
        let docID = try XCTUnwrap(g.nodeIDs(withLabel: "Document").first)
        XCTAssertEqual(g.nodeProperty(docID, "path"), "news/a.md")
        XCTAssertEqual(g.nodeProperty(docID, "title"), "A stake")
        XCTAssertEqual(g.nodeProperty(docID, "source"), "wire")
        XCTAssertEqual(g.nodeProperty(docID, "date"), .temporal(.date(LocalDate(year: 2021, month: 6, day: 1) ?? LocalDate(epochDay: 0))))
        let mentions = g.relationshipIDs(of: docID, direction: .outgoing).filter { g.relationshipType($0) == "MENTIONS" }
        XCTAssertEqual(mentions.count, 2)
        XCTAssertEqual(mentions.map { g.relationshipProperty($0, "count") }, [.int(1), .int(2)])
        let stake = try XCTUnwrap(TestSupport.facts(g, "HOLDS_STAKE").first)
        XCTAssertEqual(stake.0, "Norvik Motors")
        XCTAssertEqual(stake.1, "Talvi Energy")
        XCTAssertEqual(Array(stake.2.keys), ["percent", "source", "sentence", "asOf", "rule"])
        XCTAssertEqual(stake.2["source"], "news/a.md")
        XCTAssertEqual(stake.2["sentence"], "Norvik holds a 10% stake in Talvi.")
        XCTAssertEqual(stake.2["asOf"], g.nodeProperty(docID, "date"))
        XCTAssertEqual(stake.2["rule"], "stake.pct-in")
        XCTAssertEqual(report.documents.first?.facts.first?.relationshipID, g.allRelationshipIDs().first { g.relationshipType($0) == "HOLDS_STAKE" })
    }

    func testNoDateMeansNoAsOfAndSymmetricFactsAreStoredOnce() throws {
        let g = try seedGraph()
        try TestSupport.ingest([("p.txt", "Talvi and Norvik signed a partnership. Norvik and Talvi are partners.")], into: g)
        let p = TestSupport.facts(g, "PARTNERS_WITH")
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p.first?.0, "Norvik Motors", "stored from the lower node id")
        XCTAssertNil(p.first?.2["asOf"])
    }
}

final class PipelineTests: XCTestCase {
    let articles = [
        ("c.txt", " date 2020-03-01 Quorra Motor holds 12% of Talvi. Its chief executive, Oren Valdic, spoke."),
        ("a.md", "---\ndate: 2020-01-01\n---\nNorvik will invest 5 million dollars in Talvi."),
        ("b.txt", "Norvik and Zelt Industries have agreed to merge."),
    ]

    /// The whole graph as JSON, in id order.
    func dump(_ g: MemoryGraph) -> String {
        var out = ""
        for id in g.allNodeIDs() { if let n = g.node(id) { Value.node(n).writeJSON(to: &out); out += "\n" } }
        for id in g.allRelationshipIDs() { if let r = g.relationship(id) { Value.relationship(r).writeJSON(to: &out); out += "\n" } }
        return out
    }

    func testOutputDoesNotDependOnInputOrder() throws {
        let seeds: [([String], String, [String])] = [(["Company"], "Norvik Motors", ["Norvik"]), (["Company"], "Talvi Energy", ["Talvi"])]
        let g1 = try TestSupport.graph(seeds)
        let g2 = try TestSupport.graph(seeds)
        let r1 = try TestSupport.ingest(articles, into: g1)
        let r2 = try TestSupport.ingest(articles.reversed(), into: g2)
        XCTAssertEqual(dump(g1), dump(g2))
        XCTAssertEqual(r1.renderJSON(), r2.renderJSON())
        XCTAssertEqual(r1.documents.map(\.path), ["a.md", "b.txt", "c.txt"])
    }

    func testFilesFromAFolderSortedWithWarningsForBadOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(" date 2020-01-01 Norvik holds 5% of Talvi.".utf8).write(to: dir.appendingPathComponent("sub/b.txt"))
        try Data("---\ndate: 2020-01-02\n---\nTalvi grew.".utf8).write(to: dir.appendingPathComponent("a.md"))
        try Data([0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("c.txt"))
        try Data().write(to: dir.appendingPathComponent("d.md"))
        try Data("not an article".utf8).write(to: dir.appendingPathComponent("notes.csv"))
        let paths = try IngestPipeline.articlePaths(in: dir.path)
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, ["a.md", "c.txt", "d.md", "b.txt"])
        let g = try TestSupport.graph([(["Company"], "Norvik Motors", ["Norvik"]), (["Company"], "Talvi Energy", ["Talvi"])])
        let report = try IngestPipeline(graph: g, options: IngestOptions(relativeTo: dir.path)).ingest(paths: paths)
        XCTAssertEqual(report.documents.map(\.path), ["a.md", "sub/b.txt"])
        XCTAssertEqual(report.warnings.map(\.path), ["c.txt", "d.md"])
        XCTAssertEqual(report.warnings.map(\.code), [.binary, .empty])
        XCTAssertEqual(report.factCount, 1)
    }

    func testStrictModeTurnsWarningsIntoAnErrorAndWritesNothing() throws {
        let g = try TestSupport.graph([(["Company"], "Talvi Energy", ["Talvi"])])
        let before = g.nodeCount
        XCTAssertThrowsError(try TestSupport.ingest([("ok.txt", " date 2020-01-01 Talvi grew."), ("nodate.txt", "Talvi grew.")],
                                                    into: g, options: IngestOptions(strict: true))) { error in
            guard case IngestError.warnings(let ws) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ws.map(\.path), ["nodate.txt"])
            XCTAssertEqual(ws.map(\.code), [.missingDate])
        }
        XCTAssertEqual(g.nodeCount, before)
        XCTAssertFalse(g.inTransaction)
        // Without strict the same input loads, the warning reported.
        let report = try TestSupport.ingest([("ok.txt", " date 2020-01-01 Talvi grew."), ("nodate.txt", "Talvi grew.")], into: g)
        XCTAssertEqual(report.documents.count, 2)
        XCTAssertEqual(report.warnings.map(\.code), [.missingDate])
    }

    func testRunsInsideTheCallersTransactionAndSkipsDocumentsAlreadyIngested() throws {
        let g = try TestSupport.graph([(["Company"], "Talvi Energy", ["Talvi"])])
        g.beginTransaction()
        try TestSupport.ingest([("a.txt", " date 2020-01-01 Talvi grew.")], into: g)
        XCTAssertTrue(g.inTransaction, "the pipeline does not commit a transaction it did not open")
        g.rollbackTransaction()
        XCTAssertEqual(g.countNodes(withLabel: "Document"), 0)
        try TestSupport.ingest([("a.txt", " date 2020-01-01 Talvi grew.")], into: g)
        let again = try TestSupport.ingest([("a.txt", " date 2020-01-01 Talvi grew.")], into: g)
        XCTAssertEqual(g.countNodes(withLabel: "Document"), 1)
        XCTAssertEqual(again.warnings.map(\.code), [.duplicateDocument])
    }

    func testProgressIsReportedPerDocument() throws {
        final class Counter: @unchecked Sendable { var calls: [(Int, Int)] = [] }
        let counter = Counter()
        var options = IngestOptions()
        options.progress = { done, total in counter.calls.append((done, total)) }
        _ = try TestSupport.ingest(articles, into: MemoryGraph(), options: options)
        XCTAssertEqual(counter.calls.map(\.0), [1, 2, 3])
        XCTAssertEqual(counter.calls.map(\.1), [3, 3, 3])
    }
}

final class ReportTests: XCTestCase {
    func report() throws -> IngestReport {
        let g = try TestSupport.graph([(["Company"], "Norvik Motors", ["Norvik", "the Harbour house"]), (["Company"], "Talvi Energy", ["Talvi"])])
        return try TestSupport.ingest([
            ("a.txt", " date 2020-01-01 The Harbour house holds a 43.0% stake in Talvi. Its chief executive, Oren Valdic, spoke."),
            ("b.txt", "Talvi grew."),
        ], into: g)
    }

    func testTextListsEntitiesFactsAndWarningsPerDocument() throws {
        let text = try report().renderText()
        XCTAssertTrue(text.contains("a.txt  2020-01-01  \"The Harbour house holds a 43.0% stake in Talvi\""))
        XCTAssertTrue(text.contains("entity  :Company              Norvik Motors       \"The Harbour house\""))
        XCTAssertTrue(text.contains("fact    HOLDS_STAKE     Norvik Motors -> Talvi Energy  {percent: 43.0}  [stake.pct-in]"))
        XCTAssertTrue(text.contains("(found by person.title-name)"))
        XCTAssertTrue(text.contains("warning MissingDate"))
        XCTAssertTrue(text.hasSuffix("2 documents, 3 entities, 2 facts, 0 refused, 1 warning\n"))
    }

    func testJSONReadsBackWithTheProjectsDecoder() throws {
        let json = try report().renderJSON()
        guard case .map(let root) = try Value.parseJSON(json), case .list(let docs)? = root["documents"],
              case .map(let first)? = docs.first, case .list(let facts)? = first["facts"],
              case .map(let fact)? = facts.first, case .map(let props)? = fact["properties"] else {
            return XCTFail("unexpected shape: \(json)")
        }
        XCTAssertEqual(first["date"], "2020-01-01")
        XCTAssertEqual(fact["type"], "HOLDS_STAKE")
        XCTAssertEqual(fact["from"], "Norvik Motors")
        XCTAssertEqual(fact["sentence"], "The Harbour house holds a 43.0% stake in Talvi.")
        XCTAssertTrue(json.contains("\"percent\":43.0"), "floats keep their decimal point")
        XCTAssertEqual(props["percent"], .float(43))
        guard case .map(let totals)? = root["totals"] else { return XCTFail("no totals") }
        XCTAssertEqual(totals["documents"], 2)
        XCTAssertEqual(totals["warnings"], 1)
    }
}
