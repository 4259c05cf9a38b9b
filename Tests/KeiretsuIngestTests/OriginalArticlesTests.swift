// Quality on the two original articles (../shared/seeds, read in place, never copied) with the
// project's seed scripts as the gazetteer: the facts the issue lists must all come out. The same
// facts must come out of the project's own rewritten articles (seeds/articles), which is what
// `keiretsu` shows on its defaults. This file names entities of the seed corpus because it checks
// what the articles say; the pipeline's sources never do (see SourceHygieneTests).

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class OriginalArticlesTests: XCTestCase {
    struct Loaded {
        var graph: MemoryGraph
        var report: IngestReport
    }

    func load(_ articles: URL) throws -> Loaded {
        let db = try TestSupport.database(seeding: TestSupport.projectSeedsDir)
        let paths = try IngestPipeline.articlePaths(in: articles.path)
        XCTAssertEqual(paths.count, 2)
        let report = try IngestPipeline(database: db).ingest(paths: paths)
        return Loaded(graph: db.graph, report: report)
    }

    func originals() throws -> Loaded {
        guard let dir = TestSupport.originalSeedsDir else {
            throw XCTSkip("../shared/seeds is not next to the package; the original articles are not available")
        }
        return try load(dir)
    }

    /// Relationships `type` from `from` to `to` (names).
    func facts(_ g: MemoryGraph, _ type: String, _ from: String, _ to: String) -> [ValueMap] {
        TestSupport.facts(g, type).filter { $0.0 == from && $0.1 == to }.map(\.2)
    }

    func node(_ g: MemoryGraph, _ name: String) -> ElementID? {
        g.allNodeIDs().first { g.nodeProperty($0, "name").stringValue == name }
    }

    let alliance = "Renault–Nissan–Mitsubishi Alliance"

    func checkStory(_ l: Loaded, original: Bool) throws {
        let g = l.graph
        // Renault holds 43% of Nissan, to fall to 15%; the cross-shareholding equalised.
        let stake = try XCTUnwrap(facts(g, "HOLDS_STAKE", "Renault", "Nissan").first { $0["targetPercent"] != nil })
        XCTAssertEqual(stake["percent"], .float(43))
        XCTAssertEqual(stake["targetPercent"], .float(15))
        XCTAssertEqual(stake["asOf"], .temporal(.date(try XCTUnwrap(LocalDate(year: 2023, month: 1, day: 28)))))
        XCTAssertTrue(facts(g, "HOLDS_STAKE", "Nissan", "Renault").contains { $0["percent"] == .float(15) })
        // The French government, Renault's largest shareholder.
        XCTAssertTrue(facts(g, "HOLDS_STAKE", "French government", "Renault").contains { $0["largestShareholder"] == true })
        // Roles.
        XCTAssertTrue(facts(g, "HOLDS_ROLE", "Luca de Meo", "Renault").contains { $0["role"] == "CEO" })
        let senard = facts(g, "HOLDS_ROLE", "Jean-Dominique Senard", alliance)
        XCTAssertTrue(senard.contains { $0["role"] == "president" && $0["former"] == nil })
        XCTAssertTrue(facts(g, "HOLDS_ROLE", "Carlos Ghosn", alliance).contains { $0["role"] == "president" && $0["former"] == true })
        // Who leads what.
        XCTAssertFalse(facts(g, "LEADS", "Renault", "E/E architecture").isEmpty)
        XCTAssertFalse(facts(g, "LEADS", "Nissan", "Autonomous driving").isEmpty)
        XCTAssertFalse(facts(g, "LEADS", "Nissan", "Solid-state batteries").isEmpty)
        // Ampere, Renault's EV business, with Nissan's planned investment.
        XCTAssertFalse(facts(g, "SUBSIDIARY_OF", "Ampere", "Renault").isEmpty)
        XCTAssertTrue(facts(g, "INVESTS_IN", "Nissan", "Ampere").contains { $0["status"] == "considering" })
        // The joint projects, their members and the markets they target.
        for project in ["Commercial vehicles project", "India project", "Latin America project"] {
            for member in ["Renault", "Nissan", "Mitsubishi"] {
                XCTAssertFalse(facts(g, "PARTICIPATES_IN", member, project).isEmpty, "\(member) in \(project)")
            }
        }
        XCTAssertFalse(facts(g, "TARGETS", "India project", "India").isEmpty)
        XCTAssertFalse(facts(g, "TARGETS", "Latin America project", "Latin America").isEmpty)
        // The three members, and the Alliance's size.
        for member in ["Renault", "Nissan", "Mitsubishi"] {
            XCTAssertFalse(facts(g, "MEMBER_OF", member, alliance).isEmpty, member)
        }
        let a = try XCTUnwrap(node(g, alliance))
        XCTAssertEqual(g.nodeProperty(a, "employees"), .int(420_000))
        XCTAssertEqual(g.nodeProperty(a, "plants"), .int(29))
        // Every fact carries its provenance, and nothing was refused.
        for id in g.allRelationshipIDs() where g.relationshipType(id) != "MENTIONS" {
            let p = g.relationshipProperties(id)
            XCTAssertNotNil(p["source"]?.stringValue)
            XCTAssertNotNil(p["sentence"]?.stringValue)
            XCTAssertNotNil(p["rule"]?.stringValue)
            if case .temporal(.date)? = p["asOf"] {} else { XCTFail("asOf missing on \(g.relationshipType(id) ?? "")") }
        }
        XCTAssertEqual(l.report.rejectedCount, 0)
        XCTAssertEqual(l.report.warnings, [])
    }

    func testOriginalArticlesYieldTheirFacts() throws {
        let l = try originals()
        try checkStory(l, original: true)
        // Descriptive aliases resolved through the seed scripts.
        let renault = try XCTUnwrap(l.report.documents.last?.entities.first { $0.name == "Renault" })
        XCTAssertTrue(renault.mentions.contains("the Lozenge house"))
        XCTAssertTrue(renault.mentions.contains("the Losanga carmaker"))
        XCTAssertTrue(l.report.documents.last?.entities.contains { $0.name == "Nissan" && $0.mentions.contains("the Japanese giant") } ?? false)
        // The evidence: the 43% stake comes from the sentence that says it.
        let stake = try XCTUnwrap(l.report.documents.last?.facts.first { $0.type == "HOLDS_STAKE" && $0.from == "Renault" })
        XCTAssertTrue(stake.sentence.contains("reducing its current 43% stake in Nissan to 15%"))
    }

    func testProjectArticlesTellTheSameStory() throws {
        try checkStory(try load(TestSupport.projectSeedsDir.appendingPathComponent("articles")), original: false)
    }
}

/// The pipeline's code names no entity of any corpus: the names and aliases of the seed scripts'
/// and the evaluation corpus' companies, people and organisations never appear in Sources.
final class SourceHygieneTests: XCTestCase {
    func testNoCorpusEntityIsNamedInSources() throws {
        var names: Set<String> = []
        let decoder = try NSRegularExpression(pattern: "name: '([^']+)'")
        for dir in [TestSupport.projectSeedsDir, TestSupport.corpusDir] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in files where f.hasSuffix(".cypher") {
                let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.contains(":Market") && !line.contains(":Project") {
                    let s = String(line)
                    for m in decoder.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                        if let r = Range(m.range(at: 1), in: s) { names.insert(String(s[r])) }
                    }
                }
            }
            for f in files where f.hasSuffix(".expected.json") {
                guard case .map(let root) = try Value.parseJSON(String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)),
                      case .list(let entities)? = root["entities"] else { continue }
                for case .map(let e) in entities where e["label"] != "Market" && e["label"] != "Project" {
                    if let n = e["name"]?.stringValue { names.insert(n) }
                }
            }
        }
        XCTAssertGreaterThan(names.count, 50, "the gazetteers were read")
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources/KeiretsuIngest")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return XCTFail("no sources") }
        var offenders: [String] = []
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(rel), encoding: .utf8)
            for name in names {
                let escaped = NSRegularExpression.escapedPattern(for: name)
                let re = try NSRegularExpression(pattern: "\\b\(escaped)\\b")
                if re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { offenders.append("\(rel): \(name)") }
            }
        }
        XCTAssertEqual(offenders, [])
    }
}
