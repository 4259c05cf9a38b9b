// `keiretsu repl` with piped input, run as a subprocess: no banner, no prompt, TSV with a
// header, meta commands, the first error stops the session with status 2, and a last
// statement without `;` still runs.

import Foundation
import XCTest

final class REPLPipedTests: XCTestCase {
    /// Runs `keiretsu repl ARGS` with `stdin` piped in and `environment` added.
    func repl(_ arguments: [String], stdin: String, environment: [String: String] = [:],
              in directory: URL? = nil) throws -> RunResult {
        guard let binary = BinaryRunner.binary else { throw XCTSkip("the keiretsu binary was not found; run `swift build`") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["repl"] + arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outBox.data = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    func testPlainTSVWithHeaderAndNoBannerOrPrompt() throws {
        let r = try repl(["--empty"], stdin: "UNWIND [1, 2] AS x RETURN x, 'a\\tb' AS s;\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "x\ts\n1\ta\\tb\n2\ta\\tb\n")
        XCTAssertEqual(r.stderr, "", "no banner, no prompt")
    }

    func testLastStatementWithoutSemicolonStillRuns() throws {
        let r = try repl(["--empty"], stdin: "RETURN 1 AS a;\nRETURN\n  2 AS b")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "a\n1\n\nb\n2\n")
    }

    func testSeveralStatementsOnOneLine() throws {
        let r = try repl(["--empty"], stdin: "CREATE (:T {v: 1}); MATCH (t:T) RETURN t.v AS v;\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "v\n1\n")
    }

    func testFirstErrorStopsWithStatusTwoAndCaret() throws {
        let r = try repl(["--empty"], stdin: "RETURN 1 AS a;\nMATCH (n RETURN n;\nRETURN 2 AS b;\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "a\n1\n", "nothing after the error runs")
        XCTAssertEqual(r.stderr, """
            error: SyntaxError.UnexpectedSyntax at 2:10: unexpected 'RETURN', expected ')'
            MATCH (n RETURN n;
                     ^^^^^^

            """)
    }

    func testRuntimeErrorLocatedInWholeInput() throws {
        let r = try repl(["--empty"], stdin: "RETURN 1 AS a;\n\nRETURN nope;\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains(".UndefinedVariable at 3:8: "), r.stderr)
    }

    func testParamAndFormatCommands() throws {
        let r = try repl(["--empty"], stdin: """
            :param year => 2000 + 23
            :param names => ['a', 'b']
            :format jsonl
            RETURN $year AS y, $names AS n;
            :params
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            {"columns":["y","n"],"rows":[[2023,["a","b"]]],"stats":{"nodesCreated":0,"nodesDeleted":0,\
            "relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":0,"labelsRemoved":0,"propertiesSet":0}}
            names => ['a', 'b']
            year => 2023

            """)
        XCTAssertTrue(r.stderr.contains("year => 2023"), "the assignment is confirmed on stderr")
    }

    func testParamExpressionErrorPointsIntoTheCommand() throws {
        let r = try repl(["--empty"], stdin: ":param x => 1 +\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: SyntaxError."), r.stderr)
        XCTAssertTrue(r.stderr.contains(":param x => 1 +\n"), r.stderr)
    }

    func testCommandLineParametersAreVisible() throws {
        let r = try repl(["--empty", "--param", "n=5"], stdin: "RETURN $n * 2 AS m;")
        XCTAssertEqual(r.stdout, "m\n10\n")
    }

    func testUnknownCommandSuggestsClosestAndFails() throws {
        let r = try repl(["--empty"], stdin: ":shema\nRETURN 1;\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "error: unknown command :shema; did you mean :schema? (:help lists the commands)\n")
    }

    func testQuitStopsReadingWithStatusZero() throws {
        let r = try repl(["--empty"], stdin: "RETURN 1 AS a;\n:quit\nRETURN nope;\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "a\n1\n")
    }

    func testSchemaAndHelp() throws {
        let r = try repl(["--empty"], stdin: "CREATE (:A {k: 1})-[:R]->(:B);\n:schema\n:help param\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("label\tcount\nA\t1\nB\t1\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("from\ttype\tto\tcount\n:A\tR\t:B\t1\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains(":param name => expression"), r.stdout)
    }

    func testSourceRunsFileWithErrorsLocatedInIt() throws {
        let scratch = try ScratchFolder()
        try scratch.write("lib.cypher", "// setup\nCREATE (:N {v: 1});\n:param k => 2\nMATCH (n:N) RETURN n.v + $k AS s;\n")
        try scratch.write("bad.cypher", "RETURN 1;\n\nRETURN 1 +;\n")
        let ok = try repl(["--empty"], stdin: ":source lib.cypher\n", in: scratch.url)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.stdout, "s\n3\n")
        let bad = try repl(["--empty"], stdin: ":source bad.cypher\nRETURN 9;\n", in: scratch.url)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("at bad.cypher:3:"), bad.stderr)
        XCTAssertFalse(bad.stdout.contains("9"))
        let missing = try repl(["--empty"], stdin: ":source nowhere.cypher\n", in: scratch.url)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere.cypher: error: InputError.FileUnreadable"), missing.stderr)
    }

    func testSettingsCommandsValidateTheirArguments() throws {
        for line in [":format xml", ":timing maybe", ":maxrows -1", ":maxwidth lots", ":param = 1"] {
            let r = try repl(["--empty"], stdin: line + "\n")
            XCTAssertEqual(r.status, 2, line)
            XCTAssertTrue(r.stderr.hasPrefix("error: "), line + ": " + r.stderr)
        }
        let ok = try repl(["--empty"], stdin: ":maxrows 5\n:maxwidth 20\n:timing off\n:format csv\nRETURN 1 AS a;\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.stdout, "a\r\n1\r\n")
    }

    func testExportWritesTheGraphOrAQuerysSubgraph() throws {
        let scratch = try ScratchFolder()
        let r = try repl(["--empty"], stdin: """
            CREATE (a:Company {name: 'A'})-[:HOLDS_STAKE {percent: 10.0}]->(b:Company {name: 'B'}), (:Person {name: 'P'});
            :param pct => 5.0
            :export graphml all.graphml
            :export json stakes.json MATCH p = ()-[s:HOLDS_STAKE]->() WHERE s.percent > $pct RETURN p
            """, in: scratch.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("wrote 3 nodes, 1 relationship to all.graphml"), r.stderr)
        XCTAssertTrue(r.stderr.contains("wrote 2 nodes, 1 relationship to stakes.json"), r.stderr)
        let graphml = scratch.url.appendingPathComponent("all.graphml").path
        let schema = BinaryRunner.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/graphml/graphml.xsd").path
        if FileManager.default.fileExists(atPath: schema), FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            check.arguments = ["--noout", "--schema", schema, graphml]
            check.standardError = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            XCTAssertEqual(check.terminationStatus, 0, "the export validates against graphml.xsd")
        } else {
            XCTAssertTrue(try String(contentsOfFile: graphml, encoding: .utf8).contains("<graphml"))
        }
        let json = try String(contentsOf: scratch.url.appendingPathComponent("stakes.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"type\":\"HOLDS_STAKE\""), json)
        XCTAssertFalse(json.contains("\"P\""), "only the query's subgraph")
    }

    func testExportErrorsWriteNothing() throws {
        let scratch = try ScratchFolder()
        let bad = try repl(["--empty"], stdin: ":export json out.json MATCH (n RETURN n\n", in: scratch.url)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("at 1:32: "), "positioned in the command line: " + bad.stderr)
        let format = try repl(["--empty"], stdin: ":export xml out.xml\n", in: scratch.url)
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("unknown export format xml"), format.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [])
    }

    func testPipedSessionsNeverTouchTheHistoryFile() throws {
        let scratch = try ScratchFolder()
        let history = scratch.url.appendingPathComponent("history").path
        let r = try repl(["--empty"], stdin: "RETURN 1;\n", environment: ["KEIRETSU_HISTORY": history])
        XCTAssertEqual(r.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: history))
    }

    func testJSONFormatKeepsOneArrayAndEndsWithTheError() throws {
        let r = try repl(["--empty", "--format", "json"], stdin: "RETURN 1 AS a;\nRETURN x;\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.hasPrefix("[\n{\"columns\":[\"a\"]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"code\":\"UndefinedVariable\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"line\":2,\"column\":8}}"), "located in the whole input: " + r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("\n]\n"), r.stdout)
    }

    func testNoSubcommandWithPipedInputDoesNotStartTheREPL() throws {
        let r = try BinaryRunner.run([], stdin: "RETURN 1;\n")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("USAGE: keiretsu"), r.stdout)
        XCTAssertTrue(r.stdout.contains("repl"), "the help lists the repl command")
    }
}
