// `--param k=v` (DESIGN.md): v is JSON in the value encoding, anything else a string.

import KeiretsuGraph
import XCTest

@testable import KeiretsuCLI

final class ParameterParsingTests: XCTestCase {
    func value(_ text: String) throws -> Value {
        let (name, v) = try ParameterParsing.parse("p=" + text)
        XCTAssertEqual(name, "p")
        return v
    }

    func testJSONValuesUseTheValueEncoding() throws {
        XCTAssertEqual(try value("42").literal(), "42")
        XCTAssertEqual(try value("42.0").literal(), "42.0")
        XCTAssertEqual(try value("-1e3").literal(), "-1000.0")
        XCTAssertEqual(try value("true").literal(), "true")
        XCTAssertEqual(try value("null").literal(), "null")
        XCTAssertEqual(try value(#"["ev","india"]"#).literal(), "['ev', 'india']")
        XCTAssertEqual(try value(#"{"a":1,"b":[true]}"#).literal(), "{a: 1, b: [true]}")
        XCTAssertEqual(try value(#"{"_kind":"date","value":"2023-01-28"}"#).literal(), "date('2023-01-28')")
        XCTAssertEqual(try value(#""quoted""#).literal(), "'quoted'")
    }

    func testTextThatIsNotJSONIsAString() throws {
        XCTAssertEqual(try value("Example Motors").literal(), "'Example Motors'")
        XCTAssertEqual(try value("").literal(), "''")
        XCTAssertEqual(try value("1.2.3").literal(), "'1.2.3'")
        XCTAssertEqual(try value("[1,").literal(), "'[1,'")
        XCTAssertEqual(try value("a=b").literal(), "'a=b'", "only the first = separates name and value")
    }

    func testBadAssignmentsAreUsageErrors() {
        XCTAssertThrowsError(try ParameterParsing.parse("novalue"))
        XCTAssertThrowsError(try ParameterParsing.parse("=1"))
    }

    func testLaterAssignmentWins() throws {
        var options = StatementOptions()
        options.parameterAssignments = ["n=1", "m=x", "n=2"]
        let parameters = try options.parameters()
        XCTAssertEqual(parameters["n"]?.literal(), "2")
        XCTAssertEqual(parameters["m"]?.literal(), "'x'")
    }
}
