// The REPL with a database file: statements are committed, :begin/:commit/:rollback group
// them, and an unfinished transaction is dropped at the end of the session.

import Foundation
import XCTest

final class REPLTransactionTests: XCTestCase {
    func testTransactionsReachTheFileOnlyWhenCommitted() throws {
        let folder = try ScratchFolder()
        let db = folder.url.appendingPathComponent("g.db").path
        let session = try BinaryRunner.run(["repl", "--db", db], stdin: """
            CREATE (:A);
            :begin
            CREATE (:B);
            :rollback
            :begin
            CREATE (:C);
            :commit
            :begin
            CREATE (:D);

            """)
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertTrue(session.stderr.contains("transaction committed"), session.stderr)
        XCTAssertTrue(session.stderr.contains("rolled back"), session.stderr)
        let after = try BinaryRunner.run(["query", "--db", db, "--format", "tsv", "MATCH (n) UNWIND labels(n) AS l RETURN l ORDER BY l"])
        XCTAssertEqual(after.stdout, "l\nA\nC\n")
    }

    func testMisusedTransactionCommandsAreErrors() throws {
        let r = try BinaryRunner.run(["repl", "--empty"], stdin: ":commit\n")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no transaction is open"), r.stderr)
    }
}
