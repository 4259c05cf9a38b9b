// The result renderers of KeiretsuExport/Rendering, checked against the exact text users and
// programs read.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph
import XCTest

final class RendererTests: XCTestCase {
    let zeroStats = #"{"nodesCreated":0,"nodesDeleted":0,"relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":0,"labelsRemoved":0,"propertiesSet":0}"#

    func render(_ format: ResultFormat, _ results: [QueryResult], error: (CypherError, SourceLocation?)? = nil,
                maxCellWidth: Int = 60) -> StringSink {
        let sink = StringSink()
        let renderer = format.makeRenderer(sink: sink, tableOptions: .init(maxCellWidth: maxCellWidth))
        renderer.begin()
        for r in results { renderer.write(r) }
        if let (e, loc) = error { renderer.writeError(e, at: loc) }
        renderer.end()
        return sink
    }

    var sample: QueryResult {
        QueryResult(columns: ["name", "n", "f", "z", "l"], rows: [
            [.string("Alpha"), .int(43), .float(1.5), .null, .list([.string("a"), .int(1)])],
            [.string("Beta"), .int(-7), .float(.nan), .null, .list([])],
        ])
    }

    // MARK: JSON

    func testJSONLinesObjectMatchesDesign() {
        let out = render(.jsonl, [QueryResult(columns: ["a"], rows: [[.int(1)]])]).text
        XCTAssertEqual(out, #"{"columns":["a"],"rows":[[1]],"stats":"# + zeroStats + "}\n")
    }

    func testJSONLinesStatsKeepTheirOrderAndCounts() {
        var stats = QueryStatistics()
        stats.nodesCreated = 3
        stats.propertiesSet = 6
        stats.labelsAdded = 3
        let out = render(.jsonl, [QueryResult(columns: [], rows: [], stats: stats)]).text
        XCTAssertEqual(out, #"{"columns":[],"rows":[],"stats":{"nodesCreated":3,"nodesDeleted":0,"relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":3,"labelsRemoved":0,"propertiesSet":6}}"# + "\n")
    }

    func testJSONValuesUseTheValueEncoding() {
        let out = render(.jsonl, [sample]).text
        XCTAssertTrue(out.hasPrefix(#"{"columns":["name","n","f","z","l"],"rows":[["Alpha",43,1.5,null,["a",1]],["Beta",-7,{"_kind":"float","value":"NaN"},null,[]]]"#), out)
    }

    func testJSONLinesFlushesAfterEveryStatement() {
        let sink = render(.jsonl, [sample, sample, sample])
        let lines = sink.text.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        var boundaries: [Int] = []
        var total = 0
        for line in lines {
            total += line.utf8.count + 1
            boundaries.append(total)
        }
        for b in boundaries { XCTAssertTrue(sink.flushedLengths.contains(b), "no flush after the statement ending at \(b)") }
    }

    func testJSONLinesErrorEndsTheStream() {
        let error = CypherError(.syntaxError, "UnknownFunction", "unknown function 'foo'", offset: 7)
        let out = render(.jsonl, [QueryResult(columns: ["a"], rows: [[.int(1)]])],
                         error: (error, SourceLocation(line: 1, column: 8))).text
        let lines = out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(String(lines[1]), #"{"error":{"kind":"SyntaxError","code":"UnknownFunction","message":"unknown function 'foo'","line":1,"column":8}}"#)
    }

    func testErrorWithoutLocationHasNoLineOrColumn() {
        let error = CypherError(.timeout, "TimeLimitExceeded", "ran past 1 s")
        let out = render(.jsonl, [], error: (error, nil)).text
        XCTAssertEqual(out, #"{"error":{"kind":"Timeout","code":"TimeLimitExceeded","message":"ran past 1 s"}}"# + "\n")
    }

    func testJSONArrayIsValidJSONEvenAfterAnError() throws {
        let error = CypherError(.semanticError, "UndefinedVariable", "x is not defined", offset: 0)
        for results in [[], [sample], [sample, sample]] {
            let out = render(.json, results, error: (error, SourceLocation(line: 2, column: 1))).text
            let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [Any]
            XCTAssertEqual(parsed?.count, results.count + 1, out)
        }
        let empty = render(.json, []).text
        XCTAssertEqual(empty, "[]\n")
        let one = render(.json, [QueryResult(columns: ["a"], rows: [[.int(1)]])]).text
        XCTAssertEqual(one, "[\n" + #"{"columns":["a"],"rows":[[1]],"stats":"# + zeroStats + "}\n]\n")
    }

    func testPlanIsAFieldInJSON() {
        let out = render(.jsonl, [QueryResult(columns: [], rows: [], plan: "Produce\n  Scan")]).text
        XCTAssertTrue(out.hasSuffix(#""propertiesSet":0},"plan":"Produce\n  Scan"}"# + "\n"), out)
    }

    // MARK: Table

    func testTableLayout() {
        let result = QueryResult(columns: ["name", "n"], rows: [[.string("Alpha"), .int(43)], [.string("Be"), .null]])
        let out = render(.table, [result]).text
        XCTAssertEqual(out, """
            ┌───────┬──────┐
            │ name  │ n    │
            ├───────┼──────┤
            │ Alpha │   43 │
            │ Be    │ null │
            └───────┴──────┘
            2 rows

            """)
    }

    func testTableShowsLiteralsAndBareStrings() {
        let out = render(.table, [sample]).text
        XCTAssertTrue(out.contains("│ Alpha │"), out)
        XCTAssertTrue(out.contains("['a', 1]"), out)
        XCTAssertTrue(out.contains(" NaN │"), out)
        XCTAssertTrue(out.hasSuffix("2 rows\n"), out)
    }

    func testTableTruncatesLongCellsAndEscapesLineBreaks() {
        let long = String(repeating: "x", count: 30)
        let result = QueryResult(columns: ["t"], rows: [[.string(long)], [.string("a\nb\tc")]])
        let out = render(.table, [result], maxCellWidth: 10).text
        XCTAssertTrue(out.contains("│ xxxxxxxxx… │"), out)
        XCTAssertTrue(out.contains(#"│ a\nb\tc    │"#), out)
    }

    func testTableAlignsWideCharacters() {
        let result = QueryResult(columns: ["name"], rows: [[.string("日産")], [.string("abcd")]])
        let out = render(.table, [result]).text
        XCTAssertTrue(out.contains("│ 日産 │"), out)
        XCTAssertTrue(out.contains("│ abcd │"), out)
    }

    func testTableSingularFooterAndUpdateSummary() {
        var stats = QueryStatistics()
        stats.nodesCreated = 1
        stats.propertiesSet = 2
        let out = render(.table, [QueryResult(columns: ["x"], rows: [[.int(1)]], stats: stats)]).text
        XCTAssertTrue(out.hasSuffix("1 row\nCreated 1 node, set 2 properties.\n"), out)
    }

    func testPureUpdatePrintsSummaryOnly() {
        var stats = QueryStatistics()
        stats.nodesCreated = 3
        stats.propertiesSet = 6
        XCTAssertEqual(render(.table, [QueryResult(columns: [], rows: [], stats: stats)]).text,
                       "Created 3 nodes, set 6 properties.\n")
        XCTAssertEqual(render(.table, [QueryResult(columns: [], rows: [])]).text, "(no changes, no records)\n")
        var all = QueryStatistics()
        all.nodesDeleted = 2
        all.relationshipsCreated = 1
        all.relationshipsDeleted = 1
        all.labelsRemoved = 1
        XCTAssertEqual(all.summary, "Deleted 2 nodes, created 1 relationship, deleted 1 relationship, removed 1 label.")
    }

    func testExplainPrintsThePlanWithoutAnEmptyTable() {
        let out = render(.table, [QueryResult(columns: ["n"], rows: [], plan: "Produce(n)\n  NodeScan(n:Company)")]).text
        XCTAssertEqual(out, "Produce(n)\n  NodeScan(n:Company)\n")
    }

    func testSeveralTablesAreSeparatedByABlankLine() {
        let r = QueryResult(columns: ["a"], rows: [[.int(1)]])
        let out = render(.table, [r, r]).text
        XCTAssertTrue(out.contains("1 row\n\n┌"), out)
    }

    // MARK: CSV and TSV

    func testCSVFollowsRFC4180() {
        let result = QueryResult(columns: ["a,b", "q"], rows: [
            [.string("x,y"), .string(#"say "hi""#)],
            [.string("line\nbreak"), .int(1)],
            [.null, .list([.string("s")])],
        ])
        XCTAssertEqual(render(.csv, [result]).text,
                       "\"a,b\",q\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",1\r\n" + "null,['s']\r\n")
    }

    func testTSVEscapesTabsLineBreaksAndBackslashes() {
        let result = QueryResult(columns: ["t", "f"], rows: [[.string("a\tb\nc\\d\re"), .float(2)]])
        XCTAssertEqual(render(.tsv, [result]).text, "t\tf\n" + #"a\tb\nc\\d\re"# + "\t2.0\n")
    }

    func testDelimitedSkipsStatementsWithoutColumns() {
        let r = QueryResult(columns: ["a"], rows: [[.int(1)]])
        XCTAssertEqual(render(.tsv, [r, QueryResult(columns: [], rows: []), r]).text, "a\n1\n\na\n1\n")
    }

    func testDefaultFormatDependsOnTheTerminal() {
        XCTAssertEqual(ResultFormat.defaultFormat(outputIsTerminal: true), .table)
        XCTAssertEqual(ResultFormat.defaultFormat(outputIsTerminal: false), .tsv)
    }
}
