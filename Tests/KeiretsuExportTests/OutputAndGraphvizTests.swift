// Atomic file output and the Graphviz runner (layout choice, svg/png through the real `dot`).

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class OutputAndGraphvizTests: XCTestCase {
    // MARK: AtomicFileWriter

    func testCommitReplacesTheTargetAndLeavesNoTemporaryFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.graphml").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        let w = try AtomicFileWriter(path: target)
        try w.write("new content")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old", "untouched until commit")
        try w.commit()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new content")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.graphml"])
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "a replaced file keeps its permissions")
    }

    func testAFailedExportLeavesTheTargetAsItWas() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("x.svg").path
        try "previous".write(toFile: target, atomically: false, encoding: .utf8)
        let g = try AdversarialGraphs.alliance()
        if GraphvizRunner.findDot() != nil {
            // Graphviz stopped by a zero timeout: the export fails and the old file stays.
            XCTAssertThrowsError(try exportGraph(g, subgraph: .whole(graph: g), format: .svg,
                                                 options: ExportOptions(graphvizTimeout: 0), toFile: target)) { error in
                XCTAssertEqual((error as? CypherError)?.qualifiedCode, "Timeout.GraphvizTimeout")
            }
            XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "previous")
        }
        let w = try AtomicFileWriter(path: target)
        try exportGraph(g, subgraph: .whole(graph: g), format: .dot, to: w)
        w.cancel()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["x.svg"])
        // A writer dropped without commit cleans up too.
        do {
            let dropped = try AtomicFileWriter(path: target)
            try dropped.write("partial")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["x.svg"])
    }

    func testAnExportIntoAMissingDirectoryIsAWriteError() throws {
        let g = try AdversarialGraphs.loops()
        XCTAssertThrowsError(try exportGraph(g, subgraph: .whole(graph: g), format: .graphml, toFile: "/nonexistent-dir/x.graphml")) { error in
            XCTAssertEqual((error as? CypherError)?.qualifiedCode, "DatabaseError.WriteFailed")
        }
    }

    func testANewFileGetsTheUsualPermissions() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("fresh.json").path
        let g = try AdversarialGraphs.loops()
        try exportGraph(g, subgraph: .whole(graph: g), format: .json, toFile: target)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int ?? 0
        XCTAssertEqual(mode & 0o600, 0o600, "readable and writable by the owner (0666 minus umask, not mkstemp's 0600 only)")
        XCTAssertNotEqual(mode, 0o600)
    }

    // MARK: Graphviz

    func testTheLayoutIsChosenBySizeUnlessGiven() {
        let small = GraphvizRunner.plan(nodes: 40, relationships: 80, layout: nil, edgeLabels: nil)
        XCTAssertEqual(small.layout, .dot)
        XCTAssertTrue(small.edgeLabels)
        XCTAssertEqual(small.note, "layout: dot with edge labels (40 nodes, 80 relationships; chosen by size)")
        let medium = GraphvizRunner.plan(nodes: 200, relationships: 900, layout: nil, edgeLabels: nil)
        XCTAssertEqual(medium.layout, .sfdp)
        XCTAssertTrue(medium.edgeLabels)
        let large = GraphvizRunner.plan(nodes: 5000, relationships: 9000, layout: nil, edgeLabels: nil)
        XCTAssertEqual(large.layout, .sfdp)
        XCTAssertFalse(large.edgeLabels)
        let forced = GraphvizRunner.plan(nodes: 5000, relationships: 9000, layout: .neato, edgeLabels: true)
        XCTAssertEqual(forced.layout, .neato)
        XCTAssertTrue(forced.edgeLabels)
        XCTAssertTrue(forced.note.hasSuffix("as requested)"))
        // The dot engine on a big graph is allowed when asked for, but without edge labels.
        XCTAssertFalse(GraphvizRunner.plan(nodes: 100, relationships: 10, layout: .dot, edgeLabels: nil).edgeLabels)
    }

    func testSVGAndPNGExportsRunGraphviz() throws {
        guard GraphvizRunner.findDot() != nil else { throw XCTSkip("Graphviz's dot is not on PATH") }
        let g = try AdversarialGraphs.alliance()
        let svg = MemorySink()
        let summary = try exportGraph(g, subgraph: .whole(graph: g), format: .svg, options: ExportOptions(clusterBy: .alliance), to: svg)
        XCTAssertTrue(svg.text.contains("<svg"))
        XCTAssertTrue(svg.text.contains("Maker One"))
        XCTAssertFalse(svg.text.contains("Article one"), "provenance hidden")
        XCTAssertEqual(summary.nodes, 8)
        XCTAssertEqual(summary.notes, ["layout: dot with edge labels (8 nodes, 12 relationships; chosen by size)"])
        let png = MemorySink()
        try exportGraph(g, subgraph: .whole(graph: g), format: .png, options: ExportOptions(layout: .sfdp), to: png)
        XCTAssertEqual(Array(png.bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testALargeGraphIsDrawnWithSfdpAndNoEdgeLabels() throws {
        guard GraphvizRunner.findDot() != nil else { throw XCTSkip("Graphviz's dot is not on PATH") }
        let g = MemoryGraph()
        for i in 0..<400 { try g.node(["Company"], ["name": .string("Company \(i)")]) }
        for i in 0..<400 { try g.rel(i, "PARTNERS_WITH", (i * 7 + 3) % 400, ["since": 2000]) }
        let svg = MemorySink()
        let summary = try exportGraph(g, subgraph: .whole(graph: g), format: .svg, to: svg)
        XCTAssertEqual(summary.notes, ["layout: sfdp without edge labels (400 nodes, 400 relationships; chosen by size)"])
        XCTAssertFalse(svg.text.contains("PARTNERS_WITH since"))
    }

    func testGraphvizFailuresAndAbsenceAreClearErrors() throws {
        XCTAssertNil(GraphvizRunner.findDot(environment: ["PATH": "/nonexistent"]))
        guard GraphvizRunner.findDot() != nil else { throw XCTSkip("Graphviz's dot is not on PATH") }
        XCTAssertThrowsError(try GraphvizRunner.render(dotText: "digraph { a -> }", format: .svg, layout: .dot, to: MemorySink())) { error in
            XCTAssertEqual((error as? CypherError)?.qualifiedCode, "InputError.GraphvizFailed")
            XCTAssertTrue((error as? CypherError)?.message.contains("syntax error") ?? false, "\(error)")
        }
    }
}
