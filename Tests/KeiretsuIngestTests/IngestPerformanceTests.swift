// Throughput of the ingest on the generated corpus (IngestBenchmark): 10,000 articles, target
// at least 5 MB of article text per second on one core. Skipped unless KEIRETSU_PERF=1 (it is a
// measurement, and only meaningful in a release build: `swift test -c release --filter
// IngestPerformanceTests`); KEIRETSU_PERF_ARTICLES changes the corpus size.

import Foundation
import KeiretsuIngest
import XCTest

final class IngestPerformanceTests: XCTestCase {
    func testThroughputOnGeneratedCorpus() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["KEIRETSU_PERF"] == "1" else { throw XCTSkip("set KEIRETSU_PERF=1 to measure ingest throughput") }
        let n = Int(env["KEIRETSU_PERF_ARTICLES"] ?? "") ?? 10_000
        let result = try IngestBenchmark.run(articles: n)
        print(result)
        XCTAssertEqual(result.articles, n)
        XCTAssertGreaterThan(result.facts, n, "every generated article states several facts")
        #if !DEBUG
        XCTAssertGreaterThanOrEqual(result.megabytesPerSecond, 5.0, "throughput below 5 MB/s")
        #endif
    }

    /// The generated corpus is the same for the same seed, and mixes the three formats.
    func testGeneratedCorpusIsDeterministic() {
        let a = IngestBenchmark.generateCorpus(articles: 30, seed: 7)
        let b = IngestBenchmark.generateCorpus(articles: 30, seed: 7)
        XCTAssertEqual(a.sources.map(\.bytes), b.sources.map(\.bytes))
        XCTAssertEqual(a.graph.nodeCount, b.graph.nodeCount)
        let texts = a.sources.map { String(decoding: $0.bytes, as: UTF8.self) }
        XCTAssertTrue(texts.contains { $0.hasPrefix(" date ") })
        XCTAssertTrue(texts.contains { $0.hasPrefix("---\n") })
        XCTAssertTrue(texts.allSatisfy { $0.utf8.count > 1500 })
    }
}
