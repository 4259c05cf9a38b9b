// `--db FILE` through the built binary: statements are committed and found by the next process,
// a failing statement or a failed `--single-transaction` run changes nothing, a second writer
// gets a clear error (or waits with --wait), `check` and `import` work, and damaged or foreign
// files are reported with exit status 2 — never a crash.

import Foundation
import XCTest

final class DatabaseFileCommandTests: XCTestCase {
    func rows(_ r: RunResult, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        return r.stdout
    }

    func testWritesAreCommittedAndSurviveTheProcess() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/alliance.db"
        let create = try BinaryRunner.run(["query", "--db", db, "--format", "jsonl",
                                           "CREATE (:Company {name: 'A', since: date('2023-01-28'), stake: 43.0, n: 1})"])
        try skipIfEngineMissing(create)
        XCTAssertEqual(create.status, 0, create.stderr)
        XCTAssertTrue(create.stdout.contains(#""nodesCreated":1"#))
        for name in ["db", "db.wal", "db.lock"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path + "/alliance." + name), name)
        }
        let read = try BinaryRunner.run(["query", "--db", db, "--format", "jsonl",
                                         "MATCH (c:Company) RETURN c.name, c.since, c.stake, c.n"])
        XCTAssertEqual(rows(read), #"{"columns":["c.name","c.since","c.stake","c.n"],"rows":[["A",{"_kind":"date","value":"2023-01-28"},43.0,1]],"stats":{"nodesCreated":0,"nodesDeleted":0,"relationshipsCreated":0,"relationshipsDeleted":0,"labelsAdded":0,"labelsRemoved":0,"propertiesSet":0}}"# + "\n")
        // A failing statement changes nothing.
        let failing = try BinaryRunner.run(["query", "--db", db, "MATCH (c:Company) SET c.n = 2 WITH c RETURN 1 / 0"])
        XCTAssertEqual(failing.status, 2)
        XCTAssertTrue(failing.stderr.contains("ArgumentError.DivisionByZero"), failing.stderr)
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (c:Company) RETURN c.n"])), "c.n\n1\n")
        // Indexes and constraints are kept too.
        _ = rows(try BinaryRunner.run(["query", "--db", db, "CREATE CONSTRAINT company_name FOR (c:Company) REQUIRE c.name IS UNIQUE"]))
        let dup = try BinaryRunner.run(["query", "--db", db, "CREATE (:Company {name: 'A'})"])
        XCTAssertEqual(dup.status, 2, "the constraint survived the process")
        XCTAssertTrue(dup.stderr.contains("ConstraintVerificationFailed"), dup.stderr)
    }

    func testSingleTransactionRunsCommitAllOrNothing() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/t.db"
        let good = try scratch.write("good.cypher", "CREATE (:T {i: 1});\nCREATE (:T {i: 2});\n")
        let bad = try scratch.write("bad.cypher", "CREATE (:T {i: 3});\nCREATE (:T {i: 4});\nRETURN 1 / 0;\n")
        let r1 = try BinaryRunner.run(["run", "--db", db, "--single-transaction", good])
        try skipIfEngineMissing(r1)
        XCTAssertEqual(r1.status, 0, r1.stderr)
        let r2 = try BinaryRunner.run(["run", "--db", db, "--single-transaction", "--format", "jsonl", bad])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(r2.stdout.hasSuffix(#""line":3,"column":10}}"# + "\n"), r2.stdout)
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (t:T) RETURN t.i ORDER BY t.i"])),
                       "t.i\n1\n2\n")
        // Without --single-transaction the statements before the error stay committed.
        XCTAssertEqual(try BinaryRunner.run(["run", "--db", db, bad]).status, 2)
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (t:T) RETURN count(t)"])),
                       "count(t)\n4\n")
    }

    func testASecondWriterIsRefusedOrWaits() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/w.db"
        try skipIfEngineMissing(try BinaryRunner.run(["query", "--db", db, "CREATE (:T)"]))
        // Another writer: a process holding the flock on FILE.lock (the writer lock of
        // docs/storage.md) for a second.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import fcntl, sys, time
            f = open(sys.argv[1], "a")
            fcntl.flock(f, fcntl.LOCK_EX)
            print("locked", flush=True)
            time.sleep(1.5)
            """, db + ".lock"]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        _ = output.fileHandleForReading.availableData  // "locked"
        let refused = try BinaryRunner.run(["query", "--db", db, "CREATE (:Other)"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("DatabaseError.Locked"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--wait"), refused.stderr)
        // Reading needs no lock.
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (t:T) RETURN count(t)"])),
                       "count(t)\n1\n")
        // A writer that may wait gets in once the holder is gone.
        let started = Date()
        let waited = try BinaryRunner.run(["query", "--db", db, "--wait", "20", "CREATE (:Other)"])
        XCTAssertEqual(waited.status, 0, waited.stderr)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.3)
        holder.waitUntilExit()
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv",
                                                  "MATCH (n) RETURN labels(n)[0] AS l, count(*) ORDER BY l"])),
                       "l\tcount(*)\nOther\t1\nT\t1\n")
        // Waiting has a limit.
        let holder2 = Process()
        holder2.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder2.arguments = holder.arguments
        let output2 = Pipe()
        holder2.standardOutput = output2
        try holder2.run()
        defer { if holder2.isRunning { holder2.terminate() } }
        _ = output2.fileHandleForReading.availableData
        let timedOut = try BinaryRunner.run(["query", "--db", db, "--wait", "0.3", "CREATE (:Other)"])
        XCTAssertEqual(timedOut.status, 2)
        XCTAssertTrue(timedOut.stderr.contains("after waiting 0.3 s"), timedOut.stderr)
    }

    func testCheckAndImport() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/i.db"
        try scratch.write("csv/nodes.csv", "id:ID,name,founded:int,:LABEL\nc1,A,1999,Company\nc2,B,2001,Company;Listed\n")
        try scratch.write("csv/rels.csv", ":START_ID,:END_ID,:TYPE,percent:float\nc1,c2,HOLDS_STAKE,43.0\n")
        let imported = try BinaryRunner.run(["import", "--db", db, scratch.path + "/csv"])
        try skipIfEngineMissing(imported)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "")
        XCTAssertTrue(imported.stderr.contains("imported 2 nodes and 1 relationships from 2 files"), imported.stderr)
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv",
                                                  "MATCH (a)-[r:HOLDS_STAKE]->(b:Listed) RETURN a.name, r.percent, b.founded"])),
                       "a.name\tr.percent\tb.founded\nA\t43.0\t2001\n")
        let check = try BinaryRunner.run(["check", "--db", db])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix(db + ": ok\n"), check.stdout)
        XCTAssertTrue(check.stdout.contains("2 nodes, 1 relationships"), check.stdout)
        // A bad row fails the whole import and leaves the file as it was.
        try scratch.write("bad/nodes.csv", "id:ID,founded:int\nx1,1999\nx2,not-a-number\n")
        let bad = try BinaryRunner.run(["import", "--db", db, scratch.path + "/bad/nodes.csv"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("nodes.csv:3: error: InputError.BadRow"), bad.stderr)
        XCTAssertEqual(rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (n) RETURN count(n)"])),
                       "count(n)\n2\n")
    }

    func testIngestIntoADatabaseFile() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/ingest.db"
        let seeds = BinaryRunner.packageRoot.appendingPathComponent("seeds").path
        let r = try BinaryRunner.run(["ingest", seeds, "--db", db])
        try skipIfEngineMissing(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        let documents = rows(try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (d:Document) RETURN count(d)"]))
        XCTAssertNotEqual(documents, "count(d)\n0\n", "the articles' documents are in the file")
        let check = try BinaryRunner.run(["check", "--db", db])
        XCTAssertEqual(check.status, 0, check.stderr)
        // The ingest was one load: a snapshot, no log records.
        XCTAssertTrue(check.stdout.contains("(0 transactions since the snapshot)"), check.stdout)
    }

    func testDamagedAndForeignFilesExitTwo() throws {
        let scratch = try ScratchFolder()
        let db = scratch.path + "/d.db"
        try skipIfEngineMissing(try BinaryRunner.run(["query", "--db", db, "CREATE (:T {name: 'x'})"]))
        _ = rows(try BinaryRunner.run(["query", "--db", db, "MATCH (t:T) SET t.n = 1"]))
        // Corrupt one byte in the middle of the snapshot.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: db)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        for arguments in [["query", "--db", db, "RETURN 1"], ["check", "--db", db]] {
            let r = try BinaryRunner.run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments)")
            XCTAssertEqual(r.stdout, "")
            XCTAssertTrue(r.stderr.hasPrefix(db + ": error: DatabaseError.Corrupted: damaged at byte"), r.stderr)
        }
        // Truncated.
        try Data(bytes.prefix(bytes.count - 3)).write(to: URL(fileURLWithPath: db))
        let truncated = try BinaryRunner.run(["check", "--db", db])
        XCTAssertEqual(truncated.status, 2)
        XCTAssertTrue(truncated.stderr.contains("DatabaseError.Truncated"), truncated.stderr)
        // Foreign.
        let foreign = try scratch.write("notes.txt", "not a database\n")
        let r = try BinaryRunner.run(["query", "--db", foreign, "RETURN 1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("DatabaseError.NotADatabase"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: foreign, encoding: .utf8), "not a database\n", "never overwritten")
        // Missing, for check.
        let missing = try BinaryRunner.run(["check", "--db", scratch.path + "/none.db"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("DatabaseError.IOError"), missing.stderr)
    }
}
