// Export speed on a generated benchmark graph (issue 5, "Speed": 1M nodes to GraphML in under
// 10 s with flat memory). Skipped unless KEIRETSU_PERF=1; run it in release mode:
//
//   KEIRETSU_PERF=1 swift test -c release -Xswiftc -enable-testing --filter ExportPerformanceTests
//
// KEIRETSU_PERF_NODES sets the node count (default 1,000,000; relationships are five times as
// many); KEIRETSU_PERF_FORMATS picks formats (default graphml,dot,json,cypher);
// KEIRETSU_PERF_READ=1 also times loading the GraphML file back. Each format is written to a file in the temporary directory and timed; the peak
// resident size is printed before and after each export, so the growth an export causes shows.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class ExportPerformanceTests: XCTestCase {
    private func peakResidentMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024  // kilobytes on Linux
    }

    /// User + system CPU seconds of this process: steadier than wall time on a busy machine.
    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private func benchmarkGraph(nodes: Int) throws -> MemoryGraph {
        let g = MemoryGraph()
        g.reserve(nodes: nodes, relationships: nodes * 5)
        let labels = [["Company"], ["Person"], ["Project"], ["Market"], ["Organization", "Alliance"]]
        for i in 0..<nodes {
            var p = ValueMap()
            p["name"] = .string("Entity \(i)")
            p["founded"] = .int(Int64(1900 + i % 120))
            if i % 3 == 0 { p["score"] = .float(Double(i) / 7) }
            try g.createNode(labels: labels[i % labels.count], properties: p)
        }
        let types = ["HOLDS_STAKE", "PARTNERS_WITH", "INVESTS_IN", "MEMBER_OF", "LEADS"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<(nodes * 5) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let target = Int((state >> 33) % UInt64(nodes))
            var p = ValueMap()
            if i % 2 == 0 { p["percent"] = .float(Double(i % 1000) / 10) }
            try g.createRelationship(type: types[i % types.count], start: i % nodes, end: target, properties: p)
        }
        return g
    }

    func testExportSpeedOnTheBenchmarkGraph() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["KEIRETSU_PERF"] == "1" else { throw XCTSkip("set KEIRETSU_PERF=1 (and build with -c release) to measure") }
        let nodes = Int(env["KEIRETSU_PERF_NODES"] ?? "") ?? 1_000_000
        var start = Date()
        let g = try benchmarkGraph(nodes: nodes)
        print("perf: built \(g.nodeCount) nodes, \(g.relationshipCount) relationships in "
              + String(format: "%.1f", Date().timeIntervalSince(start)) + " s; peak RSS \(peakResidentMB()) MB")
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var graphmlSeconds = 0.0
        let formats = (env["KEIRETSU_PERF_FORMATS"] ?? "graphml,dot,json,cypher").split(separator: ",")
            .compactMap { ExportFormat(rawValue: String($0)) }
        for format in formats {
            let path = dir.appendingPathComponent("bench.\(format.rawValue)").path
            let before = peakResidentMB()
            let cpuBefore = cpuSeconds()
            start = Date()
            try exportGraph(g, subgraph: .whole(graph: g), format: format, toFile: path)
            let seconds = Date().timeIntervalSince(start)
            let cpu = cpuSeconds() - cpuBefore
            if format == .graphml { graphmlSeconds = seconds }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / 1_000_000
            print("perf: \(format.rawValue): " + String(format: "%.2f s wall, %.2f s CPU", seconds, cpu) + ", \(size) MB, peak RSS \(before) → \(peakResidentMB()) MB")
            if format == .graphml && env["KEIRETSU_PERF_READ"] == "1" {
                let loaded = MemoryGraph()
                let readStart = Date(), readCPU = cpuSeconds()
                try GraphMLReader.load(path: path, into: loaded)
                print("perf: graphml import: " + String(format: "%.2f s wall, %.2f s CPU", Date().timeIntervalSince(readStart), cpuSeconds() - readCPU)
                      + ", \(loaded.nodeCount) nodes, \(loaded.relationshipCount) relationships")
                XCTAssertEqual(loaded.relationshipCount, g.relationshipCount)
            }
            try FileManager.default.removeItem(atPath: path)
        }
        if nodes >= 1_000_000 {
            XCTAssertLessThan(graphmlSeconds, 10, "GraphML export of the 1M-node graph should take under 10 s")
        }
    }
}
