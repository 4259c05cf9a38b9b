// CSV columns typed with the whole temporal family (`:datetime`, `:duration` …) load as the
// engine's temporal values, and bad temporal cells are bad rows.

import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuCLI

final class CSVTemporalTests: XCTestCase {
    func testTemporalColumns() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("deals.csv", """
            id:ID,name,at:datetime,local:localdatetime,t:time,lt:localtime,took:duration,days:date[],:LABEL
            1,A,2023-01-28T10:00:00+01:00,2023-01-28T10:00,10:15+02:00,10:15:30.5,P1DT2H,2023-01-28;2023-02-01,Deal

            """)
        let graph = MemoryGraph()
        _ = try Neo4jAdminCSVImporter(graph: graph).load(files: [file])
        let props = try XCTUnwrap(graph.node(0)?.properties)
        XCTAssertEqual(props["at"]?.typeName, "ZONED DATETIME")
        XCTAssertEqual(props["at"]?.literal(), "datetime('2023-01-28T10:00+01:00')")
        XCTAssertEqual(props["local"]?.literal(), "localdatetime('2023-01-28T10:00')")
        XCTAssertEqual(props["t"]?.literal(), "time('10:15+02:00')")
        XCTAssertEqual(props["lt"]?.literal(), "localtime('10:15:30.5')")
        XCTAssertEqual(props["took"]?.literal(), "duration('P1DT2H')")
        XCTAssertEqual(props["days"]?.literal(), "[date('2023-01-28'), date('2023-02-01')]")
    }

    func testBadTemporalCellIsABadRow() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("bad.csv", "id:ID,took:duration,:LABEL\n1,P1DT2H,X\n2,soon,X\n")
        XCTAssertThrowsError(try Neo4jAdminCSVImporter(graph: MemoryGraph()).load(files: [file])) { error in
            guard case CLIError.input(let e, _, let line) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(e.qualifiedCode, "InputError.BadRow")
            XCTAssertEqual(line, 3)
        }
    }
}
