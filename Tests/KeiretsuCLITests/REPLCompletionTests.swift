// Tab completion contexts: what is offered where, from a fixed catalogue.

import XCTest
@testable import KeiretsuCLI

final class REPLCompletionTests: XCTestCase {
    let completer = Completer(catalogue: CompletionCatalogue(
        labels: ["Company", "Person", "Market Segment"],
        relationshipTypes: ["HOLDS_STAKE", "HOLDS_ROLE", "MEMBER_OF"],
        propertyKeys: ["name", "founded", "percent"],
        parameters: ["year", "names"],
        functions: ["toLower", "toUpper", "count", "collect", "duration.between", "duration.inDays"],
        commands: [("help", ["format", "param"]), ("format", ["table", "json", "jsonl", "csv", "tsv"]),
                   ("param", ["clear"]), ("quit", [])]))

    /// The candidate texts offered with the cursor at `‸` in `text`.
    func offered(_ text: String) -> [String] {
        let cursor = text.firstIndex(of: "‸").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        let buffer = Array(text.replacing("‸", with: ""))
        return completer.complete(buffer, cursor: cursor).candidates.map(\.text)
    }

    func testLabelsAfterColonInNodePattern() {
        XCTAssertEqual(offered("MATCH (n:C‸"), ["Company"])
        XCTAssertEqual(offered("MATCH (:‸"), ["Company", "Person", "`Market Segment`"])
        XCTAssertEqual(offered("MATCH (n) WHERE n:P‸"), ["Person"])
        XCTAssertEqual(offered("MATCH (n:Company:P‸"), ["Person"])
    }

    func testRelationshipTypesInsideBrackets() {
        XCTAssertEqual(offered("MATCH (a)-[:HOLDS_‸"), ["HOLDS_STAKE", "HOLDS_ROLE"])
        XCTAssertEqual(offered("MATCH (a)-[r:M‸"), ["MEMBER_OF"])
        XCTAssertEqual(offered("MATCH (a)-[r:HOLDS_STAKE|M‸"), ["MEMBER_OF"])
    }

    func testPropertyKeysAfterDotAndInMaps() {
        XCTAssertEqual(offered("MATCH (n) RETURN n.f‸"), ["founded"])
        XCTAssertEqual(offered("MATCH (n {na‸"), ["name"])
        XCTAssertEqual(offered("CREATE (n {name: 'x', p‸"), ["percent"])
        XCTAssertEqual(offered("RETURN {name: ‸"), [], "a map value is not a label")
        XCTAssertEqual(offered("RETURN 1.‸"), [], "a number's decimal point")
    }

    func testFunctionNamespacesAfterDot() {
        XCTAssertEqual(offered("RETURN duration.in‸"), ["inDays"])
    }

    func testParametersAfterDollar() {
        XCTAssertEqual(offered("RETURN $y‸"), ["year"])
        XCTAssertEqual(offered("RETURN $‸"), ["year", "names"])
    }

    func testKeywordsFunctionsAndVariablesElsewhere() {
        XCTAssertEqual(offered("MAT‸"), ["MATCH"])
        XCTAssertEqual(offered("mat‸"), ["match"], "keywords follow the case typed")
        XCTAssertEqual(offered("RETURN col‸"), ["collect"])
        XCTAssertEqual(offered("MATCH (company:Company) RETURN comp‸"), ["company"])
        XCTAssertEqual(offered("UNWIND [1] AS item RETURN it‸"), ["item"])
        XCTAssertEqual(offered("RETURN co‸"), ["constraint", "constraints", "contains", "count", "collect"],
                       "keywords first, in the case typed, then functions")
    }

    func testNothingInsideStringsOrComments() {
        XCTAssertEqual(offered("RETURN 'MAT‸"), [])
        XCTAssertEqual(offered("RETURN 1 // MAT‸"), [])
        XCTAssertEqual(offered("RETURN /* n.f‸"), [])
    }

    func testMetaCommandsAndTheirArguments() {
        XCTAssertEqual(offered(":fo‸"), ["format"])
        XCTAssertEqual(offered(":format j‸"), ["json", "jsonl"])
        XCTAssertEqual(offered(":param ‸"), ["clear", "year", "names"])
        XCTAssertEqual(offered(":format json x‸"), [], "only the first argument is completed")
    }

    func testSuffixes() {
        let fn = completer.complete(Array("RETURN toLow"), cursor: 12)
        XCTAssertEqual(fn.candidates.first?.suffix, "(")
        let before = completer.complete(Array("RETURN toLow(x)"), cursor: 12)
        XCTAssertEqual(before.candidates.first?.suffix, "", "no second parenthesis")
        let kw = completer.complete(Array("MATC"), cursor: 4)
        XCTAssertEqual(kw.candidates.first?.suffix, " ")
    }

    func testCommonPrefixIsCaseInsensitive() {
        let c = Completion(start: 0, end: 2, candidates: [.init(text: "STARTS", kind: .keyword),
                                                          .init(text: "startNode", kind: .function)])
        XCTAssertEqual(c.commonPrefix, "START")
    }
}
