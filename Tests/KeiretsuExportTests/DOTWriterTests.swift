// DOT export: Graphviz must accept every adversarial graph without a word on stderr, and the
// drawing must follow DESIGN.md's conventions.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class DOTWriterTests: XCTestCase {
    private func dot(_ g: MemoryGraph, _ options: DOTOptions = DOTOptions()) throws -> String {
        let sink = MemorySink()
        try DOTWriter.write(graph: g, subgraph: .whole(graph: g), options: options, to: sink)
        return sink.text
    }

    /// Runs `dot -Tsvg` and asserts success with an empty stderr; returns the SVG.
    @discardableResult
    private func assertGraphvizAccepts(_ text: String, layout: String = "dot", _ what: String,
                                       file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try TestSupport.run("dot", ["-Tsvg", "-K\(layout)"], stdin: Data(text.utf8))
        XCTAssertEqual(r.status, 0, "\(what): dot failed: \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stderr, "", "\(what): dot printed on stderr", file: file, line: line)
        XCTAssertTrue(r.stdoutText.contains("<svg"), what, file: file, line: line)
        return r.stdoutText
    }

    func testGraphvizAcceptsEveryAdversarialGraphWithNothingOnStderr() throws {
        for (name, build) in AdversarialGraphs.all {
            let g = try build()
            for options in [DOTOptions(), DOTOptions(includeProvenance: true, clusterBy: .alliance),
                            DOTOptions(edgeLabels: false, legend: false)] {
                try assertGraphvizAccepts(try dot(g, options), "\(name) \(options)")
            }
            try assertGraphvizAccepts(try dot(g, DOTOptions(layout: .sfdp)), layout: "sfdp", "\(name) sfdp")
        }
    }

    func testTheDrawnTextIsTheUserTextExactly() throws {
        let g = MemoryGraph()
        try g.node(["Company"], ["name": "A \"B\" \\N & <C>"])
        let svg = try assertGraphvizAccepts(try dot(g, DOTOptions(legend: false)), "escaping")
        // SVG escapes the XML specials itself; \N stays a backslash and an N, & stays &.
        XCTAssertTrue(svg.contains("A &quot;B&quot; \\N &amp; &lt;C&gt;"), svg)
    }

    func testQuotingEscapesEverythingGraphvizWouldInterpret() {
        XCTAssertEqual(DOTStyle.quoted("plain"), "\"plain\"")
        XCTAssertEqual(DOTStyle.quoted("a\"b"), #""a\"b""#)
        XCTAssertEqual(DOTStyle.quoted("a\\N"), #""a\\N""#)
        XCTAssertEqual(DOTStyle.quoted("x\r\ny\rz\nw"), #""x\ny\nz\nw""#)
        XCTAssertEqual(DOTStyle.quoted("&lt;"), "\"&amp;lt;\"")
        XCTAssertEqual(DOTStyle.quoted("c\u{01}d\u{7F}\u{FFFE}"), "\"c\u{FFFD}d\u{FFFD}\u{FFFD}\"")
        XCTAssertEqual(DOTStyle.quoted("abcdef", limit: 3), "\"abc…\"")
        XCTAssertEqual(DOTStyle.quoted("日本😀", limit: 2), "\"日本…\"")
    }

    func testIdsAreSyntheticAndTheGraphIsNeverStrict() throws {
        let text = try dot(try AdversarialGraphs.keywords())
        XCTAssertTrue(text.hasPrefix("digraph \"keiretsu\" {"))
        XCTAssertFalse(text.contains("strict digraph"))
        // Every node statement and edge endpoint is a quoted synthetic id.
        for line in text.split(separator: "\n") where line.contains(" [label=") && !line.contains("legend_") && !line.contains("graph [") {
            let id = line.trimmingCharacters(in: .whitespaces).prefix { $0 != " " }
            XCTAssertNotNil(id.range(of: #"^"n[0-9]+"$"#, options: .regularExpression), String(line))
        }
        XCTAssertTrue(text.contains(#""n0" -> "n1" [label="strict"]"#), text)
    }

    func testParallelEdgesAndSelfLoopsAreAllDrawn() throws {
        let g = try AdversarialGraphs.loops()
        let text = try dot(g)
        XCTAssertEqual(text.components(separatedBy: #""n0" -> "n1""#).count - 1, 4)
        XCTAssertEqual(text.components(separatedBy: #""n0" -> "n0""#).count - 1, 2)
        let svg = try assertGraphvizAccepts(text, "loops")
        XCTAssertEqual(svg.components(separatedBy: "class=\"edge\"").count - 1, g.relationshipCount + 1)  // + legend sample
    }

    func testStylesCaptionsAndDashesFollowTheVocabulary() throws {
        let text = try dot(try AdversarialGraphs.alliance())
        XCTAssertTrue(text.contains(##"[label="Maker One", shape="box", fillcolor="#cfe2f3"]"##), text)
        XCTAssertTrue(text.contains(#"[label="Chief Person", shape="ellipse""#))
        XCTAssertTrue(text.contains(#"[label="EV Platform", shape="hexagon""#))
        XCTAssertTrue(text.contains(#"[label="India", shape="house""#))
        XCTAssertTrue(text.contains(#"[label="State Fund", shape="diamond""#))
        XCTAssertTrue(text.contains(#"[label="Three-Way Alliance", shape="doubleoctagon""#))
        XCTAssertTrue(text.contains(#"[label="HOLDS_STAKE 43.4%"]"#))
        XCTAssertTrue(text.contains(#"[label="HOLDS_STAKE 15%"]"#))
        XCTAssertTrue(text.contains(#"[label="HOLDS_STAKE → 34%", style="dashed"]"#))
        XCTAssertTrue(text.contains(#"[label="HOLDS_ROLE CEO", style="dashed"]"#))  // former
        XCTAssertTrue(text.contains(#"[label="HOLDS_ROLE Chairman"]"#))
        XCTAssertTrue(text.contains(#"[label="INVESTS_IN 2.3bn EUR", style="dashed"]"#))  // considering
        XCTAssertTrue(text.contains(#"graph [rankdir="LR""#))
        XCTAssertTrue(text.contains(#"subgraph "cluster_legend""#))
        let loops = try dot(try AdversarialGraphs.loops())
        XCTAssertTrue(loops.contains(##"[label="MERGES_WITH abandoned", style="dotted", color="#999999", dir="none"]"##), loops)
    }

    func testProvenanceIsHiddenUnlessAskedFor() throws {
        let g = try AdversarialGraphs.alliance()
        let hidden = try dot(g)
        XCTAssertFalse(hidden.contains("MENTIONS"))
        XCTAssertFalse(hidden.contains("Article one"))
        let shown = try dot(g, DOTOptions(includeProvenance: true))
        XCTAssertTrue(shown.contains("MENTIONS"))
        XCTAssertTrue(shown.contains(#"[label="Article one", shape="note""#))
    }

    func testAllianceClustersHoldTheirMembers() throws {
        let text = try dot(try AdversarialGraphs.alliance(), DOTOptions(clusterBy: .alliance))
        let cluster = try XCTUnwrap(text.range(of: #"subgraph "cluster_n0" {"#))
        let body = text[cluster.upperBound...].prefix { $0 != "}" }
        for member in ["Three-Way Alliance", "Maker One", "Maker Two", "Maker Three"] {
            XCTAssertTrue(body.contains(member), "\(member) not in the cluster")
        }
        XCTAssertFalse(body.contains("Chief Person"))
        XCTAssertFalse(try dot(try AdversarialGraphs.alliance()).contains("cluster_n0"))
    }

    func testUserPropertiesNeverBecomeGraphvizAttributes() throws {
        let g = MemoryGraph()
        try g.node(["Company"], ["name": "x", "shape": "star", "color": "red", "label": "evil", "style": "invis"])
        let text = try dot(g, DOTOptions(legend: false))
        XCTAssertFalse(text.contains("star"))
        XCTAssertFalse(text.contains("red"))
        XCTAssertFalse(text.contains("evil"))
        XCTAssertFalse(text.contains("invis"))
    }

    func testOutputIsDeterministic() throws {
        let a = try dot(try AdversarialGraphs.keywords(), DOTOptions(clusterBy: .alliance))
        let b = try dot(try AdversarialGraphs.keywords(), DOTOptions(clusterBy: .alliance))
        XCTAssertEqual(a, b)
        // Unknown labels get a colour from a fixed hash, the same in every process.
        XCTAssertEqual(DOTStyle.fnv1a("strict"), 8_094_637_421_443_442_420)  // FNV-1a 64, as Python computes it
    }

    func testEdgeCaptionsFormatAmountsAndPercentages() {
        XCTAssertEqual(DOTStyle.edgeCaption(type: "HOLDS_STAKE", properties: ["percent": 43.0]), "HOLDS_STAKE 43%")
        XCTAssertEqual(DOTStyle.edgeCaption(type: "INVESTS_IN", properties: ["amount": 250_000_000]), "INVESTS_IN 250M")
        XCTAssertEqual(DOTStyle.edgeCaption(type: "INVESTS_IN", properties: ["amount": "undisclosed", "currency": "JPY"]),
                       "INVESTS_IN undisclosed JPY")
        XCTAssertEqual(DOTStyle.edgeCaption(type: "OTHER", properties: ["percent": 5]), "OTHER")
        XCTAssertEqual(DOTStyle.lineStyle(properties: ["status": "Talks"]), .dashed)
        XCTAssertEqual(DOTStyle.lineStyle(properties: ["percent": 5, "targetPercent": 10]), .solid)
    }
}
