// GraphFile end to end: what is committed survives reopening exactly; what fails leaves no trace;
// checkpoints, crashes between a checkpoint's renames, bulk loads, and two sessions on one file
// (catching up, re-running a statement written against a stale graph, the writer lock).

@testable import KeiretsuGraph
import XCTest

final class PersistenceFileTests: XCTestCase {
    var scratch = ScratchFolder()
    var dbPath: String { scratch.file("graph.db") }

    override func setUp() { scratch = ScratchFolder() }
    override func tearDown() { scratch.remove() }

    func reopenedDump(_ path: String? = nil) throws -> String {
        let f = try GraphFile.open(path ?? dbPath, options: .init(create: false))
        defer { try? f.close() }
        XCTAssertEqual(f.graph.invariantViolations(), [])
        return exactDump(f.graph)
    }

    func testCreateWriteReopen() throws {
        let f = try GraphFile.open(dbPath)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath + ".wal"))
        XCTAssertEqual(f.graph.nodeCount, 0)
        // Everything richGraph does, as individual committed statements through the log.
        try f.perform { try f.graph.apply(.createNode(id: 0, labels: ["Scratch"], properties: [:])) }
        try f.perform { try f.graph.deleteNode(0) }
        let rich = try richGraph()
        for id in rich.allNodeIDs() {
            let n = rich.node(id)!
            try f.perform { try f.graph.apply(.createNode(id: id + 1, labels: n.labels, properties: n.properties)) }
        }
        try f.perform {
            for id in rich.allRelationshipIDs() {
                let r = rich.relationship(id)!
                try f.graph.apply(.createRelationship(id: id, type: r.type, start: r.start + 1, end: r.end + 1, properties: r.properties))
            }
            for index in rich.indexes { try f.graph.createIndex(index) }
        }
        XCTAssertEqual(f.lastTransaction, UInt64(3 + rich.nodeCount))
        let live = exactDump(f.graph)
        try f.close()
        XCTAssertEqual(try reopenedDump(), live)
        // After a checkpoint the snapshot alone carries the same graph.
        let g = try GraphFile.open(dbPath)
        try g.checkpoint()
        XCTAssertEqual(g.sizes.log, LogHeader.size)
        try g.close()
        XCTAssertEqual(try reopenedDump(), live)
    }

    func withoutSlotsLines(_ dump: String) -> [String] { dump.components(separatedBy: "\n").filter { !$0.hasPrefix("slots") } }

    func testAFailedStatementLeavesNoTrace() throws {
        let f = try GraphFile.open(dbPath)
        let a = try f.perform { try f.graph.createNode(labels: ["A"], properties: ["v": 1]) }
        try f.perform { try f.graph.createIndex(IndexDescriptor(name: "u", label: "A", properties: ["v"], unique: true)) }
        let before = exactDump(f.graph)
        let tx = f.lastTransaction
        struct Boom: Error {}
        XCTAssertThrowsError(try f.perform {
            _ = try f.graph.createNode(labels: ["A"], properties: ["v": 2])
            try f.graph.setNodeProperty(a, "v", 3)
            throw Boom()
        })
        // A constraint violation half way through a statement.
        XCTAssertThrowsError(try f.perform {
            _ = try f.graph.createNode(labels: ["B"], properties: [:])
            _ = try f.graph.createNode(labels: ["A"], properties: ["v": 1])
        })
        XCTAssertEqual(f.lastTransaction, tx, "nothing reached the log")
        XCTAssertEqual(withoutSlotsLines(exactDump(f.graph)), withoutSlotsLines(before), "memory rolled back too")
        let logSize = f.sizes.log
        try f.close()
        XCTAssertEqual(POSIXFile.status(of: dbPath + ".wal")?.size, logSize)
        // Ids the failed statements used stay unused within the session (the slot count grew);
        // apart from that nothing differs, in memory or on disk.
        func withoutSlots(_ dump: String) -> [String] { dump.components(separatedBy: "\n").filter { !$0.hasPrefix("slots") } }
        XCTAssertEqual(withoutSlots(try reopenedDump()), withoutSlots(before))
    }

    func testExplicitTransactionsCommitTogetherOrNotAtAll() throws {
        let f = try GraphFile.open(dbPath)
        try f.beginTransaction()
        XCTAssertTrue(f.isWriter)
        for i in 0..<5 { try f.perform { _ = try f.graph.createNode(labels: ["T"], properties: ["i": .int(Int64(i))]) } }
        try f.commitTransaction()
        XCTAssertFalse(f.isWriter, "the commit releases a lock the transaction took")
        XCTAssertEqual(f.lastTransaction, 1, "one record for the whole transaction")
        try f.beginTransaction()
        for i in 5..<9 { _ = try f.graph.createNode(labels: ["T"], properties: ["i": .int(Int64(i))]) }
        f.rollbackTransaction()
        XCTAssertEqual(f.graph.countNodes(withLabel: "T"), 5)
        try f.close()
        let g = try GraphFile.open(dbPath)
        XCTAssertEqual(g.graph.countNodes(withLabel: "T"), 5)
        XCTAssertEqual(g.lastTransaction, 1)
        try g.close()
    }

    func testAutomaticCheckpointsKeepEverything() throws {
        let options = GraphFile.Options(checkpointMinimumBytes: 2048, checkpointMaximumBytes: 4096)
        let f = try GraphFile.open(dbPath, options: options)
        for i in 0..<300 {
            try f.perform { _ = try f.graph.createNode(labels: ["N"], properties: ["i": .int(Int64(i)), "pad": .string(String(repeating: "x", count: 40))]) }
            if i % 7 == 0 { try f.perform { try f.graph.deleteNode(i / 2) } }
        }
        XCTAssertLessThan(f.sizes.log, 4096 + 200, "the log was checkpointed along the way")
        let live = exactDump(f.graph)
        try f.close()
        XCTAssertEqual(try reopenedDump(), live)
    }

    func testCrashBetweenTheCheckpointRenames() throws {
        let f = try GraphFile.open(dbPath)
        for i in 0..<10 { try f.perform { _ = try f.graph.createNode(labels: ["N"], properties: ["i": .int(Int64(i))]) } }
        let oldLog = try Data(contentsOf: URL(fileURLWithPath: dbPath + ".wal"))
        try f.checkpoint()
        let live = exactDump(f.graph)
        try f.close()
        // As if the process died after renaming the snapshot but before replacing the log.
        try oldLog.write(to: URL(fileURLWithPath: dbPath + ".wal"))
        XCTAssertEqual(try reopenedDump(), live)
        // The next writer starts a fresh log and carries on.
        let g = try GraphFile.open(dbPath)
        try g.perform { _ = try g.graph.createNode(labels: ["N"], properties: ["i": 10]) }
        let after = exactDump(g.graph)
        try g.close()
        XCTAssertEqual(try reopenedDump(), after)
        XCTAssertEqual(try GraphFile.check(dbPath).transaction, 11)
    }

    func testBulkLoadIsAllOrNothing() throws {
        let f = try GraphFile.open(dbPath)
        try f.perform { _ = try f.graph.createNode(labels: ["Old"], properties: [:]) }
        struct Boom: Error {}
        XCTAssertThrowsError(try f.load { graph in
            var b = MemoryGraphBuilder(continuing: graph)
            for _ in 0..<100 { b.addNode(labels: ["New"], properties: [:]) }
            try b.build(into: graph)
            throw Boom()
        })
        XCTAssertEqual(f.graph.countNodes(withLabel: "New"), 0, "the graph was restored from the file")
        try f.load { graph in
            var b = MemoryGraphBuilder(continuing: graph)
            for i in 0..<100 { b.addNode(labels: ["New"], properties: ["i": .int(Int64(i))]) }
            try b.build(into: graph)
        }
        XCTAssertEqual(f.sizes.log, LogHeader.size, "a load ends with a checkpoint")
        let live = exactDump(f.graph)
        try f.close()
        XCTAssertEqual(try reopenedDump(), live)
    }

    func testTwoSessionsCatchUpAndReRunStaleStatements() throws {
        let a = try GraphFile.open(dbPath)
        let b = try GraphFile.open(dbPath)
        try a.perform { _ = try a.graph.createNode(labels: ["Counter"], properties: ["n": 0]) }
        // b did not see it yet; its next statement catches up first.
        try b.refresh()
        XCTAssertEqual(b.graph.countNodes(withLabel: "Counter"), 1)
        // Interleaved increments: each reads the current value, so none may be lost.
        var runs = 0
        for i in 0..<10 {
            let s = i % 2 == 0 ? a : b
            try s.perform {
                runs += 1
                let v = s.graph.nodeProperty(0, "n")
                guard case .int(let n) = v else { throw GraphStoreError.missingEndpoint(0) }
                try s.graph.setNodeProperty(0, "n", .int(n + 1))
            }
        }
        try a.refresh()
        XCTAssertEqual(a.graph.nodeProperty(0, "n"), 10)
        XCTAssertEqual(b.graph.nodeProperty(0, "n"), 10)
        XCTAssertEqual(runs, 10, "each session caught up before running, so nothing had to be re-run")
        // A statement run against a stale graph is rolled back and run again.
        try a.perform { try a.graph.setNodeProperty(0, "n", 100) }
        var bRuns = 0
        let seen: Value = try b.perform {
            bRuns += 1
            let v = b.graph.nodeProperty(0, "n")
            try b.graph.setNodeProperty(0, "seen", v)
            return v
        }
        XCTAssertEqual(seen, 100)
        XCTAssertEqual(bRuns, 1, "perform catches up before the first run")
        try a.close()
        try b.close()
        let c = try GraphFile.open(dbPath)
        XCTAssertEqual(c.graph.nodeProperty(0, "seen"), 100)
        XCTAssertEqual(c.lastTransaction, 13)
        try c.close()
    }

    func testReRunAfterAConcurrentCommit() throws {
        let a = try GraphFile.open(dbPath)
        let b = try GraphFile.open(dbPath)
        try a.perform { _ = try a.graph.createNode(labels: ["Counter"], properties: ["n": 0]) }
        try b.refresh()
        var bRuns = 0
        try b.perform {
            bRuns += 1
            if bRuns == 1 {
                // Another process commits while b's statement runs.
                try a.perform { try a.graph.setNodeProperty(0, "n", 5) }
            }
            guard case .int(let n) = b.graph.nodeProperty(0, "n") else { return }
            try b.graph.setNodeProperty(0, "n", .int(n + 1))
        }
        XCTAssertEqual(bRuns, 2, "the statement ran again on the caught-up graph")
        XCTAssertEqual(b.graph.nodeProperty(0, "n"), 6)
        try a.close()
        try b.close()
        let c = try GraphFile.open(dbPath)
        XCTAssertEqual(c.graph.nodeProperty(0, "n"), 6)
        try c.close()
    }

    func testReaderFollowsAWriterThroughCheckpoints() throws {
        let w = try GraphFile.open(dbPath, options: .init(checkpointMinimumBytes: 1024, checkpointMaximumBytes: 1024))
        let r = try GraphFile.open(dbPath)
        for i in 0..<200 {
            try w.perform { _ = try w.graph.createNode(labels: ["N"], properties: ["i": .int(Int64(i))]) }
            if i % 17 == 0 {
                try r.refresh()
                XCTAssertEqual(r.graph.nodeCount, i + 1)
                XCTAssertEqual(exactDump(r.graph), exactDump(w.graph))
            }
        }
        try w.close()
        try r.close()
    }

    func testSessionsFollowEachOtherThroughManyCheckpoints() throws {
        // Every commit of either session is followed by a checkpoint, so the files are replaced
        // constantly while both sessions keep reading and writing.
        let options = GraphFile.Options(checkpointMinimumBytes: 64, checkpointMaximumBytes: 64)
        let a = try GraphFile.open(dbPath, options: options)
        let b = try GraphFile.open(dbPath, options: options)
        for i in 0..<150 {
            let s = i % 3 == 0 ? b : a
            try s.perform { _ = try s.graph.createNode(labels: ["N"], properties: ["i": .int(Int64(i))]) }
            if i % 5 == 0 {
                try a.refresh()
                try b.refresh()
                XCTAssertEqual(exactDump(a.graph), exactDump(b.graph), "after \(i)")
            }
        }
        try a.refresh()
        XCTAssertEqual(a.graph.nodeCount, 150)
        let live = exactDump(a.graph)
        try a.close()
        try b.close()
        XCTAssertEqual(try reopenedDump(), live)
    }

    func testASessionThatMissedCheckpointsCatchesUp() throws {
        // Each checkpoint replaces the snapshot and the log; ext4 hands freed inode numbers to the
        // next new files, so after a few checkpoints an idle session finds files carrying exactly
        // the (device, inode) pair it remembers (here the numbers cycle with period 3). It must
        // still see that they changed — sessions hold the files they follow open, which keeps
        // their numbers from being reused (a bug the crash test found).
        for missed in 1...6 {
            try? FileManager.default.removeItem(atPath: dbPath)
            try? FileManager.default.removeItem(atPath: dbPath + ".wal")
            let a = try GraphFile.open(dbPath)
            let b = try GraphFile.open(dbPath)
            try b.perform { _ = try b.graph.createNode(labels: ["N"], properties: ["by": "b"]) }
            try b.checkpoint()
            for _ in 0..<missed {
                try a.perform { _ = try a.graph.createNode(labels: ["N"], properties: ["by": "a"]) }
                try a.checkpoint()
            }
            try b.perform { _ = try b.graph.createNode(labels: ["N"], properties: ["by": "b"]) }
            XCTAssertEqual(b.graph.nodeCount, missed + 2, "b caught up before writing (\(missed) missed)")
            try a.close()
            try b.close()
            let c = try GraphFile.open(dbPath)
            XCTAssertEqual(c.graph.nodeCount, missed + 2)
            XCTAssertEqual(c.lastTransaction, UInt64(missed + 2))
            try c.close()
        }
    }

    func testTheWriterLock() throws {
        let a = try GraphFile.open(dbPath)
        let b = try GraphFile.open(dbPath)
        try a.lock()
        XCTAssertThrowsPersistence(try b.perform { _ = try b.graph.createNode(labels: ["B"], properties: [:]) }, ["Locked"])
        XCTAssertEqual(b.graph.nodeCount, 0, "the refused statement was rolled back")
        // Reading needs no lock.
        XCTAssertEqual(try b.perform { b.graph.nodeCount }, 0)
        // A waiting writer gets in once the lock is released.
        let release = DispatchWorkItem { a.unlock() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3, execute: release)
        let started = Date()
        try b.lock(wait: 5)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.2)
        try b.perform { _ = try b.graph.createNode(labels: ["B"], properties: [:]) }
        b.unlock()
        try a.close()
        try b.close()
    }
}
