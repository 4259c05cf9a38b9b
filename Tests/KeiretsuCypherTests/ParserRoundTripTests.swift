// Parse → print → parse: the printer's output must read back as the same query.

@testable import KeiretsuCypher
import XCTest

final class ParserRoundTripTests: XCTestCase {
    func roundTrip(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .query(let q, _) = try Parser.parse(text) else { return }
        let printed = q.description
        guard case .query(let again, _) = try Parser.parse(printed) else { return XCTFail("not a query", file: file, line: line) }
        XCTAssertEqual(again.description, printed, file: file, line: line)
    }

    func testFuzzFindings() throws {
        // Inputs libFuzzer found that once failed to read back.
        try roundTrip("MATCH (a), (b) WHERE a.x /`j````\u{065E}5`< b RETURN 1")
        try roundTrip("MATCH (`OPTIONAL`) RETURN `OPTIONAL`")
        try roundTrip("CALL `L``+`.x() YIELD a RETURN a")
        try roundTrip("RETURN -`MATCH`(1) AS x")
    }
}
