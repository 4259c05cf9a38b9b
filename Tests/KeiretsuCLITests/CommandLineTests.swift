// The built `keiretsu` binary, run as a subprocess: stdout carries result data only, errors go
// to stderr as `file:line:col: error: Kind.Code: message` with the line and a caret, and the exit
// status is 0 ok · 1 a saved-query check failed · 2 bad query, bad input or bad usage.

import Foundation
import XCTest

final class CommandLineTests: XCTestCase {
    let zeroStats = #"{"nodesCreated":0,"nodesDeleted":0,"relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":0,"labelsRemoved":0,"propertiesSet":0}"#

    // MARK: Usage

    func testHelpExitsZeroOnStdout() throws {
        let r = try BinaryRunner.run(["--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("USAGE: keiretsu"), r.stdout)
        XCTAssertTrue(r.stdout.contains("query"))
        XCTAssertEqual(r.stderr, "")
        let sub = try BinaryRunner.run(["query", "--help"])
        XCTAssertEqual(sub.status, 0)
        XCTAssertTrue(sub.stdout.contains("--param <k=v>"), sub.stdout)
    }

    func testUsageErrorsExitTwo() throws {
        for arguments in [["bogus"], ["query"], ["query", "--format", "xml", "RETURN 1"], ["query", "--empty", "--wat", "RETURN 1"],
                          ["query", "--empty", "--param", "novalue", "RETURN 1"], ["query", "--empty", "--timeout", "-1", "RETURN 1"]] {
            let r = try BinaryRunner.run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(arguments)")
            XCTAssertTrue(r.stderr.contains("Error:"), "\(arguments): \(r.stderr)")
        }
    }

    func testAtMostOneSource() throws {
        let r = try BinaryRunner.run(["query", "--seeds", "x", "--empty", "RETURN 1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--seeds and --empty cannot be combined"), r.stderr)
    }

    func testDatabaseFilesAreNotSupportedYet() throws {
        let r = try BinaryRunner.run(["query", "--db", "graph.kdb", "RETURN 1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("database files are not supported yet"), r.stderr)
    }

    func testWithoutASourceTheSeedsFolderHereIsLoaded() throws {
        let scratch = try ScratchFolder()
        let missing = try BinaryRunner.run(["query", "RETURN 1"], in: scratch.url)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("./seeds: error: InputError.NoSuchFolder"), missing.stderr)
        try scratch.write("seeds/nodes.csv", ":ID,name\n1,Here\n")
        let r = try BinaryRunner.run(["query", "--format", "jsonl", "MATCH (n) RETURN n.name AS name"], in: scratch.url)
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, #"{"columns":["name"],"rows":[["Here"]],"stats":"# + zeroStats + "}\n")
    }

    // MARK: Results

    func testJSONLinesOfAQuery() throws {
        let r = try BinaryRunner.run(["query", "--empty", "--format", "jsonl", "RETURN 1 AS a"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, #"{"columns":["a"],"rows":[[1]],"stats":"# + zeroStats + "}\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testTSVIsTheDefaultWhenStdoutIsNotATerminal() throws {
        let r = try BinaryRunner.run(["query", "--empty", "RETURN 'x' AS s, 2 AS n, [1] AS l"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "s\tn\tl\nx\t2\t[1]\n")
    }

    func testTableFormat() throws {
        let r = try BinaryRunner.run(["query", "--empty", "--format", "table", "UNWIND [1, 22] AS n RETURN n, 'v' + toString(n) AS s"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.stdout, """
            ┌────┬─────┐
            │ n  │ s   │
            ├────┼─────┤
            │  1 │ v1  │
            │ 22 │ v22 │
            └────┴─────┘
            2 rows

            """)
        let update = try BinaryRunner.run(["query", "--empty", "--format", "table", "CREATE (:A {x: 1}), (:A {x: 2, y: 3})"])
        XCTAssertEqual(update.stdout, "Created 2 nodes, added 2 labels, set 3 properties.\n")
    }

    func testParameters() throws {
        let r = try BinaryRunner.run(["query", "--empty", "--format", "jsonl",
                                      "--param", "n=42", "--param", "name=Example Motors", "--param", #"tags=["ev","india"]"#,
                                      "--param", #"d={"_kind":"date","value":"2023-01-28"}"#,
                                      "RETURN $n AS n, $name AS name, $tags AS tags, $d AS d"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix(#"{"columns":["n","name","tags","d"],"rows":[[42,"Example Motors",["ev","india"],{"_kind":"date","value":"2023-01-28"}]]"#), r.stdout)
    }

    // MARK: Scripts and errors

    func testRunStreamsStatementsAndStopsAtTheFirstError() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("script.cypher", """
            CREATE (:A {name: 'x'});
            MATCH (a:A) RETURN a.name AS name;
            MATCH (a:A)
            RETURN nosuch(a) AS b;
            RETURN 'never' AS n;
            """)
        let r = try BinaryRunner.run(["run", "--empty", "--format", "jsonl", script])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 2)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertEqual(lines[0], #"{"columns":[],"rows":[],"stats":{"nodesCreated":1,"nodesDeleted":0,"relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":1,"labelsRemoved":0,"propertiesSet":1}}"#)
        XCTAssertEqual(lines[1], #"{"columns":["name"],"rows":[["x"]],"stats":"# + zeroStats + "}")
        XCTAssertTrue(lines[2].hasPrefix(#"{"error":{"kind":"SyntaxError","code":"UnknownFunction","#), lines[2])
        XCTAssertTrue(lines[2].hasSuffix(#""line":4,"column":8}}"#), lines[2])
        XCTAssertEqual(r.stderr, """
            \(script):4:8: error: SyntaxError.UnknownFunction: \(Self.message(lines[2]))
            RETURN nosuch(a) AS b;
                   ^^^^^^

            """)
    }

    /// The message of a JSON error object, for comparing with stderr.
    static func message(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let error = object["error"] as? [String: Any], let message = error["message"] as? String else { return "?" }
        return message
    }

    func testJSONArrayStaysValidWhenAStatementFails() throws {
        let r = try BinaryRunner.run(["query", "--empty", "--format", "json", "RETURN 1 AS a; RETURN x"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 2)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, 2)
        XCTAssertNotNil(array[1]["error"])
        XCTAssertTrue(r.stderr.hasPrefix("<query>:1:"), r.stderr)
    }

    func testRunReadsStandardInput() throws {
        for arguments in [["run", "--empty", "--format", "tsv", "-"], ["run", "--empty", "--format", "tsv"]] {
            let r = try BinaryRunner.run(arguments, stdin: "RETURN 1 AS one;\nRETURN 2 AS two;\n")
            try skipIfEngineMissing(r)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, "one\n1\n\ntwo\n2\n")
        }
        let bad = try BinaryRunner.run(["run", "--empty"], stdin: "RETURN 1 +")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("<stdin>:1:"), bad.stderr)
    }

    func testAMissingScriptFileIsAnInputError() throws {
        let r = try BinaryRunner.run(["run", "--empty", "/nonexistent/script.cypher"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("/nonexistent/script.cypher: error: InputError.FileUnreadable"), r.stderr)
    }

    func testTimeoutStopsAQuery() throws {
        let started = Date()
        let r = try BinaryRunner.run(["query", "--empty", "--timeout", "0.3",
                                      "UNWIND range(1, 5000) AS x UNWIND range(1, 5000) AS y RETURN count(*)"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("error: Timeout."), r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    // MARK: Seed folders

    func testASeedScriptErrorPointsIntoTheScript() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("seeds/01.cypher", "CREATE (:A);\nCREATE (:B {n: 1 +});\n")
        let r = try BinaryRunner.run(["query", "--seeds", scratch.path + "/seeds", "RETURN 1"])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix(script + ":2:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\nCREATE (:B {n: 1 +});\n"), r.stderr)
    }

    func testBadCSVRowFailsTheLoadUnlessSkipped() throws {
        let scratch = try ScratchFolder()
        let nodes = try scratch.write("s/n.csv", "id:ID,name,founded:int,:LABEL\nc1,Alpha,1950,Company\nc2,Beta,soon,Company\nc3,Gamma,,Company\n")
        let failed = try BinaryRunner.run(["query", "--seeds", scratch.path + "/s", "--format", "tsv", "MATCH (n) RETURN count(n) AS n"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(failed.stdout, "")
        XCTAssertEqual(failed.stderr, "\(nodes):3: error: InputError.BadRow: 'soon' in column 'founded:int' is not a valid int\n")

        let skipped = try BinaryRunner.run(["query", "--seeds", scratch.path + "/s", "--skip-bad-rows", "--format", "tsv",
                                            "MATCH (n) RETURN count(n) AS n"])
        try skipIfEngineMissing(skipped)
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertEqual(skipped.stdout, "n\n2\n")
        XCTAssertEqual(skipped.stderr, """
            \(nodes):3: warning: InputError.BadRow: 'soon' in column 'founded:int' is not a valid int; row skipped
            warning: skipped 1 bad CSV row (--skip-bad-rows)

            """)
    }

    func testSchemaReadsTheStore() throws {
        let scratch = try ScratchFolder()
        try scratch.write("s/n.csv", "id:ID,name,founded:int,:LABEL\na,Alpha,1950,Company\nb,Beta,,Company;Listed\np,Jo,,Person\n")
        try scratch.write("s/r.csv", ":START_ID,:END_ID,:TYPE,percent:float\na,b,HOLDS_STAKE,43.4\np,a,HOLDS_ROLE,\n")
        let r = try BinaryRunner.run(["schema", "--seeds", scratch.path + "/s", "--format", "jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix(#"{"columns":["label","count"],"rows":[["Company",2],["Listed",1],["Person",1]]"#), lines[0])
        XCTAssertTrue(lines[1].hasPrefix(#"{"columns":["type","count"],"rows":[["HOLDS_ROLE",1],["HOLDS_STAKE",1]]"#), lines[1])
        XCTAssertTrue(lines[2].hasPrefix(#"{"columns":["from","type","to","count"],"rows":[[":Person","HOLDS_ROLE",":Company",1],[":Company","HOLDS_STAKE",":Company:Listed",1]]"#), lines[2])
        XCTAssertTrue(lines[3].contains(#"["founded","node",["INTEGER"],1]"#), lines[3])
        XCTAssertTrue(lines[3].contains(#"["percent","relationship",["FLOAT"],1]"#), lines[3])
        XCTAssertTrue(lines[4].hasPrefix(#"{"columns":["name","label","properties","unique"],"rows":[]"#), lines[4])
        let table = try BinaryRunner.run(["schema", "--seeds", scratch.path + "/s", "--format", "table"])
        XCTAssertTrue(table.stdout.hasPrefix("Labels\n┌"), table.stdout)
    }
}
