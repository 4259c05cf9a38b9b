// `keiretsu test` as users and CI run it: the built binary as a subprocess, checked for its exit
// status (0 passed, 1 a check failed, 2 a file that does not parse, a bad source, no records),
// stdout ending with the closing line, and stderr. Also: the queries/ library passes on the
// project's seeds.

import Foundation
import XCTest

final class SavedQueriesBinaryTests: XCTestCase {
    func closingLine(_ r: RunResult) -> String {
        r.stdout.split(separator: "\n").last.map(String.init) ?? ""
    }

    func testPassingFileExitsZero() throws {
        let r = try BinaryRunner.run(["test", "--empty", CytFixtures.path("pass.cyt")])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, "test: 14 passed, 0 failed, 2 skipped\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testFailingFileExitsOneWithTheDiff() throws {
        let r = try BinaryRunner.run(["test", "--empty", CytFixtures.path("fail.cyt")])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(closingLine(r), "test: 3 passed, 4 failed, 0 skipped")
        XCTAssertTrue(r.stdout.contains("fail.cyt:16: FAIL: the result differs\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("-'Delta'\n+'Gamma'\n"))
        XCTAssertEqual(r.stderr, "")
    }

    func testMalformedFileExitsTwo() throws {
        let path = CytFixtures.path("malformed.cyt")
        let r = try BinaryRunner.run(["test", "--empty", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "test: 0 passed, 0 failed, 0 skipped\n")
        XCTAssertTrue(r.stderr.hasPrefix("\(path):7:1: error: InputError.CellCount: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("\n1 | 2\n^^^^^\n"), r.stderr)
    }

    func testNoRecordsExitsTwo() throws {
        let r = try BinaryRunner.run(["test", "--empty", CytFixtures.path("comments-only.cyt")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "test: 0 passed, 0 failed, 0 skipped\n")
        XCTAssertTrue(r.stderr.contains("no records to run"), r.stderr)
    }

    func testBadSourceOrPathExitsTwoWithTheClosingLine() throws {
        let scratch = try ScratchFolder()
        let badSource = try BinaryRunner.run(["test", "--seeds", scratch.path + "/none", CytFixtures.path("pass.cyt")])
        XCTAssertEqual(badSource.status, 2)
        XCTAssertEqual(badSource.stdout, "test: 0 passed, 0 failed, 0 skipped\n")
        XCTAssertTrue(badSource.stderr.contains("InputError.NoSuchFolder"), badSource.stderr)
        let badPath = try BinaryRunner.run(["test", "--empty", scratch.path + "/none.cyt"])
        XCTAssertEqual(badPath.status, 2)
        XCTAssertTrue(badPath.stderr.contains("InputError.NoSuchFile"), badPath.stderr)
        XCTAssertEqual(closingLine(badPath), "test: 0 passed, 0 failed, 0 skipped")
        let usage = try BinaryRunner.run(["test", "--empty"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("at least one PATH"), usage.stderr)
    }

    func testUpdateAndJUnitThroughTheBinary() throws {
        let scratch = try ScratchFolder()
        try CytFixtures.copy(["fail.cyt"], to: scratch)
        let junit = scratch.path + "/report.xml"
        let r = try BinaryRunner.run(["test", "--empty", "fail.cyt", "--update", "--junit", junit], in: scratch.url)
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(closingLine(r), "test: 7 passed, 0 failed, 0 skipped")
        XCTAssertEqual(try String(contentsOfFile: scratch.path + "/fail.cyt", encoding: .utf8),
                       try CytFixtures.text("fail.updated.txt"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        XCTAssertTrue(xml.contains("<testsuite name=\"fail.cyt\" file=\"fail.cyt\" tests=\"7\" failures=\"0\""), xml)
    }

    func testOneRecordFilterAndFailFast() throws {
        let fail = CytFixtures.path("fail.cyt")
        let one = try BinaryRunner.run(["test", "--empty", fail + ":17"])
        try skipIfEngineMissing(one)
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(closingLine(one), "test: 0 passed, 1 failed, 0 skipped")
        let filtered = try BinaryRunner.run(["test", "--empty", fail, "--filter", "how many companies"])
        XCTAssertEqual(filtered.status, 1, "the failing setup statement still counts")
        XCTAssertEqual(closingLine(filtered), "test: 1 passed, 1 failed, 0 skipped")
        let fast = try BinaryRunner.run(["test", "--empty", fail, "--fail-fast"])
        XCTAssertEqual(closingLine(fast), "test: 2 passed, 1 failed, 0 skipped")
    }

    func testGitHubActionsAnnotations() throws {
        guard let binary = BinaryRunner.binary else { throw XCTSkip("the keiretsu binary was not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["test", "--empty", CytFixtures.path("fail.cyt")]
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_ACTIONS"] = "true"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 1)
        let annotations = stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") }
        XCTAssertEqual(annotations.count, 4, stdout)
        XCTAssertTrue(annotations[0].contains(",line=16,title=keiretsu test::the result differs%0A"), String(annotations[0]))
    }

    func testFoldersRunInSortedOrderAndPlainScriptsStillRun() throws {
        let scratch = try ScratchFolder()
        try scratch.write("q/b.cyt", "query\nRETURN 'b' AS x\n----\nx\n'b'\n")
        try scratch.write("q/a/z.cyt", "query\nRETURN 'z' AS x\n----\nx\n'wrong'\n")
        try scratch.write("q/script.cypher", "RETURN 'plain' AS x;")
        let r = try BinaryRunner.run(["test", "--empty", "q"], in: scratch.url)
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasPrefix("q/a/z.cyt:1: FAIL"), r.stdout)
        XCTAssertEqual(closingLine(r), "test: 1 passed, 1 failed, 0 skipped")
        let run = try BinaryRunner.run(["run", "--empty", "q/script.cypher"], in: scratch.url)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "x\nplain\n")
    }

    /// The project's queries/ library passes on its seeds. Until `date()` exists in the engine
    /// the seeds do not load; the test then uses a copy whose dates are strings.
    func testTheQueriesLibraryPassesOnTheSeeds() throws {
        let root = BinaryRunner.packageRoot
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("queries").path) else {
            throw XCTSkip("no queries/ folder")
        }
        var r = try BinaryRunner.run(["test", "queries"], in: root)
        try skipIfEngineMissing(r)
        if r.status == 2 && r.stderr.contains("unknown function 'date'") {
            let scratch = try ScratchFolder()
            let seeds = root.appendingPathComponent("seeds")
            for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".cypher") {
                let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
                let undated = text.replacingOccurrences(of: #"date\(('[0-9-]+')\)"#, with: "$1", options: .regularExpression)
                try scratch.write("seeds/" + name, undated)
            }
            r = try BinaryRunner.run(["test", "--seeds", scratch.path + "/seeds", "queries"], in: root)
        }
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let last = closingLine(r)
        XCTAssertTrue(last.hasPrefix("test: "), last)
        XCTAssertTrue(last.contains(" 0 failed"), last)
        let passed = Int(last.dropFirst("test: ".count).prefix { $0.isNumber }) ?? 0
        XCTAssertGreaterThanOrEqual(passed, 25)
    }
}
