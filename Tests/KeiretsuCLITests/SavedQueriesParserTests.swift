// The `.cyt` parser: every record kind, the cell notation read back as values, and malformed
// files reported at file:line:col with the code of what is wrong.

@testable import KeiretsuCLI
import KeiretsuCypher
import KeiretsuGraph
import XCTest

final class SavedQueriesParserTests: XCTestCase {
    // MARK: Record kinds

    func testStatementOkWithCounters() throws {
        let file = try parseCyt("""
            # Make two.
            # Second comment line.
            statement ok nodesCreated=2 propertiesSet=4
            CREATE (:A {x: 1, y: 2}),
                   (:A {x: 3, y: 4})
            """)
        XCTAssertEqual(file.records.count, 1)
        let r = file.records[0]
        XCTAssertEqual(r.firstLine, 1)
        XCTAssertEqual(r.line, 3)
        XCTAssertEqual(r.lastLine, 5)
        XCTAssertEqual(r.comment, "Make two.\nSecond comment line.")
        XCTAssertEqual(r.title, "Make two.")
        guard case .statement(let s) = r.kind, case .ok(let counters) = s.expectation else { return XCTFail("\(r.kind)") }
        XCTAssertEqual(counters, [CounterExpectation(name: "nodesCreated", value: 2), CounterExpectation(name: "propertiesSet", value: 4)])
        XCTAssertEqual(s.cypher.text, "CREATE (:A {x: 1, y: 2}),\n       (:A {x: 3, y: 4})")
        XCTAssertEqual(s.cypher.fileLines, [4, 5])
    }

    func testErrorExpectations() throws {
        let file = try parseCyt("""
            statement error SyntaxError.UnknownFunction at 2:8 /unknown  function 'x|y'/
            // comment of the statement
            RETURN nope()

            query error TypeError
            RETURN 1 + 'a'
            """)
        guard case .statement(let s) = file.records[0].kind, case .error(let e) = s.expectation else { return XCTFail() }
        XCTAssertEqual(e.kind, .syntaxError)
        XCTAssertEqual(e.code, "UnknownFunction")
        XCTAssertEqual(e.position, SourceLocation(line: 2, column: 8))
        XCTAssertEqual(e.pattern, "unknown  function 'x|y'")
        XCTAssertEqual(e.text, "SyntaxError.UnknownFunction at 2:8 /unknown  function 'x|y'/")
        guard case .query(let q) = file.records[1].kind, case .error(let e2) = q.expectation else { return XCTFail() }
        XCTAssertEqual(e2.kind, .typeError)
        XCTAssertNil(e2.code)
        XCTAssertNil(e2.position)
        XCTAssertNil(e2.pattern)
    }

    func testQueryModesHeaderAndRows() throws {
        let file = try parseCyt("""
            query rowsort
            MATCH (n) RETURN n.name AS name, n.tags AS tags
            ----
            name|tags
            'a' | ['x', 'y|z']
             "b"  |   []

            query
            RETURN 1 AS x
            ----
            x
            1

            query valuesort
            UNWIND [1, 2] AS x RETURN x
            ----
            x
            """)
        guard case .query(let q) = file.records[0].kind, case .result(let expected?) = q.expectation else { return XCTFail() }
        XCTAssertEqual(q.mode, .rowsort)
        XCTAssertTrue(q.modeWritten)
        XCTAssertEqual(expected.separatorLine, 3)
        XCTAssertEqual(expected.headerLine, 4)
        XCTAssertEqual(expected.columns, ["name", "tags"])
        XCTAssertEqual(expected.rows.map(\.line), [5, 6])
        XCTAssertEqual(expected.rows[0].cellTexts, ["'a'", "['x', 'y|z']"])
        XCTAssertEqual(expected.rows[1].cells.map(\.key), ["'b'", "[]"])
        guard case .query(let q2) = file.records[1].kind else { return XCTFail() }
        XCTAssertEqual(q2.mode, .nosort)
        XCTAssertFalse(q2.modeWritten)
        guard case .query(let q3) = file.records[2].kind, case .result(let e3?) = q3.expectation else { return XCTFail() }
        XCTAssertEqual(q3.mode, .valuesort)
        XCTAssertTrue(e3.rows.isEmpty)
    }

    func testQueryWithoutExpectationYet() throws {
        let file = try parseCyt("query\nRETURN 1 AS x\n")
        guard case .query(let q) = file.records[0].kind, case .result(nil) = q.expectation else { return XCTFail() }
    }

    func testParamIncludeResetHaltAndConditions() throws {
        let file = try parseCyt("""
            # Parameters.
            param from = 'Nissan'
            param  n  =  1 + 2

            include more/setup.cyt

            reset

            skipif env CI
            onlyif function date
            onlyif label Company
            skipif type OWNS
            halt
            """, name: "dir/t.cyt")
        XCTAssertEqual(file.records.count, 4)
        guard case .parameters(let ps) = file.records[0].kind else { return XCTFail() }
        XCTAssertEqual(ps.map(\.name), ["from", "n"])
        XCTAssertEqual(ps.map(\.expression), ["'Nissan'", "1 + 2"])
        XCTAssertEqual(ps.map(\.line), [2, 3])
        XCTAssertEqual(ps[1].column, 13, "byte column of the expression in its line")
        XCTAssertFalse(file.records[0].isCheck)
        guard case .include(let written, let resolved) = file.records[1].kind else { return XCTFail() }
        XCTAssertEqual(written, "more/setup.cyt")
        XCTAssertEqual(resolved, "dir/more/setup.cyt")
        guard case .reset = file.records[2].kind, case .halt = file.records[3].kind else { return XCTFail() }
        XCTAssertEqual(file.records[3].conditions, [
            RecordCondition(only: false, test: .environment(name: "CI", value: nil), text: "skipif env CI"),
            RecordCondition(only: true, test: .function("date"), text: "onlyif function date"),
            RecordCondition(only: true, test: .label("Company"), text: "onlyif label Company"),
            RecordCondition(only: false, test: .relationshipType("OWNS"), text: "skipif type OWNS"),
        ])
    }

    func testCommentBlocksAloneAreNotRecordsAndCRLFIsRead() throws {
        let file = try parseCyt("# header\r\n# more\r\n\r\nquery\r\nRETURN 'a' AS x\r\n----\r\nx\r\n'a'\r\n")
        XCTAssertEqual(file.records.count, 1)
        XCTAssertEqual(file.lineBreak, "\r\n")
        XCTAssertEqual(file.records[0].line, 4)
        guard case .query(let q) = file.records[0].kind, case .result(let e?) = q.expectation else { return XCTFail() }
        XCTAssertEqual(q.cypher.text, "RETURN 'a' AS x")
        XCTAssertEqual(e.rows.first?.cells.first?.key, "'a'")
        XCTAssertEqual(file.record(containing: 6)?.line, 4)
        XCTAssertNil(file.record(containing: 3))
    }

    // MARK: Cells

    func cell(_ text: String) throws -> ExpectedCell {
        let file = try parseCyt("query\nRETURN 1 AS x\n----\nx\n\(text)\n")
        guard case .query(let q) = file.records[0].kind, case .result(let e?) = q.expectation,
              let c = e.rows.first?.cells.first else { throw XCTSkip("no cell") }
        return c
    }

    func value(_ text: String) throws -> Value? {
        if case .value(let v) = try cell(text) { return v }
        return nil
    }

    func testCellsAreReadAsValues() throws {
        XCTAssertEqual(try value("1.00")?.literal(), "1.0")
        XCTAssertEqual(try value("-7")?.literal(), "-7")
        XCTAssertEqual(try value("1e3")?.literal(), "1000.0")
        XCTAssertEqual(try value("9223372036854775807")?.literal(), "9223372036854775807")
        XCTAssertEqual(try value("-Infinity")?.literal(), "-Infinity")
        XCTAssertEqual(try value("NaN")?.literal(), "NaN")
        XCTAssertEqual(try value("NULL")?.literal(), "null")
        XCTAssertEqual(try value(#""it's \"q\" \u00e9 \n""#)?.stringValue, "it's \"q\" é \n")
        XCTAssertEqual(try value("'a\\\\b\\''")?.stringValue, "a\\b'")
        XCTAssertEqual(try value("{b: [1, 2.5], `a key`: null}")?.comparisonKey, "{`a key`: null, b: [1, 2.5]}")
        XCTAssertEqual(try value("(:B:A {name: 'x'})")?.comparisonKey, "(:A:B {name: 'x'})")
        XCTAssertEqual(try value("[:T {w: 1}]")?.literal(), "[:T {w: 1}]")
        XCTAssertEqual(try value("<(:A)-[:T]->(:B)<-[:U {k: 2}]-(:C)>")?.literal(), "<(:A)-[:T]->(:B)<-[:U {k: 2}]-(:C)>")
        // `1` and `1.0` stay apart, `'1'` is a string.
        XCTAssertNotEqual(try cell("1").key, try cell("1.0").key)
        XCTAssertNotEqual(try cell("1").key, try cell("'1'").key)
    }

    func testAFunctionTheEngineLacksIsComparedAsText() throws {
        guard case .text(let t) = try cell("no_such_function_anywhere('2023-01-28')") else {
            return XCTFail("expected a text cell")
        }
        XCTAssertEqual(t, "no_such_function_anywhere('2023-01-28')")
        // A call the engine can evaluate becomes its value.
        XCTAssertEqual(try value("toUpper('abc')")?.stringValue, "ABC")
    }

    // MARK: ORDER BY

    func testOrderByDetection() {
        XCTAssertTrue(SavedQueryParser.hasOrderBy("MATCH (n) RETURN n ORDER BY n.x"))
        XCTAssertTrue(SavedQueryParser.hasOrderBy("RETURN 1 AS x order\n  /* c */ by x"))
        XCTAssertFalse(SavedQueryParser.hasOrderBy("RETURN 'ORDER BY' AS x"))
        XCTAssertFalse(SavedQueryParser.hasOrderBy("RETURN 1 AS x // ORDER BY x"))
        XCTAssertFalse(SavedQueryParser.hasOrderBy("RETURN 1 AS `order by`"))
        XCTAssertFalse(SavedQueryParser.hasOrderBy("MATCH (border) RETURN border.by"))
    }

    // MARK: Malformed files

    /// Each malformed text, the code it must be reported with, and the line:col it points at.
    let malformed: [(text: String, code: String, line: Int, column: Int)] = [
        ("querry\nRETURN 1", "UnknownDirective", 1, 1),
        ("statement okay\nRETURN 1", "BadDirective", 1, 11),
        ("statement ok nodesMade=1\nRETURN 1", "UnknownCounter", 1, 14),
        ("statement ok nodesCreated=-1\nRETURN 1", "BadDirective", 1, 27),
        ("statement error NoSuchError\nRETURN 1", "UnknownErrorKind", 1, 17),
        ("statement error SyntaxError at 3\nRETURN 1", "BadDirective", 1, 32),
        ("statement error SyntaxError /(/\nRETURN 1", "BadRegex", 1, 30),
        ("statement ok\n# only a comment", "MissingQuery", 1, 13),
        ("query sorted\nRETURN 1", "BadDirective", 1, 7),
        ("query\nRETURN 1 AS x\n----", "MissingHeader", 3, 5),
        ("query\nRETURN 1 AS x, 2 AS y\n----\nx | y\n1", "CellCount", 5, 1),
        ("query\nRETURN 1 AS x\n----\nx\n[1, 2", "BadLiteral", 5, 6),
        ("query\nRETURN 1 AS x\n----\nx\nfoo", "BadLiteral", 5, 1),
        ("query\nRETURN 1 AS x\n----\nx\n1\n# no comment here", "CommentInResult", 6, 1),
        ("query\nUNWIND [1, 2] AS x RETURN x\n----\nx\n1\n2", "NosortWithoutOrderBy", 1, 1),
        ("query\nRETURN 1;\nRETURN 2\n----\nx", "SeveralStatements", 3, 1),
        ("query error SyntaxError\nRETURN x\n----\nx", "UnexpectedSeparator", 3, 1),
        ("statement ok\nRETURN 1\n----", "UnexpectedSeparator", 3, 1),
        ("reset\nRETURN 1", "UnexpectedLine", 2, 1),
        ("halt now", "BadDirective", 1, 6),
        ("param 1x = 2", "BadDirective", 1, 7),
        ("param x 2", "BadDirective", 1, 10),
        ("skipif env CI", "MissingDirective", 1, 14),
        ("skipif weather sunny\nquery\nRETURN 1 AS x", "BadCondition", 1, 8),
        ("  \n\ninclude", "BadDirective", 3, 8),
    ]

    func testMalformedFilesAreReportedAtTheirPlace() {
        for (text, code, line, column) in malformed {
            do {
                _ = try parseCyt(text, name: "bad.cyt")
                XCTFail("parsed: \(text.debugDescription)")
            } catch let e as SavedQueryParseError {
                XCTAssertEqual(e.error.code, code, text.debugDescription)
                XCTAssertEqual(e.error.kind, .inputError)
                XCTAssertEqual(e.location, SourceLocation(line: line, column: column), "\(text.debugDescription): \(e.rendered)")
                XCTAssertTrue(e.rendered.hasPrefix("bad.cyt:\(line):\(column): error: InputError.\(code): "), e.rendered)
                XCTAssertTrue(e.rendered.contains("\n"), "the source line and a caret follow")
            } catch {
                XCTFail("\(text.debugDescription): \(error)")
            }
        }
    }

    func testColumnsCountCodePointsAfterNonASCIIText() {
        // 'é' and '日' take 2 and 3 bytes but count one column each.
        do {
            _ = try parseCyt("query\nRETURN 1 AS x\n----\nx\n'é日' | 1\n", name: "u.cyt")
            XCTFail("parsed")
        } catch let e as SavedQueryParseError {
            XCTAssertEqual(e.error.code, "CellCount")
            do {
                _ = try parseCyt("query\nRETURN 1 AS x\n----\nx\n['é日', oops]\n", name: "u.cyt")
            } catch let e2 as SavedQueryParseError {
                XCTAssertEqual(e2.location, SourceLocation(line: 5, column: 8), e2.rendered)
            } catch { XCTFail("\(error)") }
        } catch {
            XCTFail("\(error)")
        }
    }

    func testIncludeCyclesAndMissingIncludesAreLoadProblems() throws {
        let scratch = try ScratchFolder()
        try scratch.write("a.cyt", "include b.cyt\n")
        try scratch.write("b.cyt", "# b\n\ninclude a.cyt\n")
        try scratch.write("c.cyt", "include missing.cyt\n")
        var library = SavedQueryLibrary(evaluate: { _ in nil })
        library.load(scratch.path + "/a.cyt")
        library.load(scratch.path + "/c.cyt")
        XCTAssertEqual(library.problems.count, 2, library.problems.map(\.rendered).joined(separator: "\n"))
        XCTAssertTrue(library.problems[0].summary.hasPrefix("InputError.IncludeCycle"), library.problems[0].summary)
        XCTAssertEqual(library.problems[0].path, scratch.path + "/b.cyt")
        XCTAssertEqual(library.problems[0].line, 3)
        XCTAssertTrue(library.problems[1].summary.hasPrefix("InputError.IncludeNotFound"))
        XCTAssertEqual(library.problems[1].line, 1)
    }

    func testTargetsFromPaths() throws {
        let scratch = try ScratchFolder()
        try scratch.write("b/2.cyt", "")
        try scratch.write("b/1.cyt", "")
        try scratch.write("a.cyt", "")
        try scratch.write("plain.cypher", "")
        try scratch.write(".hidden/x.cyt", "")
        let targets = try SavedQueryLibrary.targets([scratch.path, scratch.path + "/a.cyt:7"])
        XCTAssertEqual(targets.map { $0.path.replacingOccurrences(of: scratch.path + "/", with: "") },
                       ["a.cyt", "b/1.cyt", "b/2.cyt", "a.cyt"])
        XCTAssertEqual(targets.map(\.line), [nil, nil, nil, 7])
        XCTAssertThrowsError(try SavedQueryLibrary.targets([scratch.path + "/nope.cyt"]))
        XCTAssertThrowsError(try SavedQueryLibrary.targets([scratch.path + "/nope.cyt:3"]))
    }
}
