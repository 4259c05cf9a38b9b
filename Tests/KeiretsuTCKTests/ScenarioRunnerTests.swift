// The scenario runner end to end against the real engine (in-process): a small feature file
// whose scenarios pass, and others written to fail in one specific way each, so that every
// check the runner makes is seen to bite.

import XCTest
@testable import KeiretsuTCK

final class ScenarioRunnerTests: XCTestCase {
    let feature = #"""
        Feature: Runner1 - Runner self-test

          Scenario: [1] Create, side effects and a control query
            Given an empty graph
            When executing query:
              """
              CREATE (:A {p: 1})-[:T {w: 'x'}]->(:B)
              RETURN 1 AS one
              """
            Then the result should be, in any order:
              | one |
              | 1   |
            And the side effects should be:
              | +nodes         | 2 |
              | +relationships | 1 |
              | +labels        | 2 |
              | +properties    | 2 |
            When executing control query:
              """
              MATCH (a)-[r]->(b) RETURN a, r, b
              """
            Then the result should be, in any order:
              | a            | r              | b    |
              | (:A {p: 1})  | [:T {w: 'x'}]  | (:B) |

          Scenario: [2] Wrong side effects are caught
            Given an empty graph
            When executing query:
              """
              CREATE ()
              RETURN 1 AS one
              """
            Then the result should be, in order:
              | one |
              | 1   |
            And the side effects should be:
              | +nodes | 2 |

          Scenario: [3] Expected error at compile time
            Given any graph
            When executing query:
              """
              RETURN missing
              """
            Then a SyntaxError should be raised at compile time: UndefinedVariable

          Scenario: [4] Right error in the other phase
            Given any graph
            When executing query:
              """
              RETURN missing
              """
            Then a SyntaxError should be raised at runtime: UndefinedVariable

          Scenario: [5] An error nobody expects
            Given any graph
            When executing query:
              """
              RETURN missing
              """
            Then the result should be, in any order:
              | missing |
              | 1       |

          Scenario: [6] Parameters keep integer and float apart
            Given any graph
            And parameters are:
              | x | [1, 2.0] |
            When executing query:
              """
              RETURN $x AS x
              """
            Then the result should be, in order:
              | x         |
              | [1, 2.0]  |
            And no side effects

          Scenario: [7] A test procedure
            Given an empty graph
            And there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):
              | in | out   |
              | 1  | 'one' |
              | 2  | 'two' |
            When executing query:
              """
              CALL test.my.proc(2) YIELD out RETURN out
              """
            Then the result should be, in order:
              | out   |
              | 'two' |

          Scenario: [8] A named graph
            Given the tiny graph
            When executing query:
              """
              MATCH (n:G) RETURN n.name AS name
              """
            Then the result should be, in any order:
              | name |
              | 'g'  |

          Scenario Outline: [9] Rows in order
            Given any graph
            When executing query:
              """
              UNWIND <list> AS v RETURN v
              """
            Then the result should be, in order:
              | v |
              | 1 |
              | 2 |

            Examples:
              | list   |
              | [1, 2] |
              | [2, 1] |

          Scenario: [10] A step the runner does not know
            Given a graph made of cheese
        """#

    func outcomes(strictPhase: Bool) throws -> [String: ScenarioOutcome] {
        let scenarios = try GherkinParser.parse(feature, path: "features/self/Runner1.feature").expandedScenarios()
        let runner = ScenarioRunner(tckRoot: "/nonexistent", strictPhase: strictPhase,
                                    makeBackend: { InProcessBackend(timeout: 10) },
                                    readGraph: { $0 == "tiny" ? "CREATE (:G {name: 'g'})" : nil })
        var out: [String: ScenarioOutcome] = [:]
        for s in scenarios {
            let key = String(s.name.prefix(while: { $0 != "]" }).dropFirst()) + (s.exampleIndex.map { "#\($0)" } ?? "")
            out[key] = runner.run(s)
        }
        return out
    }

    func testEachCheckBites() throws {
        let o = try outcomes(strictPhase: true)
        XCTAssertEqual(o["1"]?.status, .passed, o["1"]?.details ?? "")
        XCTAssertEqual(o["2"]?.status, .failed)
        XCTAssertEqual(o["2"]?.cause, "wrong side effects")
        XCTAssertEqual(o["2"]?.message, "expected +nodes 2, got +nodes 1")
        XCTAssertEqual(o["3"]?.status, .passed, o["3"]?.details ?? "")
        XCTAssertEqual(o["4"]?.status, .failed)
        XCTAssertEqual(o["4"]?.phaseOnlyMismatch, true)
        XCTAssertEqual(o["5"]?.status, .failed)
        XCTAssertEqual(o["5"]?.cause, "unexpected error SyntaxError.UndefinedVariable")
        XCTAssertEqual(o["6"]?.status, .passed, o["6"]?.details ?? "")
        XCTAssertEqual(o["7"]?.status, .passed, o["7"]?.details ?? "")
        XCTAssertEqual(o["8"]?.status, .passed, o["8"]?.details ?? "")
        XCTAssertEqual(o["9#1"]?.status, .passed, o["9#1"]?.details ?? "")
        XCTAssertEqual(o["9#2"]?.status, .failed)
        XCTAssertEqual(o["9#2"]?.cause, "wrong row order")
        XCTAssertEqual(o["10"]?.status, .failed)
        XCTAssertEqual(o["10"]?.cause, "runner: unsupported step")
        // The failure report names the step, the query and both sides.
        let details = o["2"]?.details ?? ""
        XCTAssertTrue(details.contains("step (line 36): the side effects should be:"), details)
        XCTAssertTrue(details.contains("CREATE ()"), details)
        XCTAssertTrue(details.contains("side effects: +nodes 1"), details)
    }

    func testLenientPhaseAcceptsTheOtherPhase() throws {
        let o = try outcomes(strictPhase: false)
        XCTAssertEqual(o["4"]?.status, .passed)
        XCTAssertEqual(o["5"]?.status, .failed)
    }

    func testIgnoredScenarioIsSkipped() throws {
        let text = "Feature: F\n  @ignore\n  Scenario: S\n    Given any graph\n"
        let s = try GherkinParser.parse(text, path: "p").expandedScenarios()
        let runner = ScenarioRunner(tckRoot: "/nonexistent", makeBackend: { InProcessBackend(timeout: 10) }, readGraph: { _ in nil })
        XCTAssertEqual(runner.run(s[0]).status, .skipped)
    }
}
