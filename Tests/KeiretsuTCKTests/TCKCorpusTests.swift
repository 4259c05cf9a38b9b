// The runner's readers over the real TCK (../shared/tck beside the package, skipped when
// absent): every feature file parses, every step is recognised, every expected value, parameter
// and side-effect table reads, and scenario ids are unique.

import XCTest
@testable import KeiretsuTCK

final class TCKCorpusTests: XCTestCase {
    func tckRoot() throws -> String {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        guard let root = TCKLocator.locate(from: here).tck else {
            throw XCTSkip("the openCypher TCK is not at ../shared/tck beside the package")
        }
        return root
    }

    func testWholeCorpusReads() throws {
        let suite = TCKSuite(root: try tckRoot())
        XCTAssertEqual(suite.parseFailures.map(\.outcome.message), [])
        XCTAssertEqual(suite.scenarios.count, 3897, "the TCK README counts 3897 scenarios")
        XCTAssertEqual(suite.scenarios.filter(\.isIgnored).count, 1)
        let ids = suite.scenarios.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "scenario ids must be unique")

        var problems: [String] = []
        var counts: [String: Int] = [:]
        for s in suite.scenarios {
            for step in s.steps {
                let kind: TCKStep
                switch TCKStep.recognize(step) {
                case .failure(let e):
                    problems.append("\(s.id): \(e.message)")
                    continue
                case .success(let k): kind = k
                }
                do {
                    switch kind {
                    case .result(let ordered, let ignoring, let table):
                        _ = try ExpectedResult.parse(table: table, ordered: ordered, ignoringListOrder: ignoring)
                        counts["result", default: 0] += 1
                    case .parameters(let table):
                        for row in table { _ = try TCKValue.parse(row[1]).toValue() }
                        counts["parameters", default: 0] += 1
                    case .sideEffects(let table):
                        _ = try SideEffects.parse(table: table)
                    case .procedure(let signature, let table):
                        _ = try TestProcedureDefinition.parse(signature: signature, table: table)
                        counts["procedure", default: 0] += 1
                    case .namedGraph(let name):
                        if suite.graphScript(name) == nil { problems.append("\(s.id): no graph \(name)") }
                    case .error(let e):
                        if !["SyntaxError", "TypeError", "ArgumentError", "SemanticError", "EntityNotFound",
                             "ParameterMissing", "ConstraintVerificationFailed", "ProcedureError"].contains(e.kind) {
                            problems.append("\(s.id): unknown error kind \(e.kind)")
                        }
                    default: break
                    }
                } catch {
                    problems.append("\(s.id) line \(step.line): \(error)")
                }
            }
        }
        XCTAssertEqual(problems, [])
        // The README's counts of step kinds, after outline expansion, are in these ranges.
        XCTAssertGreaterThan(counts["result"] ?? 0, 2000)
        XCTAssertGreaterThan(counts["procedure"] ?? 0, 40)
        XCTAssertGreaterThan(counts["parameters"] ?? 0, 30)
    }

    func testCanonicalFormReadsBack() throws {
        // Printing an expected value canonically and reading it again gives the same value, so
        // failure reports show values that could be pasted into a feature file.
        let suite = TCKSuite(root: try tckRoot())
        var checked = 0
        for s in suite.scenarios {
            for step in s.steps {
                guard case .success(.result(_, _, let table)) = TCKStep.recognize(step) else { continue }
                for cell in table.dropFirst().joined() {
                    let v = try TCKValue.parse(cell)
                    let printed = v.canonical()
                    guard !printed.contains("\\n"), !printed.contains("\\t") else { continue }
                    XCTAssertEqual(try TCKValue.parse(printed).canonical(), printed, cell)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
    }
}
