// Damage is reported, never loaded in part and never a crash: every single-byte change and every
// truncation of a snapshot, foreign files, other format versions, damaged or mismatched logs.
// The one thing forgiven is a torn log tail — an append cut short — which holds no committed
// statement; the next writer cuts it off.

import Foundation
@testable import KeiretsuGraph
import XCTest

final class PersistenceDamageTests: XCTestCase {
    var scratch = ScratchFolder()
    var dbPath: String { scratch.file("graph.db") }
    let damageCodes: Set<String> = ["Corrupted", "Truncated", "NotADatabase", "UnsupportedVersion"]

    override func setUp() { scratch = ScratchFolder() }
    override func tearDown() { scratch.remove() }

    /// A small database whose snapshot holds richGraph and whose log holds `statements` more.
    func makeDatabase(statements: Int = 3) throws -> String {
        let f = try GraphFile.open(dbPath)
        try f.load { graph in try MemoryGraphBuilder(continuing: try richGraph()).build(into: graph) }
        for i in 0..<statements {
            try f.perform { _ = try f.graph.createNode(labels: ["Added"], properties: ["i": .int(Int64(i)), "s": .string("statement \(i)")]) }
        }
        let dump = exactDump(f.graph)
        try f.close()
        return dump
    }

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
    func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    func open() throws -> GraphFile { try GraphFile.open(dbPath, options: .init(create: false)) }

    func testEverySnapshotByteIsCovered() throws {
        _ = try makeDatabase(statements: 0)
        let original = try bytes(dbPath)
        XCTAssertLessThan(original.count, 20_000, "keep this exhaustive test small")
        for i in 0..<original.count {
            for flip: UInt8 in [0x01, 0x80] {
                var damaged = original
                damaged[i] ^= flip
                try write(damaged, dbPath)
                XCTAssertThrowsPersistence(try open(), damageCodes)
            }
        }
        try write(original, dbPath)
        XCTAssertNoThrow(try open().close())
    }

    func testEverySnapshotTruncationIsReported() throws {
        _ = try makeDatabase(statements: 0)
        let original = try bytes(dbPath)
        for cut in 0..<original.count {
            try write(Array(original[0..<cut]), dbPath)
            XCTAssertThrowsPersistence(try open(), damageCodes)
        }
        try write(original + [0], dbPath)
        XCTAssertThrowsPersistence(try open(), ["Corrupted"])
    }

    func testForeignFilesAreNotDatabases() throws {
        let foreign: [[UInt8]] = [
            [], Array("hello, world\n".utf8), Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 100),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 200),
            (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) },
        ]
        for content in foreign {
            try write(content, dbPath)
            XCTAssertThrowsPersistence(try GraphFile.open(dbPath), ["NotADatabase"])
            XCTAssertEqual(try bytes(dbPath), content, "a foreign file is never overwritten")
        }
        // A folder where the file should be.
        try FileManager.default.removeItem(atPath: dbPath)
        try FileManager.default.createDirectory(atPath: dbPath, withIntermediateDirectories: false)
        XCTAssertThrowsPersistence(try GraphFile.open(dbPath), ["IOError"])
    }

    func testOtherFormatVersionsAreRefused() throws {
        _ = try makeDatabase(statements: 0)
        var header = try bytes(dbPath)
        header[8] = 2  // version 2, with the header checksum made right again
        let crc = CRC32C.checksum(Array(header[0..<60]))
        withUnsafeBytes(of: crc.littleEndian) { for k in 0..<4 { header[60 + k] = $0[k] } }
        try write(header, dbPath)
        XCTAssertThrowsPersistence(try open(), ["UnsupportedVersion"])
    }

    func testInconsistentSnapshotContentsAreDamage() throws {
        // A structurally broken graph written with valid checksums: a relationship whose end
        // node is gone.
        let g = try richGraph()
        g.nodes[3] = nil
        var writer = SnapshotWriter(graph: g, databaseID: 1, transaction: 0)
        _ = try writer.write(to: dbPath)
        XCTAssertThrowsPersistence(try open(), ["Corrupted"])
        // Data that breaks a stored unique constraint.
        let h = try richGraph()
        h.nodes[1]?.properties["name"] = "A"
        var writer2 = SnapshotWriter(graph: h, databaseID: 1, transaction: 0)
        _ = try writer2.write(to: dbPath)
        XCTAssertThrowsPersistence(try open(), ["Corrupted"])
    }

    func testTornLogTailsAreIgnoredAndCutByTheNextWriter() throws {
        let full = try makeDatabase(statements: 3)
        let log = try bytes(dbPath + ".wal")
        // The last record's start: scan the intact records.
        let records = try log.withUnsafeBytes { raw in
            try LogRecordFormat.scan(UnsafeRawBufferPointer(rebasing: raw[LogHeader.size...]), fileOffset: LogHeader.size,
                                     next: 2, path: "log").records
        }
        XCTAssertEqual(records.count, 3)
        let lastStart = records[2].offset
        let withoutLast: String = try {
            try write(Array(log[0..<lastStart]), dbPath + ".wal")
            let f = try open()
            defer { try? f.close() }
            return exactDump(f.graph)
        }()
        XCTAssertNotEqual(withoutLast, full)
        for cut in (lastStart + 1)..<log.count {
            try write(Array(log[0..<cut]), dbPath + ".wal")
            let f = try open()
            XCTAssertEqual(exactDump(f.graph), withoutLast, "cut at \(cut)")
            XCTAssertEqual(f.lastTransaction, 3, "the load was transaction 1, then two statements")
            try f.close()
            XCTAssertEqual(try GraphFile.check(dbPath).tornTailBytes, cut - lastStart)
        }
        // Zeros where the last record should be (a power loss after the size grew) are torn too.
        try write(Array(log[0..<lastStart]) + [UInt8](repeating: 0, count: log.count - lastStart), dbPath + ".wal")
        XCTAssertEqual(exactDump(try open().graph), withoutLast)
        // The next writer cuts the tail and appends after the intact records.
        let f = try GraphFile.open(dbPath)
        try f.perform { _ = try f.graph.createNode(labels: ["After"], properties: [:]) }
        let after = exactDump(f.graph)
        try f.close()
        XCTAssertEqual(exactDump(try open().graph), after)
        let report = try GraphFile.check(dbPath)
        XCTAssertEqual(report.tornTailBytes, 0)
        XCTAssertEqual(report.transaction, 4)
        XCTAssertTrue(report.isClean)
    }

    func testDamageInsideTheLogIsReported() throws {
        _ = try makeDatabase(statements: 3)
        let log = try bytes(dbPath + ".wal")
        let records = try log.withUnsafeBytes { raw in
            try LogRecordFormat.scan(UnsafeRawBufferPointer(rebasing: raw[LogHeader.size...]), fileOffset: LogHeader.size,
                                     next: 2, path: "log").records
        }
        // Any byte of the header or of the first two records (an intact record follows them).
        for i in 0..<records[2].offset {
            var damaged = log
            damaged[i] ^= 0x04
            try write(damaged, dbPath + ".wal")
            XCTAssertThrowsPersistence(try open(), damageCodes)
        }
        // A log from another database.
        try write(log, dbPath + ".wal")
        let other = scratch.file("other.db")
        let o = try GraphFile.open(other)
        try o.close()
        try write(try bytes(other + ".wal"), dbPath + ".wal")
        XCTAssertThrowsPersistence(try open(), ["Corrupted"])
        // A log whose snapshot is gone is not silently replaced by a new database.
        try FileManager.default.removeItem(atPath: dbPath)
        XCTAssertThrowsPersistence(try GraphFile.open(dbPath), ["Corrupted"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dbPath))
    }

    func testCheckReportsAHealthyFile() throws {
        _ = try makeDatabase(statements: 4)
        let report = try GraphFile.check(dbPath)
        XCTAssertTrue(report.isClean, "\(report.problems)")
        XCTAssertEqual(report.nodes, 8)
        XCTAssertEqual(report.relationships, 5)
        XCTAssertEqual(report.indexes, 2)
        XCTAssertEqual(report.logTransactions, 4)
        XCTAssertEqual(report.transaction, 5, "the load, then four statements")
        XCTAssertThrowsPersistence(try GraphFile.check(scratch.file("missing.db")), ["IOError"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("missing.db")), "check creates nothing")
    }
}
