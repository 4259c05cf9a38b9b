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
