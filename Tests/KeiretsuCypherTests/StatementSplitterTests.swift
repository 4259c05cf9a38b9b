// The statement splitter and the completeness test share one state machine; these pin both.

import KeiretsuCypher
import XCTest

final class StatementSplitterTests: XCTestCase {
    func testSplitIgnoresSemicolonsInStringsNamesAndComments() {
        let script = "RETURN ';' AS a; // one; two\nRETURN `x;y`;/* ; */ RETURN \"\\\";\" ;  ;\nRETURN 4"
        XCTAssertEqual(StatementSplitter.split(script).map(\.text),
                       ["RETURN ';' AS a", " // one; two\nRETURN `x;y`", "/* ; */ RETURN \"\\\";\" ", "\nRETURN 4"])
        XCTAssertEqual(StatementSplitter.split(script).first?.offset, 0)
    }

    func testCompleteness() {
        for text in ["RETURN 1;", "RETURN 1; // done", "RETURN 1;\n  ", "RETURN 1; ;", "MATCH (n)\nRETURN n; /* c */"] {
            XCTAssertTrue(StatementSplitter.isComplete(text), text)
        }
        for text in ["", ";", "RETURN 1", "RETURN ';", "RETURN 1; RETURN 2", "RETURN 1 /* ; */", "RETURN 1; /* open",
                     "RETURN `a;"] {
            XCTAssertFalse(StatementSplitter.isComplete(text), text)
        }
    }
}
