// The neo4j-admin CSV importer: recognising files by header, typed columns, quoting, id spaces,
// every kind of bad row with its physical line, --skip-bad-rows, all-or-nothing loads, and the
// parallel chunked parse agreeing with the sequential one.

import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuCLI

final class CSVImporterTests: XCTestCase {
    var scratch: ScratchFolder!
    var warnings: [String] = []

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        warnings = []
    }

    func load(_ files: [String], into graph: MemoryGraph = MemoryGraph(), skip: Bool = false) throws -> (MemoryGraph, Neo4jAdminCSVImporter.Report) {
        let importer = Neo4jAdminCSVImporter(graph: graph, options: .init(skipBadRows: skip)) { self.warnings.append($0) }
        let report = try importer.load(files: files)
        return (graph, report)
    }

    /// The node whose `name` is `name`.
    func node(_ graph: MemoryGraph, _ name: String) -> Node? {
        graph.allNodeIDs().compactMap { graph.node($0) }.first { $0.properties["name"]?.stringValue == name }
    }

    /// Asserts that loading `files` fails with InputError.`code` at `file:line`.
    func assertFails(_ files: [String], code: String = "BadRow", file: String, line: Int?, message: String,
                     sourceLine: UInt = #line) {
        XCTAssertThrowsError(try load(files), line: sourceLine) { error in
            guard case CLIError.input(let e, let f, let l) = error else {
                return XCTFail("unexpected error \(error)", line: sourceLine)
            }
            XCTAssertEqual(e.qualifiedCode, "InputError.\(code)", line: sourceLine)
            XCTAssertEqual(f, file, line: sourceLine)
            XCTAssertEqual(l, line, line: sourceLine)
            XCTAssertTrue(e.message.contains(message), "\(e.message)", line: sourceLine)
            let rendered = CLIError.input(e, file: f, line: l).rendered
            XCTAssertTrue(rendered.hasPrefix("\(f):\(l.map(String.init) ?? "")"), rendered, line: sourceLine)
        }
    }

    // MARK: Loading

    func testNodesAndRelationshipsWithTypedColumns() throws {
        let nodes = try scratch.write("nodes.csv", """
            id:ID,name,founded:int,revenue:double,listed:boolean,since:date,aliases:string[],scores:float[],:LABEL
            c1,Alpha Motors,1899,12.5,true,2001-02-03,A;Alfa,1;2.5,Company
            c2,Beta,,,FALSE,,,,Company;Listed
            p1,Jo,,,,,,,Person

            """)
        let rels = try scratch.write("rels.csv", """
            :START_ID,:END_ID,:TYPE,percent:float,asOf:date,note
            c1,c2,HOLDS_STAKE,43.4,2023-01-28,
            p1,c1,HOLDS_ROLE,,,"CEO, then chair"

            """)
        let (graph, report) = try load([rels, nodes])
        XCTAssertEqual(report.nodesCreated, 3)
        XCTAssertEqual(report.relationshipsCreated, 2)
        XCTAssertEqual(report.nodeFiles, [nodes])
        XCTAssertEqual(report.relationshipFiles, [rels])

        let alpha = try XCTUnwrap(node(graph, "Alpha Motors"))
        XCTAssertEqual(alpha.labels, ["Company"])
        XCTAssertEqual(Value.map(alpha.properties).literal(),
                       "{id: 'c1', name: 'Alpha Motors', founded: 1899, revenue: 12.5, listed: true, since: date('2001-02-03'), aliases: ['A', 'Alfa'], scores: [1.0, 2.5]}")
        let beta = try XCTUnwrap(node(graph, "Beta"))
        XCTAssertEqual(beta.labels, ["Company", "Listed"])
        XCTAssertEqual(Value.map(beta.properties).literal(), "{id: 'c2', name: 'Beta', listed: false}",
                       "empty cells set no property")

        let stake = try XCTUnwrap(graph.allRelationshipIDs().compactMap { graph.relationship($0) }.first { $0.type == "HOLDS_STAKE" })
        XCTAssertEqual(stake.start, alpha.id)
        XCTAssertEqual(stake.end, beta.id)
        XCTAssertEqual(Value.map(stake.properties).literal(), "{percent: 43.4, asOf: date('2023-01-28')}")
        let role = try XCTUnwrap(graph.allRelationshipIDs().compactMap { graph.relationship($0) }.first { $0.type == "HOLDS_ROLE" })
        XCTAssertEqual(role.properties["note"]?.stringValue, "CEO, then chair")
    }

    func testQuotedFieldsEscapesNewlinesCRLFAndBOM() throws {
        let nodes = try scratch.write("nodes.csv",
            "\u{FEFF}:ID,name,motto,:LABEL\r\n" +
            "1,\"Say \"\"hi\"\"\",\"two\nlines\",Company\r\n" +
            "2,\"\",plain,Company\r\n" +
            "3,Gamma,\"a,b\",Company")
        let (graph, _) = try load([nodes])
        let ids = graph.allNodeIDs()
        XCTAssertEqual(ids.count, 3)
        let first = try XCTUnwrap(graph.node(ids[0]))
        XCTAssertEqual(first.properties["name"]?.stringValue, #"Say "hi""#)
        XCTAssertEqual(first.properties["motto"]?.stringValue, "two\nlines")
        XCTAssertNil(first.properties["id"], "an unnamed :ID column is not stored")
        XCTAssertEqual(graph.node(ids[1])?.properties["name"]?.stringValue, "", #""" is the empty string"#)
        XCTAssertEqual(graph.node(ids[2])?.properties["motto"]?.stringValue, "a,b")
    }

    func testIDSpacesKeepEqualIDsApart() throws {
        let companies = try scratch.write("a.csv", ":ID(Company),name,:LABEL\n1,Alpha,Company\n")
        let people = try scratch.write("b.csv", ":ID(Person),name,:LABEL\n1,Jo,Person\n")
        let rels = try scratch.write("c.csv", ":START_ID(Person),:END_ID(Company),:TYPE\n1,1,HOLDS_ROLE\n")
        let (graph, _) = try load([companies, people, rels])
        let rel = try XCTUnwrap(graph.relationship(try XCTUnwrap(graph.allRelationshipIDs().first)))
        XCTAssertEqual(graph.node(rel.start)?.properties["name"]?.stringValue, "Jo")
        XCTAssertEqual(graph.node(rel.end)?.properties["name"]?.stringValue, "Alpha")
        let wrongSpace = try scratch.write("d.csv", ":START_ID(Company),:END_ID(Nowhere),:TYPE\n1,1,T\n")
        assertFails([companies, people, wrongSpace], file: wrongSpace, line: 2, message: "unknown :END_ID '1' in id space Nowhere")
    }

    func testAFileThatIsNotAnImportFileIsSkippedWithAWarning() throws {
        let other = try scratch.write("prices.csv", "date,close\n2023-01-01,4.5\n")
        let nodes = try scratch.write("nodes.csv", ":ID,name\n1,Alpha\n")
        let (graph, report) = try load([other, nodes])
        XCTAssertEqual(graph.nodeCount, 1)
        XCTAssertEqual(report.otherFiles, [other])
        XCTAssertTrue(warnings.contains { $0.hasPrefix(other + ": warning: not a neo4j-admin import file") }, "\(warnings)")
    }

    func testRelationshipsAreCreatedGroupedByStartNode() throws {
        let nodes = try scratch.write("n.csv", ":ID\na\nb\nc\n")
        let rels = try scratch.write("r.csv", ":START_ID,:END_ID,:TYPE,k:int\nc,a,T,1\na,b,T,2\nc,b,T,3\na,c,T,4\n")
        let (graph, _) = try load([nodes, rels])
        let ks = graph.allRelationshipIDs().map { graph.relationshipProperty($0, "k").literal() }
        XCTAssertEqual(ks, ["2", "4", "1", "3"], "by start node, file order within a node")
        XCTAssertEqual(graph.relationshipIDs(of: 0, direction: .outgoing).count, 2)
    }

    // MARK: Header errors

    func testHeaderErrors() throws {
        let cases: [(String, String)] = [
            (":ID,x:decimal", "unknown type 'decimal'"),
            (":ID,:ID", "more than one :ID column"),
            (":ID,name,name:int", "property 'name' is named twice"),
            (":ID,:START_ID,:END_ID,:TYPE", "both :ID"),
            (":START_ID,:END_ID", "needs a :TYPE column"),
            (":START_ID,:TYPE", "needs both :START_ID and :END_ID"),
            (":ID,:int", "has no property name"),
        ]
        for (i, (header, message)) in cases.enumerated() {
            let file = try scratch.write("h\(i).csv", header + "\n")
            assertFails([file], code: "BadHeader", file: file, line: 1, message: message)
        }
    }

    // MARK: Bad rows

    func testEveryKindOfBadRowNamesItsFileAndLine() throws {
        let nodes = try scratch.write("n.csv", "id:ID,name,n:int,f:float,b:boolean,d:date,l:int[]\nok,Fine,1,1.5,true,2020-01-01,1;2\n")
        func nodeFile(_ name: String, _ row: String) throws -> String {
            try scratch.write(name, "id:ID,name,n:int,f:float,b:boolean,d:date,l:int[]\nx1,X,1,1.0,true,2020-01-01,1\n\(row)\n")
        }
        assertFails([try nodeFile("c1.csv", "x2,Y,1")], file: scratch.path + "/c1.csv", line: 3, message: "expected 7 fields, found 3")
        assertFails([try nodeFile("c2.csv", "x2,Y,1,2,3,4,5,6")], file: scratch.path + "/c2.csv", line: 3, message: "expected 7 fields, found 8")
        assertFails([try nodeFile("c3.csv", "x2,Y,12a,,,,")], file: scratch.path + "/c3.csv", line: 3, message: "'12a' in column 'n:int' is not a valid int")
        assertFails([try nodeFile("c4.csv", "x2,Y,99999999999999999999,,,,")], file: scratch.path + "/c4.csv", line: 3, message: "is not a valid int")
        assertFails([try nodeFile("c5.csv", "x2,Y,,one,,,")], file: scratch.path + "/c5.csv", line: 3, message: "'one' in column 'f:float' is not a valid float")
        assertFails([try nodeFile("c6.csv", "x2,Y,,,yes,,")], file: scratch.path + "/c6.csv", line: 3, message: "'yes' in column 'b:boolean' is not a valid boolean")
        assertFails([try nodeFile("c7.csv", "x2,Y,,,,2023-02-30,")], file: scratch.path + "/c7.csv", line: 3, message: "'2023-02-30' in column 'd:date' is not a valid date")
        assertFails([try nodeFile("c8.csv", "x2,Y,,,,,1;x")], file: scratch.path + "/c8.csv", line: 3, message: "is not a list of int separated by ';'")
        assertFails([try nodeFile("c9.csv", "x1,Again,,,,,")], file: scratch.path + "/c9.csv", line: 3, message: "duplicate node id 'x1'")
        assertFails([try nodeFile("c10.csv", ",Empty,,,,,")], file: scratch.path + "/c10.csv", line: 3, message: "the :ID field is empty")
        assertFails([try nodeFile("c11.csv", "x2,\"never closed,,,,,")], file: scratch.path + "/c11.csv", line: 3, message: "unterminated quoted field")
        assertFails([try nodeFile("c12.csv", "x2,\"closed\"junk,,,,,")], file: scratch.path + "/c12.csv", line: 3, message: "unexpected text after a closing quote")

        func relFile(_ name: String, _ row: String) throws -> String {
            try scratch.write(name, ":START_ID,:END_ID,:TYPE,w:float\nok,ok,T,1\n\(row)\n")
        }
        assertFails([nodes, try relFile("r1.csv", "nope,ok,T,")], file: scratch.path + "/r1.csv", line: 3, message: "unknown :START_ID 'nope'")
        assertFails([nodes, try relFile("r2.csv", "ok,nope,T,")], file: scratch.path + "/r2.csv", line: 3, message: "unknown :END_ID 'nope'")
        assertFails([nodes, try relFile("r3.csv", "ok,ok,,")], file: scratch.path + "/r3.csv", line: 3, message: "the :TYPE field is empty")
        assertFails([nodes, try relFile("r4.csv", "ok,ok,T,heavy")], file: scratch.path + "/r4.csv", line: 3, message: "'heavy' in column 'w:float' is not a valid float")
        assertFails([nodes, try relFile("r5.csv", "ok,ok")], file: scratch.path + "/r5.csv", line: 3, message: "expected 4 fields, found 2")
    }

    func testLineNumbersCountPhysicalLines() throws {
        // The bad row starts on line 5: a quoted field spans lines 2-3, and line 4 is blank.
        let file = try scratch.write("n.csv", ":ID,note\n1,\"a\nb\"\n\n2,x,extra\n")
        assertFails([file], file: file, line: 5, message: "expected 2 fields, found 3")
        // An unterminated quote: reported at the line where its row starts.
        let open = try scratch.write("o.csv", ":ID,note\n1,ok\n2,\"open\n3,x\n")
        assertFails([open], file: open, line: 3, message: "unterminated quoted field")
    }

    func testAFailedLoadLeavesNothingBehind() throws {
        let graph = MemoryGraph()
        let existing = try graph.createNode(labels: ["Seed"], properties: ["name": "kept"])
        let nodes = try scratch.write("n.csv", ":ID,name\na,A\nb,B\n")
        let rels = try scratch.write("r.csv", ":START_ID,:END_ID,:TYPE\na,b,T\nb,a,T\na,zz,T\n")
        XCTAssertThrowsError(try load([nodes, rels], into: graph))
        XCTAssertEqual(graph.nodeCount, 1)
        XCTAssertEqual(graph.relationshipCount, 0)
        XCTAssertEqual(graph.allNodeIDs(), [existing])
        XCTAssertEqual(graph.labelsInUse(), ["Seed"])
        XCTAssertEqual(graph.relationshipTypesInUse(), [])
    }

    func testSkipBadRowsWarnsPerRowAndCounts() throws {
        let nodes = try scratch.write("n.csv", "id:ID,n:int\na,1\nb,oops\nc\nd,4\na,5\n")
        let rels = try scratch.write("r.csv", ":START_ID,:END_ID,:TYPE\na,d,T\na,b,T\n\"x,d,T\nd,a,T\n")
        let (graph, report) = try load([nodes, rels], skip: true)
        XCTAssertEqual(graph.nodeCount, 2, "a and d")
        XCTAssertEqual(graph.relationshipCount, 2, "a→d and d→a")
        XCTAssertEqual(report.rowsSkipped, 5)
        XCTAssertEqual(warnings, [
            "\(nodes):3: warning: InputError.BadRow: 'oops' in column 'n:int' is not a valid int; row skipped",
            "\(nodes):4: warning: InputError.BadRow: expected 2 fields, found 1; row skipped",
            "\(nodes):6: warning: InputError.BadRow: duplicate node id 'a'; row skipped",
            "\(rels):3: warning: InputError.BadRow: unknown :END_ID 'b'; row skipped",
            "\(rels):4: warning: InputError.BadRow: unterminated quoted field; row skipped",
        ])
    }

    func testSkippedRowWarningsAreCappedPerFile() throws {
        var text = ":ID,n:int\n"
        for i in 0..<150 { text += "\(i),bad\n" }
        let file = try scratch.write("n.csv", text)
        let importer = Neo4jAdminCSVImporter(graph: MemoryGraph(), options: .init(skipBadRows: true, maxWarningsPerFile: 10)) {
            self.warnings.append($0)
        }
        let report = try importer.load(files: [file])
        XCTAssertEqual(report.rowsSkipped, 150)
        XCTAssertEqual(warnings.count, 11)
        XCTAssertTrue(warnings[10].contains("further bad rows in this file are skipped"))
    }

    // MARK: Values

    func testNumberParsing() {
        func float(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { CSVValueParsing.float($0) } }
        func int(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBufferPointer { CSVValueParsing.integer($0) } }
        XCTAssertEqual(int("-9223372036854775808"), Int64.min)
        XCTAssertEqual(int("9223372036854775807"), Int64.max)
        XCTAssertNil(int("9223372036854775808"))
        XCTAssertNil(int("-"))
        XCTAssertNil(int("1.0"))
        XCTAssertEqual(int("+12"), 12)
        for text in ["0.1", "43.4", "-2.5e-3", "1e22", "123456789012345678901234", "0.30000000000000004", "5e-324", "1.7976931348623157e308", ".5", "7."] {
            XCTAssertEqual(float(text), Double(text), text)
        }
        XCTAssertEqual(float("NaN")?.isNaN, true)
        XCTAssertEqual(float("-Infinity"), -.infinity)
        XCTAssertNil(float("1e"))
        XCTAssertNil(float("e5"))
        XCTAssertNil(float("."))
        XCTAssertNil(float("1,5"))
    }

    // MARK: Parallel parsing

    func testChunkedParseMatchesSequentialParse() throws {
        // Big enough to be cut into chunks (over 4 MiB of rows, no quotes).
        var nodes = "id:ID,name,n:int,:LABEL\n"
        let count = 60_000
        for i in 0..<count { nodes += "n\(i),Node number \(i) with a longer name to fill the file,\(i),Thing\n" }
        var rels = ":START_ID,:END_ID,:TYPE,w:float,note\n"
        for i in 0..<(count * 2) { rels += "n\((i * 7919) % count),n\((i * 104729 + 1) % count),T\(i % 3),\(i).5,some padding text\n" }
        rels += "n1,missing,T,1,\n"
        let nodeFile = try scratch.write("n.csv", nodes)
        let relFile = try scratch.write("r.csv", rels)
        XCTAssertGreaterThan(nodes.utf8.count, CSVChunking.parallelThreshold)
        XCTAssertGreaterThan(rels.utf8.count, CSVChunking.parallelThreshold)

        var bytes = Array(rels.utf8)
        let headerLength = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
        bytes.withUnsafeMutableBufferPointer { buffer in
            let two = CSVChunking.chunks(buffer, range: headerLength..<buffer.count, line: 2, parts: 2)
            XCTAssertEqual(two.chunks.count, 2)
            XCTAssertEqual(two.lineBreaks, count * 2 + 1)
            if let second = two.chunks.last {
                XCTAssertEqual(buffer[second.range.lowerBound - 1], 0x0A, "chunks start after a line break")
                let before = buffer[headerLength..<second.range.lowerBound].filter { $0 == 0x0A }.count
                XCTAssertEqual(second.line, 2 + before)
            }
            var quoted = Array("h\n\"a\nb\"\n".utf8) + Array(repeating: UInt8(0x78), count: 64) + [0x0A]
            quoted.withUnsafeMutableBufferPointer { q in
                XCTAssertEqual(CSVChunking.chunks(q, range: 2..<q.count, line: 2, parts: 2, minimumSize: 0).chunks.count, 1,
                               "a file with quotes is parsed in one piece")
            }
        }

        let started = Date()
        let (graph, report) = try load([nodeFile, relFile], skip: true)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(graph.nodeCount, count)
        XCTAssertEqual(graph.relationshipCount, count * 2)
        XCTAssertEqual(report.rowsSkipped, 1)
        XCTAssertEqual(warnings.first, "\(relFile):\(count * 2 + 2): warning: InputError.BadRow: unknown :END_ID 'missing'; row skipped",
                       "the line number is right in the last chunk")
        // Every relationship joins the nodes its row names.
        var checked = 0
        for id in graph.allRelationshipIDs() where checked < 1000 {
            let w = graph.relationshipProperty(id, "w").doubleValue ?? -1
            let i = Int(w - 0.5)
            guard let (s, e) = graph.relationshipEndpoints(id) else { return XCTFail("missing relationship") }
            XCTAssertEqual(graph.nodeProperty(s, "n").literal(), "\((i * 7919) % count)")
            XCTAssertEqual(graph.nodeProperty(e, "n").literal(), "\((i * 104729 + 1) % count)")
            XCTAssertEqual(graph.relationshipType(id), "T\(i % 3)")
            checked += 1
        }
        let rows = Double(count * 3)
        print("CSV load (this build): \(count) nodes + \(count * 2) relationships in \(String(format: "%.2f", seconds)) s, \(Int(rows / seconds)) rows/s")
    }
}
