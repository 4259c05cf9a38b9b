// Developer tools, skipped unless asked for: print the ingest report of the original articles,
// the project's articles or the evaluation corpus (KEIRETSU_DUMP=originals|project|corpus[:NN]),
// or of one piece of text against the corpus gazetteer (KEIRETSU_SENTENCE='…'). Each still
// checks that something was ingested, so a broken setup fails instead of printing nothing.

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class DebugDumpTests: XCTestCase {
    func testDumpOriginals() throws {
        guard ProcessInfo.processInfo.environment["KEIRETSU_DUMP"] != nil else { throw XCTSkip("set KEIRETSU_DUMP") }
        let which = ProcessInfo.processInfo.environment["KEIRETSU_DUMP"] ?? ""
        let db: Database
        var paths: [String]
        if which == "corpus" || which.hasPrefix("corpus:") {
            db = try TestSupport.database(seeding: TestSupport.corpusDir)
            paths = try IngestPipeline.articlePaths(in: TestSupport.corpusDir.path)
            paths = paths.filter { !$0.hasSuffix("README.md") }
            if which.hasPrefix("corpus:") { paths = paths.filter { $0.contains(String(which.dropFirst(7))) } }
        } else {
            db = try TestSupport.database(seeding: TestSupport.projectSeedsDir)
            if which == "project" {
                paths = try IngestPipeline.articlePaths(in: TestSupport.projectSeedsDir.appendingPathComponent("articles").path)
            } else {
                paths = try IngestPipeline.articlePaths(in: try XCTUnwrap(TestSupport.originalSeedsDir).path)
            }
        }
        let report = try IngestPipeline(graph: db.graph).ingest(paths: paths)
        print(report.renderText())
        XCTAssertFalse(report.documents.isEmpty)
    }
}

extension DebugDumpTests {
    /// KEIRETSU_SENTENCE='text' swift test --filter DebugDumpTests/testDumpSentence — runs the
    /// corpus gazetteer over one text and prints the report.
    func testDumpSentence() throws {
        guard let text = ProcessInfo.processInfo.environment["KEIRETSU_SENTENCE"] else { throw XCTSkip("set KEIRETSU_SENTENCE") }
        let db = try TestSupport.database(seeding: TestSupport.corpusDir)
        let report = try TestSupport.ingest([("s.txt", " date 2020-01-01 " + text)], into: db.graph)
        print(report.renderText())
        XCTAssertEqual(report.documents.count, 1)
    }
}
