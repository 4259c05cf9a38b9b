// The saved-query runner on the fixture files in Fixtures/cyt: passing records of every kind, a
// failure with its unified diff, `--update` round trips that keep comments and layout, JUnit XML
// read back with an XML parser, `--filter`, `--fail-fast`, `FILE:LINE`, GitHub annotations.

@testable import KeiretsuCLI
import KeiretsuCypher
import KeiretsuGraph
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class SavedQueriesRunnerTests: XCTestCase {
    func testEveryRecordKindPasses() throws {
        let run = try runSavedQueries([CytFixtures.path("pass.cyt")])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.output, "", "passing and skipped records print nothing")
        XCTAssertEqual(run.report.closingLine, "test: 14 passed, 0 failed, 2 skipped")
        XCTAssertEqual(run.report.exitStatus, 0)
        // The included file's record is reported with its own file and line.
        let included = run.report.suites[0].cases.filter { $0.file.hasSuffix("setup.cyt") }
        XCTAssertEqual(included.map(\.line), [2])
        // The records after `halt` never ran.
        XCTAssertFalse(run.report.suites[0].cases.contains { $0.line > 119 })
        let skipped = run.report.suites[0].cases.compactMap { c -> String? in
            if case .skipped(let reason) = c.outcome { return reason } else { return nil }
        }
        XCTAssertEqual(skipped, ["onlyif env KEIRETSU_FIXTURE_UNSET_VARIABLE", "onlyif function no_such_function_here"])
    }

    func testEachFileStartsFromAFreshCopyOfTheSource() throws {
        let source = MemoryGraph()
        _ = try Database(graph: source).execute("CREATE (:Seed {name: 's'})")
        let scratch = try ScratchFolder()
        let text = """
            statement ok nodesCreated=1
            CREATE (:Added)

            query
            MATCH (n) RETURN count(n) AS nodes
            ----
            nodes
            2

            """
        try scratch.write("one.cyt", text)
        try scratch.write("two.cyt", text)
        let run = try runSavedQueries([scratch.path], source: source)
        XCTAssertEqual(run.report.closingLine, "test: 4 passed, 0 failed, 0 skipped", run.output)
        XCTAssertEqual(source.nodeCount, 1, "the source graph itself is never changed")
    }

    func testAMismatchPrintsFileLineTheQueryAndAUnifiedDiff() throws {
        let path = CytFixtures.path("fail.cyt")
        let before = try CytFixtures.text("fail.cyt")
        let run = try runSavedQueries([path])
        XCTAssertEqual(run.report.closingLine, "test: 3 passed, 4 failed, 0 skipped")
        XCTAssertEqual(run.report.exitStatus, 1)
        XCTAssertTrue(run.output.contains("""
            \(path):16: FAIL: the result differs
                MATCH (c:Company)
                // comments inside the query stay where they are
                RETURN c.name AS name
                ORDER BY name
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
             name
             'Alpha'
             'Beta'
            -'Delta'
            +'Gamma'

            """), run.output)
        XCTAssertTrue(run.output.contains("\(path):28: FAIL: wrong counters: nodesCreated expected 5, got 1; propertiesSet expected 9, got 1"))
        XCTAssertTrue(run.output.contains("\(path):32: FAIL: no expected result yet"))
        // The engine's error is shown at its place in the .cyt file.
        XCTAssertTrue(run.output.contains("\(path):38:12: error: SyntaxError.UnknownFunction"), run.output)
        XCTAssertEqual(try CytFixtures.text("fail.cyt"), before, "without --update nothing is written")
        XCTAssertFalse(run.output.contains("::error"), "annotations only under GitHub Actions")
    }

    func testUpdateRewritesExpectationsKeepingCommentsAndLayout() throws {
        let scratch = try ScratchFolder()
        try CytFixtures.copy(["fail.cyt"], to: scratch)
        let path = scratch.path + "/fail.cyt"
        let run = try runSavedQueries([path]) { $0.update = true }
        XCTAssertEqual(run.report.closingLine, "test: 7 passed, 0 failed, 0 skipped")
        XCTAssertEqual(run.report.updatedFiles, [path])
        XCTAssertTrue(run.output.contains("\(path):16: updated\n"))
        XCTAssertTrue(run.output.contains("updated \(path) (4 expectations)"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), try CytFixtures.text("fail.updated.txt"))
        // Only the file is left in the folder: the temporary file was renamed over it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), ["fail.cyt"])
        // The rewritten file passes as it is.
        let again = try runSavedQueries([path])
        XCTAssertEqual(again.report.closingLine, "test: 7 passed, 0 failed, 0 skipped", again.output)
        // A second update changes nothing.
        let unchanged = try runSavedQueries([path]) { $0.update = true }
        XCTAssertEqual(unchanged.report.updatedFiles, [])
    }

    func testUpdateKeepsCRLFLineBreaksAndSortsRowsOfSortedModes() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("crlf.cyt", "# rows\r\nquery rowsort\r\nUNWIND ['b', 'a', 'c'] AS x RETURN x\r\n----\r\nx\r\n'z'\r\n\r\n# end\r\n")
        let run = try runSavedQueries([path]) { $0.update = true }
        XCTAssertEqual(run.report.failed, 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8),
                       "# rows\r\nquery rowsort\r\nUNWIND ['b', 'a', 'c'] AS x RETURN x\r\n----\r\nx\r\n'a'\r\n'b'\r\n'c'\r\n\r\n# end\r\n")
    }

    func testFailuresThatNeedAPersonAreNotRewritten() throws {
        let scratch = try ScratchFolder()
        let text = """
            query
            UNWIND [2, 1] AS x RETURN x
            ----
            x
            1

            statement ok
            RETURN nope()

            query error SyntaxError /a message that never matches/
            RETURN nope()

            query error SyntaxError
            RETURN 1 AS x

            """
        let path = try scratch.write("hard.cyt", text)
        let run = try runSavedQueries([path]) { $0.update = true }
        XCTAssertEqual(run.report.closingLine, "test: 0 passed, 4 failed, 0 skipped", run.output)
        XCTAssertTrue(run.output.contains("2 rows in nosort order, but the query has no ORDER BY"), run.output)
        XCTAssertTrue(run.output.contains("the statement failed: SyntaxError.UnknownFunction"))
        XCTAssertTrue(run.output.contains("but the query succeeded"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
        XCTAssertEqual(run.report.updatedFiles, [])
    }

    func testValuesAreComparedNotText() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("values.cyt", """
            query
            RETURN 1.0 AS f, {b: 2, a: 1} AS m, 'x' AS s, [1, 2.50] AS l
            ----
            f | m | s | l
            1.000 | {a: 1, b: 2.0} | "x" | [1, 2.5]

            """)
        let run = try runSavedQueries([path])
        XCTAssertEqual(run.report.failed, 1, "2 is an integer, 2.0 a float")
        XCTAssertTrue(run.output.contains("-1.000 | {a: 1, b: 2.0} | \"x\" | [1, 2.5]\n+1.0 | {a: 1, b: 2} | 'x' | [1, 2.5]"), run.output)
        try scratch.write("values.cyt", "query\nRETURN 1.0 AS f, {b: 2, a: 1} AS m\n----\nf | m\n1.000 | {a: 1, b: 2}\n")
        XCTAssertEqual(try runSavedQueries([path]).report.closingLine, "test: 1 passed, 0 failed, 0 skipped")
    }

    func testTemporalCellsAreReadByTheEngine() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("t.cyt", """
            query
            RETURN date('2023-01-28') AS d, datetime('2023-01-28T10:00Z') AS t, localtime('12:00') AS lt, [duration('P1D')] AS l
            ----
            d | t | lt | l
            date('2023-01-28') | datetime('2023-01-28T10:00:00.000Z') | localtime('12:00:00') | [duration('P1D')]

            query
            RETURN duration('PT24H') AS p
            ----
            p
            duration('P1D')

            """)
        let run = try runSavedQueries([path])
        if run.output.contains("UnknownFunction") { throw XCTSkip("the engine has no temporal functions") }
        // The same instants written differently match; a day is not 24 hours in Cypher durations.
        XCTAssertEqual(run.report.closingLine, "test: 1 passed, 1 failed, 0 skipped", run.output)
        XCTAssertTrue(run.output.contains("-duration('P1D')\n+duration('PT24H')"), run.output)
    }

    func testFilterChecksMatchingRecordsAfterRunningTheSetup() throws {
        let run = try runSavedQueries([CytFixtures.path("fail.cyt")]) { $0.filter = "SORTED VALUES" }
        XCTAssertEqual(run.report.closingLine, "test: 1 passed, 1 failed, 0 skipped", run.output)
        // The failing setup statement on line 28 is reported, since it ran.
        XCTAssertTrue(run.output.contains("fail.cyt:28: FAIL: wrong counters"), run.output)
        let none = try runSavedQueries([CytFixtures.path("pass.cyt")]) { $0.filter = "no record says this" }
        XCTAssertEqual(none.report.closingLine, "test: 0 passed, 0 failed, 0 skipped")
        XCTAssertEqual(none.report.exitStatus, 2, "no records to run")
    }

    func testFailFastStopsAtTheFirstFailure() throws {
        let run = try runSavedQueries([CytFixtures.path("fail.cyt"), CytFixtures.path("pass.cyt")]) { $0.failFast = true }
        XCTAssertEqual(run.report.closingLine, "test: 2 passed, 1 failed, 0 skipped")
        XCTAssertEqual(run.report.suites.count, 1, "the second file never ran")
    }

    func testOneRecordByLineRunsTheStatementsBeforeIt() throws {
        // Line 22 is a row of the record on line 16, which needs the companies of line 5.
        let run = try runSavedQueries([CytFixtures.path("fail.cyt") + ":22"])
        XCTAssertEqual(run.report.closingLine, "test: 0 passed, 1 failed, 0 skipped")
        XCTAssertEqual(run.report.suites[0].cases.map(\.line), [16])
        XCTAssertTrue(run.output.contains("+'Gamma'"))
        let pass = try runSavedQueries([CytFixtures.path("pass.cyt") + ":64"])
        XCTAssertEqual(pass.report.closingLine, "test: 1 passed, 0 failed, 0 skipped", pass.output)
        let outside = try runSavedQueries([CytFixtures.path("fail.cyt") + ":3"])
        XCTAssertEqual(outside.report.exitStatus, 2)
        XCTAssertTrue(outside.errors.joined().contains("NoRecordAtLine"), outside.errors.joined())
    }

    func testGitHubAnnotations() throws {
        let run = try runSavedQueries([CytFixtures.path("fail.cyt")]) { $0.githubAnnotations = true }
        let path = CytFixtures.path("fail.cyt")
        XCTAssertTrue(run.output.contains("::error file=\(path),line=16,title=keiretsu test::the result differs%0A    MATCH"), run.output)
        let bad = try runSavedQueries([CytFixtures.path("malformed.cyt")]) { $0.githubAnnotations = true }
        XCTAssertTrue(bad.output.contains("line=7,col=1,title=keiretsu test::InputError.CellCount"), bad.output)
        XCTAssertEqual(SavedQueryRunner.escapeProperty("a:b,c%"), "a%3Ab%2Cc%25")
    }

    func testMalformedFilesDoNotRunAndExitTwo() throws {
        let run = try runSavedQueries([CytFixtures.path("malformed.cyt"), CytFixtures.path("pass.cyt")])
        XCTAssertEqual(run.errors.count, 1)
        XCTAssertTrue(run.errors[0].hasPrefix(CytFixtures.path("malformed.cyt") + ":7:1: error: InputError.CellCount"), run.errors[0])
        XCTAssertEqual(run.report.passed, 14, "the other file still ran")
        XCTAssertEqual(run.report.exitStatus, 2)
    }

    // MARK: JUnit

    func testJUnitXMLReadsBack() throws {
        let run = try runSavedQueries([CytFixtures.path("fail.cyt"), CytFixtures.path("pass.cyt"), CytFixtures.path("malformed.cyt")])
        let scratch = try ScratchFolder()
        let file = scratch.path + "/junit.xml"
        try JUnitWriter.write(run.report, to: file)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let collector = XMLCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        XCTAssertEqual(collector.elements.first?.name, "testsuites")
        XCTAssertEqual(collector.elements.first?.attributes["failures"], "4")
        XCTAssertEqual(collector.elements.first?.attributes["errors"], "1")
        let suites = collector.elements.filter { $0.name == "testsuite" }
        XCTAssertEqual(suites.map { $0.attributes["name"] ?? "" }.map { URL(fileURLWithPath: $0).lastPathComponent },
                       ["fail.cyt", "pass.cyt", "malformed.cyt"])
        XCTAssertEqual(suites.map { $0.attributes["tests"] }, ["7", "16", "1"])
        let cases = collector.elements.filter { $0.name == "testcase" }
        XCTAssertEqual(cases.count, 7 + 16 + 1)
        XCTAssertTrue(cases.allSatisfy { $0.attributes["file"] != nil })
        let failed = cases.first { $0.attributes["line"] == "16" && $0.attributes["file"]?.hasSuffix("fail.cyt") == true }
        XCTAssertEqual(failed?.attributes["name"], "line 16: Fails: a name is wrong.")
        XCTAssertEqual(failed?.attributes["classname"]?.hasSuffix("Fixtures.cyt.fail"), true)
        XCTAssertEqual(collector.elements.filter { $0.name == "failure" }.count, 4)
        XCTAssertEqual(collector.elements.filter { $0.name == "skipped" }.count, 2)
        XCTAssertEqual(collector.elements.filter { $0.name == "error" }.count, 1)
        XCTAssertTrue(collector.text.contains("+'Gamma'"), "failures carry the diff")
        // xmllint, when installed, agrees that the file is well formed.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            p.arguments = ["--noout", file]
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
    }

    func testJUnitEscapesWhatXMLCannotHold() {
        XCTAssertEqual(JUnitWriter.escape("a<b>&\"c'\u{01}\r"), "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}&#13;")
        XCTAssertEqual(JUnitWriter.seconds(1.5), "1.500000")
        XCTAssertEqual(JUnitWriter.className("./queries/stakes.cyt"), "queries.stakes")
    }

    // MARK: Diff

    func testUnifiedDiffHunks() {
        let a = (1...12).map { DiffLine(key: "\($0)", text: "\($0)") }
        var b = a
        b[1] = DiffLine(key: "x", text: "x")
        b.remove(at: 10)
        XCTAssertEqual(UnifiedDiff.render(expected: a, actual: b), """
            --- expected
            +++ actual
            @@ -1,5 +1,5 @@
             1
            -2
            +x
             3
             4
             5
            @@ -8,5 +8,4 @@
             8
             9
             10
            -11
             12

            """)
        XCTAssertEqual(UnifiedDiff.render(expected: a, actual: a), "")
        XCTAssertEqual(UnifiedDiff.render(expected: [], actual: [DiffLine(key: "n", text: "n")]), "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+n\n")
    }
}

/// Collects elements, attributes and text of an XML document.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append((elementName, attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
