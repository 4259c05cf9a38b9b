// The function library driven through the engine (Database.execute), with queries taken from
// the TCK scenarios that call functions: argument passing, count(*), DISTINCT aggregation,
// percentile parameters, deleted elements and run-time error codes all meet the executor here.

import XCTest
import KeiretsuCypher
import KeiretsuGraph

final class FunctionsThroughEngineTests: XCTestCase {
    private func rows(_ db: Database, _ q: String, _ params: [String: Value] = [:],
                      file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            return try db.execute(q, parameters: params).rows.map { $0.map { $0.literal() }.joined(separator: " | ") }
        } catch {
            XCTFail("\(q): \(error)", file: file, line: line)
            return []
        }
    }

    private func error(_ db: Database, _ q: String, _ params: [String: Value] = [:]) -> String {
        do {
            _ = try db.execute(q, parameters: params)
            return "no error"
        } catch let e as CypherError {
            return e.qualifiedCode
        } catch {
            return "\(error)"
        }
    }

    func testScalarFunctions() {
        let db = Database()
        XCTAssertEqual(rows(db, "RETURN abs(-1), sqrt(12.96), sign(-17), round(-1.5), toUpper('ß')"),
                       ["1 | 3.6 | -1 | -1.0 | 'SS'"])
        XCTAssertEqual(rows(db, "RETURN substring('0123456789', 1) AS s, reverse('raksO'), size(split('one1two', '1'))"),
                       ["'123456789' | 'Oskar' | 2"])
        XCTAssertEqual(rows(db, "WITH [2, 2.9, '1.7'] AS things RETURN [n IN things | toInteger(n)] AS ints"),
                       ["[2, 2, 1]"])
        XCTAssertEqual(rows(db, "UNWIND ['male', 'female', null] AS gen RETURN coalesce(toString(gen), 'x') AS r"),
                       ["'male'", "'female'", "'x'"])
        XCTAssertEqual(rows(db, "RETURN range(0, 10, 3), tail(range(1, 3)), head([]), last([1, 2])"),
                       ["[0, 3, 6, 9] | [2, 3] | null | 2"])
        XCTAssertEqual(rows(db, "RETURN ToUpper('a'), TOLOWER('B')"), ["'A' | 'b'"])
    }

    func testGraphFunctions() {
        let db = Database()
        _ = rows(db, "CREATE (:Foo:Bar {name: 'Popeye', level: 9001})-[:KNOWS {year: 2015}]->()")
        XCTAssertEqual(rows(db, "MATCH (n:Foo)-[r]->(m) RETURN labels(n), type(r), keys(n), properties(r), labels(m)"),
                       ["['Foo', 'Bar'] | 'KNOWS' | ['name', 'level'] | {year: 2015} | []"])
        XCTAssertEqual(rows(db, "MATCH p = (n:Foo)-->() RETURN length(p), size(nodes(p)), startNode(relationships(p)[0]).name"),
                       ["1 | 2 | 'Popeye'"])
        XCTAssertEqual(rows(db, "MATCH (n:Foo) SET n.level = 1 REMOVE n:Bar RETURN labels(n), properties(n)"),
                       ["['Foo'] | {name: 'Popeye', level: 1}"])
        XCTAssertEqual(rows(db, "OPTIONAL MATCH (n:DoesNotExist) RETURN labels(n), properties(n), type(null)"),
                       ["null | null | null"])
    }

    /// TCK Return2 [14] and [16].
    func testDeletedElements() {
        let db = Database()
        _ = rows(db, "CREATE (:A)-[:T]->()")
        XCTAssertEqual(rows(db, "MATCH ()-[r]->() DELETE r RETURN type(r)"), ["'T'"])
        XCTAssertEqual(error(db, "MATCH (n:A) DELETE n RETURN labels(n)"), "EntityNotFound.DeletedEntityAccess")
    }

    func testAggregations() {
        let db = Database()
        _ = rows(db, "CREATE ({name: 'a', num: 33}), ({name: 'a'}), ({name: 'b', num: 42})")
        XCTAssertEqual(rows(db, "MATCH (n) RETURN n.name AS name, count(n.num), count(*) ORDER BY name"),
                       ["'a' | 1 | 2", "'b' | 1 | 1"])
        XCTAssertEqual(rows(db, "MATCH (n) RETURN sum(n.num), avg(n.num), min(n.num), max(n.num), collect(n.num)"),
                       ["75 | 37.5 | 33 | 42 | [33, 42]"])
        XCTAssertEqual(rows(db, "UNWIND [null, 1, null, 1] AS x RETURN collect(DISTINCT x) AS c, count(DISTINCT x)"),
                       ["[1] | 1"])
        XCTAssertEqual(rows(db, "UNWIND [1, 'a', null, [1, 2], 0.2, 'b'] AS x RETURN min(x), max(x)"), ["[1, 2] | 1"])
        XCTAssertEqual(rows(db, "UNWIND range(1000000, 2000000) AS i WITH i LIMIT 3000 RETURN sum(i)"), ["3004498500"])
        XCTAssertEqual(rows(db, "UNWIND [2, 4, 4, 4, 5, 5, 7, 9] AS x RETURN stDevP(x)"), ["2.0"])
        XCTAssertEqual(rows(db, "UNWIND [] AS x RETURN avg(x), sum(x), stDev(x), collect(x), count(*)"),
                       ["null | 0 | 0.0 | [] | 0"])
    }

    /// TCK Aggregation6.
    func testPercentiles() {
        let db = Database()
        _ = rows(db, "CREATE ({price: 10.0}), ({price: 20.0}), ({price: 30.0})")
        for (p, want) in [(0.0, "10.0"), (0.5, "20.0"), (1.0, "30.0")] {
            XCTAssertEqual(rows(db, "MATCH (n) RETURN percentileDisc(n.price, $p), percentileCont(n.price, $p)",
                                ["p": .float(p)]), ["\(want) | \(want)"])
        }
        for p: Value in [1000, -1, 1.1] {
            XCTAssertEqual(error(db, "MATCH (n) RETURN percentileCont(n.price, $p)", ["p": p]), "ArgumentError.NumberOutOfRange")
            XCTAssertEqual(error(db, "MATCH (n) RETURN percentileDisc(n.price, $p)", ["p": p]), "ArgumentError.NumberOutOfRange")
        }
    }

    func testRunTimeErrors() {
        let db = Database()
        _ = rows(db, "CREATE ()-[:T]->()")
        XCTAssertEqual(error(db, "MATCH p = (n)-[r:T]->() RETURN [x IN [true, n] | toBoolean(x)] AS list"),
                       "TypeError.InvalidArgumentValue")  // TCK TypeConversion1 [5]
        XCTAssertEqual(error(db, "MATCH p = (n)-[r:T]->() RETURN [x IN [1.0, true] | toFloat(x)] AS list"),
                       "TypeError.InvalidArgumentValue")  // TCK TypeConversion3 [6]
        XCTAssertEqual(error(db, "MATCH (n)-[r]->() RETURN [x IN [r, ''] | type(x)] AS list"),
                       "TypeError.InvalidArgumentValue")  // TCK Graph4 [6]
        XCTAssertEqual(error(db, "RETURN range(2, 8, 0)"), "ArgumentError.NumberOutOfRange")  // TCK List11 [4]
        XCTAssertEqual(error(db, "RETURN range(0, 1.1, 1)"), "ArgumentError.InvalidArgumentType")  // TCK List11 [5]
        XCTAssertEqual(error(db, "RETURN abs(-9223372036854775807 - 1)"), "ArgumentError.NumberOutOfRange")
        XCTAssertEqual(error(db, "RETURN substring('abc', -1)"), "ArgumentError.NumberOutOfRange")
    }
}
