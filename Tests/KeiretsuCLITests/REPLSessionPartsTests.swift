// The parts of a session that need no terminal: cutting input into statements and commands,
// meta-command parsing and suggestions, the REPL table and the error display.

import Foundation
import XCTest
import KeiretsuCypher
import KeiretsuGraph
@testable import KeiretsuCLI

final class REPLSessionPartsTests: XCTestCase {
    // MARK: ScriptFeeder

    func feed(_ lines: [String]) -> [ScriptFeeder.Item] {
        var f = ScriptFeeder()
        var items = lines.compactMap { f.feed(line: $0) }
        if let last = f.finish() { items.append(last) }
        return items
    }

    func testStatementsSpanLinesAndEndAtSemicolon() {
        XCTAssertEqual(feed(["MATCH (n)", "RETURN n;", "RETURN 2;"]),
                       [.statements("MATCH (n)\nRETURN n;\n", firstLine: 1), .statements("RETURN 2;\n", firstLine: 3)])
    }

    func testLastStatementWithoutSemicolonRunsAtEnd() {
        XCTAssertEqual(feed(["RETURN 1;", "RETURN", "2"]),
                       [.statements("RETURN 1;\n", firstLine: 1), .statements("RETURN\n2\n", firstLine: 2)])
    }

    func testMetaCommandsOnlyBetweenStatements() {
        XCTAssertEqual(feed([":param x => 1", "RETURN $x,", ":notmeta;"]),
                       [.meta(":param x => 1", line: 1), .statements("RETURN $x,\n:notmeta;\n", firstLine: 2)])
        XCTAssertEqual(feed(["/* comment", ":not a command */ RETURN 1;"]),
                       [.statements("/* comment\n:not a command */ RETURN 1;\n", firstLine: 1)])
        XCTAssertEqual(feed(["// comment", ":help"]), [.meta(":help", line: 2)])
    }

    func testCompleteStatementFollowedByStartOfAnother() {
        var f = ScriptFeeder()
        XCTAssertEqual(f.feed(line: "RETURN 1; RETURN"), .statements("RETURN 1;", firstLine: 1))
        XCTAssertEqual(f.feed(line: "2;"), .statements(" RETURN\n2;\n", firstLine: 1))
    }

    func testBlankInputGivesNothing() {
        XCTAssertEqual(feed(["", "  ", "// only a comment"]), [])
    }

    // MARK: Meta commands

    func testParse() {
        XCTAssertEqual(MetaCommand.parse("  :param  x => 1 ")?.name, "param")
        XCTAssertEqual(MetaCommand.parse(":param  x => 1 ")?.argument, "x => 1")
        XCTAssertNil(MetaCommand.parse("RETURN 1"))
        XCTAssertEqual(MetaCommand.parse(":schema;")?.name, "schema", "a trailing ; is forgiven")
        XCTAssertEqual(MetaCommand.parse(":maxrows 5 ;")?.argument, "5")
    }

    func testLookupIsCaseInsensitiveWithAliases() {
        XCTAssertEqual(MetaCommand.named("SCHEMA")?.name, "schema")
        XCTAssertEqual(MetaCommand.named("exit")?.name, "quit")
        XCTAssertEqual(MetaCommand.named("q")?.name, "quit")
        XCTAssertNil(MetaCommand.named("nope"))
    }

    func testSuggestionsByEditDistance() {
        XCTAssertEqual(MetaCommand.suggestion(for: "shema"), "schema")
        XCTAssertEqual(MetaCommand.suggestion(for: "fromat"), "format")
        XCTAssertEqual(MetaCommand.suggestion(for: "parms"), "params")
        XCTAssertEqual(MetaCommand.suggestion(for: "maxrow"), "maxrows")
        XCTAssertEqual(MetaCommand.suggestion(for: "exti"), "quit")
        XCTAssertNil(MetaCommand.suggestion(for: "completelydifferent"))
        XCTAssertEqual(MetaCommand.editDistance("kitten", "sitting"), 3)
    }

    func testParameterNames() {
        XCTAssertEqual(ReplSession.parameterName("year"), "year")
        XCTAssertEqual(ReplSession.parameterName("$year"), "year")
        XCTAssertEqual(ReplSession.parameterName("`start date`"), "start date")
        XCTAssertNil(ReplSession.parameterName("two words"))
    }

    // MARK: The REPL table

    func testTableAlignsNumbersDimsNullAndCountsRows() {
        let result = QueryResult(columns: ["name", "n", "x"],
                                 rows: [[.string("Example"), .int(43), .null], [.string("日本"), .float(1.5), .string("null")]])
        let plain = ReplTable(maxRows: 40, maxCellWidth: 40, terminalWidth: 80, palette: .plain)
            .render(result, elapsed: .microseconds(1500))
        XCTAssertEqual(plain, """
            ┌─────────┬─────┬──────┐
            │ name    │   n │ x    │
            ├─────────┼─────┼──────┤
            │ Example │  43 │ null │
            │ 日本    │ 1.5 │ null │
            └─────────┴─────┴──────┘
            2 rows (1.5 ms)

            """)
        let coloured = ReplTable(maxRows: 40, maxCellWidth: 40, terminalWidth: 80, palette: Palette(enabled: true))
            .render(result, elapsed: nil)
        XCTAssertTrue(coloured.contains("\u{1B}[2mnull\u{1B}[0m"), "the null value is dimmed")
        XCTAssertEqual(coloured.components(separatedBy: "\u{1B}[2mnull").count - 1, 1, "the string 'null' is not")
    }

    func testNullsInNumberColumnsLineUpWithTheNumbers() {
        let result = QueryResult(columns: ["n"], rows: [[.int(123456)], [.null]])
        let text = ReplTable(maxRows: 10, maxCellWidth: 10, terminalWidth: 80, palette: .plain).render(result, elapsed: nil)
        XCTAssertTrue(text.contains("│      n │\n"), text)
        XCTAssertTrue(text.contains("│ 123456 │\n│   null │"), text)
        let mixed = QueryResult(columns: ["v"], rows: [[.int(7)], [.string("x")], [.null]])
        let left = ReplTable(maxRows: 10, maxCellWidth: 10, terminalWidth: 80, palette: .plain).render(mixed, elapsed: nil)
        XCTAssertTrue(left.contains("│ v    │") && left.contains("│    7 │") && left.contains("│ null │"), left)
    }

    func testFooterSaysWhatIsHidden() {
        let rows = (1...5).map { [Value.string(String(repeating: "x", count: $0 * 10))] }
        let text = ReplTable(maxRows: 3, maxCellWidth: 15, terminalWidth: 80, palette: .plain)
            .render(QueryResult(columns: ["s"], rows: rows), elapsed: nil)
        XCTAssertTrue(text.contains("5 rows\n"), text)
        XCTAssertTrue(text.contains("2 more rows not shown (:maxrows 0 shows all)"), text)
        // Rows of 20 and 30 x's shown cut at 15 columns: 14 kept + "…", so 6 and 16 hidden.
        XCTAssertTrue(text.contains("2 cells cut, 22 characters hidden"), text)
    }

    func testColumnsNarrowToFitTheWindow() {
        let long = String(repeating: "a", count: 50)
        let text = ReplTable(maxRows: 10, maxCellWidth: 100, terminalWidth: 40, palette: .plain)
            .render(QueryResult(columns: ["a", "b"], rows: [[.string(long), .string(long)]]), elapsed: nil)
        for line in text.split(separator: "\n") where line.hasPrefix("│") || line.hasPrefix("┌") {
            XCTAssertLessThanOrEqual(TerminalWidth.of(String(line)), 40, String(line))
        }
    }

    func testUpdatesShowTheirSummary() {
        var stats = QueryStatistics()
        stats.nodesCreated = 2
        let text = ReplTable(maxRows: 10, maxCellWidth: 10, terminalWidth: 80, palette: .plain)
            .render(QueryResult(columns: [], rows: [], stats: stats), elapsed: .milliseconds(2))
        XCTAssertEqual(text, "Created 2 nodes. (2.0 ms)\n")
    }

    func testDurationFormat() {
        XCTAssertEqual(ReplTable.format(.microseconds(340)), "340 µs")
        XCTAssertEqual(ReplTable.format(.microseconds(1234)), "1.2 ms")
        XCTAssertEqual(ReplTable.format(.milliseconds(45)), "45 ms")
        XCTAssertEqual(ReplTable.format(.milliseconds(2410)), "2.41 s")
    }

    // MARK: Errors

    func testErrorDisplayCaretUnderWholeToken() {
        let error = CypherError(.syntaxError, "UnexpectedSyntax", "unexpected 'RETURN'", offset: 9, length: 6)
        XCTAssertEqual(ReplErrorDisplay(palette: .plain).render(error, in: "MATCH (n RETURN n;"), """
            error: SyntaxError.UnexpectedSyntax at 1:10: unexpected 'RETURN'
            MATCH (n RETURN n;
                     ^^^^^^
            """)
    }

    func testErrorDisplayWithWideCharactersAndLineOffset() {
        let text = "RETURN 1;\nRETURN '日本' + nope;"
        let offset = Array(text.utf8).count - 5
        let error = CypherError(.semanticError, "UndefinedVariable", "nope is not defined", offset: offset, length: 4)
        XCTAssertEqual(ReplErrorDisplay(palette: .plain).render(error, in: text, name: "q.cypher", firstLine: 10), """
            error: SemanticError.UndefinedVariable at q.cypher:11:15: nope is not defined
            RETURN '日本' + nope;
                            ^^^^
            """)
    }

    func testErrorWithoutPosition() {
        let error = CypherError(.timeout, "Timeout", "the statement ran longer than 1 s")
        XCTAssertEqual(ReplErrorDisplay(palette: .plain).render(error, in: "RETURN 1;"),
                       "error: Timeout.Timeout: the statement ran longer than 1 s")
    }

    // MARK: Colour choice

    func testColourChoice() {
        XCTAssertTrue(ColorChoice.auto.enabled(outputIsTerminal: true, environment: ["TERM": "xterm"]))
        XCTAssertFalse(ColorChoice.auto.enabled(outputIsTerminal: false, environment: ["TERM": "xterm"]))
        XCTAssertFalse(ColorChoice.auto.enabled(outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ColorChoice.auto.enabled(outputIsTerminal: true, environment: ["NO_COLOR": ""]),
                      "no-color.org: an empty NO_COLOR does not count")
        XCTAssertFalse(ColorChoice.auto.enabled(outputIsTerminal: true, environment: ["TERM": "dumb"]))
        XCTAssertTrue(ColorChoice.always.enabled(outputIsTerminal: false, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(ColorChoice.never.enabled(outputIsTerminal: true, environment: [:]))
    }
}
