// Step recognition, test procedures, the ratchet, option parsing and the folder report.

import XCTest
import KeiretsuCypher
import KeiretsuGraph
@testable import KeiretsuTCK

final class RunnerPartsTests: XCTestCase {
    func recognize(_ text: String, _ argument: StepArgument? = nil) -> TCKStep? {
        try? TCKStep.recognize(Step(keyword: "And", text: text, line: 1, argument: argument)).get()
    }

    func testStepTexts() {
        XCTAssertEqual(recognize("an empty graph"), .emptyGraph)
        XCTAssertEqual(recognize("any graph"), .emptyGraph)
        XCTAssertEqual(recognize("the binary-tree-1 graph"), .namedGraph("binary-tree-1"))
        XCTAssertEqual(recognize("having executed:", .docString("CREATE ()")), .setupQuery("CREATE ()"))
        XCTAssertNil(recognize("having executed:"))  // the doc string is required
        XCTAssertEqual(recognize("executing control query:", .docString("q")), .controlQuery("q"))
        XCTAssertEqual(recognize("the result should be, in order:", .table([["a"]])),
                       .result(ordered: true, ignoringListOrder: false, table: [["a"]]))
        XCTAssertEqual(recognize("the result should be (ignoring element order for lists):", .table([["a"]])),
                       .result(ordered: false, ignoringListOrder: true, table: [["a"]]))
        XCTAssertEqual(recognize("the result should be, in order (ignoring element order for lists):", .table([["a"]])),
                       .result(ordered: true, ignoringListOrder: true, table: [["a"]]))
        XCTAssertEqual(recognize("a SyntaxError should be raised at compile time: UndefinedVariable"),
                       .error(ExpectedError(kind: "SyntaxError", phase: .compileTime, detail: "UndefinedVariable")))
        XCTAssertEqual(recognize("a TypeError should be raised at any time: *"),
                       .error(ExpectedError(kind: "TypeError", phase: .anyTime, detail: "*")))
        XCTAssertEqual(recognize("there exists a procedure test.my.proc(in :: INTEGER?) :: (a :: INTEGER?, b :: INTEGER?) :", .table([[]])),
                       .procedure(signature: "test.my.proc(in :: INTEGER?) :: (a :: INTEGER?, b :: INTEGER?)", table: [[]]))
        XCTAssertNil(recognize("the result should be sorted somehow:", .table([["a"]])))
        XCTAssertNil(recognize("a SyntaxError should be raised at teatime: X"))
    }

    func testTestProcedureReturnsRowsMatchingItsArguments() throws {
        let def = try TestProcedureDefinition.parse(
            signature: "test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, country_code :: INTEGER?)",
            table: [["name", "id", "city", "country_code"],
                    ["'Andres'", "1", "'Malmö'", "46"],
                    ["'Tobias'", "1", "'Malmö'", "46"],
                    ["'Mats'", "1", "'Malmö'", "46"],
                    ["'Stefan'", "1", "'Berlin'", "49"],
                    ["'Stefan'", "2", "'München'", "49"],
                    ["null", "null", "'nowhere'", "0"]])
        XCTAssertEqual(def.signature.name, "test.my.proc")
        XCTAssertEqual(def.signature.inputs.map(\.type), ["STRING?", "INTEGER?"])
        XCTAssertEqual(def.signature.outputs.map(\.name), ["city", "country_code"])
        let proc = def.procedure
        let g = MemoryGraph()
        XCTAssertEqual(try proc.body(["Stefan", 1], g), [["Berlin", 49]])
        XCTAssertEqual(try proc.body(["Stefan", 2.0], g), [["München", 49]])  // equivalence: 2 ≡ 2.0
        XCTAssertEqual(try proc.body([.null, .null], g), [["nowhere", 0]])
        XCTAssertEqual(try proc.body(["Nobody", 1], g), [])

        let none = try TestProcedureDefinition.parse(signature: "test.doNothing() :: ()", table: [[]])
        XCTAssertEqual(none.signature.inputs.count + none.signature.outputs.count, 0)
        XCTAssertEqual(try none.procedure.body([], g), [])
        XCTAssertThrowsError(try TestProcedureDefinition.parse(signature: "test.p(x :: INTEGER?) :: (y :: INTEGER?)", table: [["x"]]))
    }

    func record(_ id: String, _ status: ScenarioStatus) -> ScenarioRecord {
        ScenarioRecord(id: id, featurePath: String(id.prefix(while: { $0 != ":" })), line: 1,
                       outcome: ScenarioOutcome(status: status, cause: "", message: "", details: "", phaseOnlyMismatch: false))
    }

    func testRatchet() throws {
        let r = Ratchet(text: "# comment\n\nfeatures/a/A.feature:[1] x\nfeatures/a/A.feature:[2] y\nfeatures/b/B.feature:[1] z\n")
        XCTAssertEqual(r.ids.count, 3)
        let records = [record("features/a/A.feature:[1] x", .passed), record("features/a/A.feature:[2] y", .failed),
                       record("features/a/A.feature:[3] new", .passed), record("features/b/B.feature:[1] z", .passed)]
        XCTAssertEqual(r.regressions(records: records, selected: { _ in true }), ["features/a/A.feature:[2] y"])
        XCTAssertEqual(r.newPasses(records: records), ["features/a/A.feature:[3] new"])
        // A filtered run checks only what it selected.
        let onlyB = records.filter { $0.id.contains("B.feature") }
        XCTAssertEqual(r.regressions(records: onlyB, selected: { $0.contains("B.feature") }), [])
        // Updating replaces the selection and keeps the rest.
        let next = r.updated(records: onlyB, selected: { $0.contains("B.feature") })
        XCTAssertEqual(next.ids, r.ids)
        let all = r.updated(records: records, selected: { _ in true })
        XCTAssertEqual(all.ids, ["features/a/A.feature:[1] x", "features/a/A.feature:[3] new", "features/b/B.feature:[1] z"])
        let lines = all.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines, ["features/a/A.feature:[1] x", "features/a/A.feature:[3] new", "features/b/B.feature:[1] z"])
        XCTAssertEqual(Ratchet(text: all.text), all)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tck-ratchet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/ratchet.txt").path
        XCTAssertEqual(try Ratchet.load(path).ids, [])
        try all.save(path)
        XCTAssertEqual(try Ratchet.load(path), all)
    }

    func testOptions() throws {
        let o = try TCKOptions.parse(["--filter", "Match1", "--verbose", "--check-ratchet", "--lenient-phase", "--timeout", "3", "--causes", "20"])
        XCTAssertEqual(o.filter, "Match1")
        XCTAssertTrue(o.verbose && o.checkRatchet && !o.strictPhase)
        XCTAssertEqual(o.timeout, 3)
        XCTAssertEqual(o.causes, 20)
        XCTAssertTrue(try TCKOptions.parse([]).strictPhase)
        XCTAssertThrowsError(try TCKOptions.parse(["--filter"]))
        XCTAssertThrowsError(try TCKOptions.parse(["--bogus"]))
        XCTAssertThrowsError(try TCKOptions.parse(["--timeout", "-1"]))
    }

    func testFolderReportAndClosingLine() {
        let records = [record("features/clauses/match/Match1.feature:[1] a", .passed),
                       record("features/clauses/match/Match1.feature:[2] b", .failed),
                       record("features/clauses/set/Set1.feature:[1] c", .skipped),
                       record("features/useCases/x/U.feature:[1] d", .passed)]
        let table = Report.folderTable(records)
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(lines[1], ["clauses", "1", "1", "1", "50.0%"])
        XCTAssertEqual(lines[2], ["clauses/match", "1", "1", "0", "50.0%"])
        XCTAssertEqual(lines[3], ["clauses/set", "0", "0", "1", "-"])
        XCTAssertEqual(lines[4], ["useCases", "1", "0", "0", "100.0%"])
        XCTAssertEqual(Report.closingLine(Report.totals(records)), "tck: 2 passed, 1 failed, 1 skipped")
    }
}
