// End-to-end checks of the engine through the Database façade: each test runs Cypher and
// compares the printed rows.

import KeiretsuCypher
import KeiretsuGraph
import XCTest

final class EngineTests: XCTestCase {
    func rows(_ db: Database, _ q: String, _ params: [String: Value] = [:]) throws -> [String] {
        let r = try db.execute(q, parameters: params)
        return r.rows.map { $0.map { $0.literal() }.joined(separator: " | ") }
    }

    func testCreateMatchReturn() throws {
        let db = Database()
        _ = try db.execute("CREATE (:Company {name: 'A', founded: 1899}), (:Company {name: 'B'})")
        XCTAssertEqual(try rows(db, "MATCH (c:Company) RETURN c.name ORDER BY c.name"), ["'A'", "'B'"])
        XCTAssertEqual(try db.execute("MATCH (c:Company) RETURN c.name").columns, ["c.name"])
        _ = try db.execute("MATCH (a {name: 'A'}), (b {name: 'B'}) CREATE (a)-[:HOLDS_STAKE {percent: 43.0}]->(b)")
        XCTAssertEqual(try rows(db, "MATCH (a)-[r:HOLDS_STAKE]->(b) RETURN a.name, r.percent, b.name"), ["'A' | 43.0 | 'B'"])
        XCTAssertEqual(try rows(db, "MATCH (b)<-[r]-(a) RETURN a.name"), ["'A'"])
        XCTAssertEqual(try rows(db, "MATCH (a)-[r]-(b) RETURN a.name, b.name ORDER BY a.name"), ["'A' | 'B'", "'B' | 'A'"])
    }

    func testExpressions() throws {
        let db = Database()
        XCTAssertEqual(try rows(db, "RETURN 1 + 2 * 3, 2 ^ 3, 7 / 2, 7 % 3, 'a' + 'b', [1, 2] + 3"),
                       ["7 | 8.0 | 3 | 1 | 'ab' | [1, 2, 3]"])
        XCTAssertEqual(try rows(db, "RETURN null = null, 1 = 1.0, 1 < 2 < 3, NOT true, true XOR null"),
                       ["null | true | true | false | null"])
        XCTAssertEqual(try rows(db, "UNWIND [3, 1, 2] AS x RETURN x ORDER BY x DESC"), ["3", "2", "1"])
        XCTAssertEqual(try rows(db, "RETURN [x IN [1, 2, 3] WHERE x > 1 | x * 10] AS l"), ["[20, 30]"])
        XCTAssertThrowsError(try db.execute("RETURN undefinedThing")) { error in
            XCTAssertEqual((error as? CypherError)?.code, "UndefinedVariable")
        }
    }
}

final class EngineErrorTests: XCTestCase {
    func error(_ db: Database, _ q: String) -> CypherError? {
        do {
            _ = try db.execute(q)
            return nil
        } catch {
            return error as? CypherError
        }
    }

    /// Columns count Unicode scalars: `é` and `日` before the error each count one.
    func testColumnsCountScalarsNotBytes() throws {
        let db = Database()
        let text = "RETURN 'été', '日本',\n  nope"
        let e = try XCTUnwrap(error(db, text))
        XCTAssertEqual(e.qualifiedCode, "SyntaxError.UndefinedVariable")
        let source = SourceText(name: "<query>", text: text)
        XCTAssertEqual(source.location(of: try XCTUnwrap(e.offset)), SourceLocation(line: 2, column: 3))
        let rendered = source.render(e)
        XCTAssertTrue(rendered.hasPrefix("<query>:2:3: error: SyntaxError.UndefinedVariable:"), rendered)
        XCTAssertTrue(rendered.hasSuffix("  nope\n  ^^^^"), rendered)
        let e2 = try XCTUnwrap(error(db, "RETURN 'é' +* 1"))
        XCTAssertEqual(SourceText(name: "q", text: "RETURN 'é' +* 1").location(of: e2.offset ?? -1).column, 13)
    }

    func testFailedStatementChangesNothing() throws {
        let db = Database()
        _ = try db.execute("CREATE (:A {x: 1})")
        XCTAssertNotNil(error(db, "MATCH (a:A) CREATE (:B) SET a.x = 2 WITH a RETURN 1 / 0"))
        XCTAssertEqual(try db.execute("MATCH (n) RETURN count(n), sum(n.x)").rows.first, [.int(1), .int(1)])
    }

    func testTimeoutStopsALongQuery() throws {
        let db = Database()
        let start = Date()
        XCTAssertThrowsError(try db.execute("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000) AS y WITH x WHERE x < 0 RETURN count(*)",
                                            options: ExecutionOptions(timeout: 0.2))) { e in
            XCTAssertEqual((e as? CypherError)?.qualifiedCode, "Timeout.QueryTimedOut")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testCancellation() throws {
        let db = Database()
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try db.execute("UNWIND range(1, 1000) AS x RETURN x", options: ExecutionOptions(cancellation: token))) { e in
            XCTAssertEqual((e as? CypherError)?.qualifiedCode, "Cancelled.QueryCancelled")
        }
    }

    func testExplainAndProfile() throws {
        let db = Database()
        _ = try db.execute("CREATE (:A)-[:T]->(:B)")
        let plan = try XCTUnwrap(try db.execute("EXPLAIN MATCH (a:A)-[:T]->(b) RETURN b").plan)
        XCTAssertTrue(plan.contains("Match (a:A)-[:T]->(b)"), plan)
        let profile = try db.execute("PROFILE MATCH (a:A)-[:T]->(b) RETURN b")
        XCTAssertEqual(profile.rows.count, 1)
        XCTAssertTrue(profile.plan?.contains("rows=1") == true, profile.plan ?? "")
    }

    func testIndexesAreUsedAndListed() throws {
        let db = Database()
        _ = try db.execute("UNWIND range(1, 1000) AS i CREATE (:Company {name: 'C' + i})")
        _ = try db.execute("CREATE INDEX company_name FOR (c:Company) ON (c.name)")
        XCTAssertEqual(try db.execute("MATCH (c:Company {name: 'C42'}) RETURN c.name").rows, [[.string("C42")]])
        XCTAssertEqual(try db.execute("MATCH (c:Company) WHERE c.name = $n RETURN c.name", parameters: ["n": "C7"]).rows,
                       [[.string("C7")]])
        XCTAssertEqual(try db.execute("SHOW INDEXES").rows.first?.first, .string("company_name"))
        _ = try db.execute("CREATE CONSTRAINT FOR (c:Company) REQUIRE c.name IS UNIQUE")
        XCTAssertEqual(error(db, "CREATE (:Company {name: 'C1'})")?.qualifiedCode,
                       "ConstraintVerificationFailed.UniquenessConstraintViolation")
        XCTAssertEqual(try db.execute("CALL db.labels() YIELD label RETURN label").rows, [[.string("Company")]])
    }
}

final class RewriteTests: XCTestCase {
    /// CountFromStore must agree with the general plan, which a WHERE true forces.
    func testCountFromStoreAgreesWithMatching() throws {
        let db = Database()
        _ = try db.execute("CREATE (a:A)-[:T]->(b:B), (a)-[:T]->(a), (b)-[:U]->(:A:B), (:C)")
        let shapes = ["(n)", "(n:A)", "(n:B)", "(n:Missing)", "()-[r]->()", "()-[r:T]->()", "()<-[r:U]-()", "(x)-[r:Missing]->()"]
        for shape in shapes {
            let fast = try db.execute("MATCH \(shape) RETURN count(*) AS c")
            let slow = try db.execute("MATCH \(shape) WHERE true RETURN count(*) AS c")
            XCTAssertEqual(fast.rows, slow.rows, shape)
            XCTAssertEqual(fast.columns, ["c"])
            XCTAssertTrue(try db.execute("EXPLAIN MATCH \(shape) RETURN count(*) AS c").plan?.hasPrefix("CountFromStore") == true, shape)
        }
        XCTAssertEqual(try db.execute("MATCH ()-[r]->() RETURN count(r)").columns, ["count(r)"])
    }
}

final class TransactionTests: XCTestCase {
    /// In an explicit transaction a failing statement undoes only itself.
    func testAFailedStatementInsideATransactionUndoesOnlyItself() throws {
        let db = Database()
        db.graph.beginTransaction()
        _ = try db.execute("CREATE (:A {x: 1})")
        XCTAssertThrowsError(try db.execute("MATCH (a:A) SET a.x = 2 CREATE (:B) WITH a RETURN 1 / 0"))
        XCTAssertEqual(try db.execute("MATCH (n) RETURN labels(n), n.x").rows, [[.list([.string("A")]), .int(1)]])
        db.graph.rollbackTransaction()
        XCTAssertEqual(try db.execute("MATCH (n) RETURN count(n)").rows, [[.int(0)]])
    }
}
