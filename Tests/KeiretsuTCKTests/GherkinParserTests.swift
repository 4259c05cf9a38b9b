// The Gherkin reader: outlines and their expansion, Background, tags, table escapes, doc
// string indentation, and errors with positions.

import XCTest
@testable import KeiretsuTCK

final class GherkinParserTests: XCTestCase {
    let sample = #"""
        # a comment before the feature
        #encoding: utf-8

        @featureTag
        Feature: Sample1 - Things
          Some free description
          over two lines.

          Background:
            Given an empty graph
            And having executed:
              """
              CREATE (:Base)
              """

          Scenario: [1] Plain scenario
            When executing query:
              """
              MATCH (n)
                WHERE n.x = 1
              RETURN n
              """
            Then the result should be, in any order:
              | n           |
              | (:Base)     |
            And no side effects

          @skipStyleCheck
          Scenario Outline: [2] Outline <what>
            When executing query:
              """
              RETURN <expr> AS v
              """
            Then the result should be, in order:
              | v        |
              | <result> |
            And no side effects

            Examples:
              | what | expr  | result |
              | one  | 1     | 1      |
              | two  | 'a\|b' | 'a\|b' |

            Examples:
              | what  | expr | result |
              | three | 3    | 3      |

          @ignore
          Scenario: [3] Ignored
            When executing query:
              """
              RETURN 1
              """
            Then the result should be empty
        """#

    func testFeatureStructure() throws {
        let f = try GherkinParser.parse(sample, path: "features/x/Sample1.feature")
        XCTAssertEqual(f.name, "Sample1 - Things")
        XCTAssertEqual(f.tags, ["@featureTag"])
        XCTAssertEqual(f.background.count, 2)
        XCTAssertEqual(f.background[1].docString, "CREATE (:Base)")
        XCTAssertEqual(f.scenarios.map(\.name), ["[1] Plain scenario", "[2] Outline <what>", "[3] Ignored"])
        XCTAssertEqual(f.scenarios[1].isOutline, true)
        XCTAssertEqual(f.scenarios[1].tags, ["@skipStyleCheck"])
        XCTAssertEqual(f.scenarios[1].examples.count, 2)
        XCTAssertEqual(f.scenarios[1].examples[0].rows.count, 2)
        XCTAssertEqual(f.scenarios[0].line, 16)
    }

    func testDocStringLosesOpeningIndentationOnly() throws {
        let f = try GherkinParser.parse(sample, path: "p")
        XCTAssertEqual(f.scenarios[0].steps[0].docString, "MATCH (n)\n  WHERE n.x = 1\nRETURN n")
    }

    func testOutlineExpansionAndIds() throws {
        let scenarios = try GherkinParser.parse(sample, path: "features/x/Sample1.feature").expandedScenarios()
        XCTAssertEqual(scenarios.count, 1 + 3 + 1)
        XCTAssertEqual(scenarios.map(\.id), [
            "features/x/Sample1.feature:[1] Plain scenario",
            "features/x/Sample1.feature:[2] Outline <what> #1",
            "features/x/Sample1.feature:[2] Outline <what> #2",
            "features/x/Sample1.feature:[2] Outline <what> #3",
            "features/x/Sample1.feature:[3] Ignored",
        ])
        // Background first, then the scenario's own steps, placeholders replaced everywhere.
        let second = scenarios[2]
        XCTAssertEqual(second.steps.count, 2 + 3)
        XCTAssertEqual(second.steps[0].text, "an empty graph")
        XCTAssertEqual(second.steps[2].docString, "RETURN 'a|b' AS v")
        XCTAssertEqual(second.steps[3].table, [["v"], ["'a|b'"]])
        XCTAssertEqual(scenarios[3].steps[2].docString, "RETURN 3 AS v")
        // Tags of the feature and the scenario apply; only the last one is ignored.
        XCTAssertEqual(scenarios.map(\.isIgnored), [false, false, false, false, true])
        XCTAssertTrue(scenarios[1].tags.contains("@featureTag"))
    }

    func testTableCellEscapes() {
        let (cells, trailing) = GherkinParser.tableCells(#"  | a\|b | c\\d | e\nf | 'it\'s' |  "#)
        XCTAssertFalse(trailing)
        XCTAssertEqual(cells, ["a|b", "c\\d", "e\nf", "'it\\'s'"])
        // The TCK's own example: `\\\\` in a cell is two backslashes for the value parser.
        let (tck, _) = GherkinParser.tableCells(#"| 'a\\\\b' |"#)
        XCTAssertEqual(tck, [#"'a\\b'"#])
        XCTAssertEqual(GherkinParser.tableCells("|").cells, [])
        XCTAssertTrue(GherkinParser.tableCells("| a | b").trailing)
    }

    func testEscapedDelimiterInsideDocString() throws {
        let text = #"""
            Feature: F
              Scenario: S
                When executing query:
                  """
                  RETURN '\"\"\"' AS q
                  """
            """#
        let f = try GherkinParser.parse(text, path: "p")
        XCTAssertEqual(f.scenarios[0].steps[0].docString, #"RETURN '"""' AS q"#)
    }

    func testPlaceholderSubstitutionLeavesComparisonsAlone() {
        XCTAssertEqual(substitutePlaceholders("WHERE a < b AND c > d", ["b": "x"]), "WHERE a < b AND c > d")
        XCTAssertEqual(substitutePlaceholders("<a><b>", ["a": "<b>", "b": "2"]), "<b>2")
        XCTAssertEqual(substitutePlaceholders("1 <x 2", ["x": "y"]), "1 <x 2")
    }

    func testErrorsCarryPositions() {
        let unclosed = "Feature: F\n  Scenario: S\n    When executing query:\n      \"\"\"\n      RETURN 1\n"
        XCTAssertThrowsError(try GherkinParser.parse(unclosed, path: "u.feature")) { error in
            guard let e = error as? GherkinError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(e.line, 4)
            XCTAssertEqual(e.column, 7)
            XCTAssertTrue(e.description.hasPrefix("u.feature:4:7: error:"))
        }
        let strayTable = "Feature: F\n  Scenario: S\n    | a |\n"
        XCTAssertThrowsError(try GherkinParser.parse(strayTable, path: "t")) { error in
            XCTAssertEqual((error as? GherkinError)?.line, 3)
        }
        let ragged = "Feature: F\n  Scenario: S\n    Given parameters are:\n      | a | 1 |\n      | b |\n"
        XCTAssertThrowsError(try GherkinParser.parse(ragged, path: "r")) { error in
            XCTAssertEqual((error as? GherkinError)?.line, 5)
        }
        XCTAssertThrowsError(try GherkinParser.parse("just text\n", path: "n"))
    }

    func testCRLFLineEndings() throws {
        let text = "Feature: F\r\n  Scenario: S\r\n    Given any graph\r\n    When executing query:\r\n      \"\"\"\r\n      RETURN 1\r\n      \"\"\"\r\n"
        let f = try GherkinParser.parse(text, path: "p")
        XCTAssertEqual(f.scenarios[0].steps.map(\.text), ["any graph", "executing query:"])
        XCTAssertEqual(f.scenarios[0].steps[1].docString, "RETURN 1")
    }
}
