// Parse → print → parse over every query of the openCypher TCK: the printed AST must read back
// and print identically. Skipped when the TCK is absent.

import XCTest
@testable import KeiretsuCypher
@testable import KeiretsuTCK

final class RoundTripCorpusTests: XCTestCase {
    func testEveryTCKQueryPrintsBack() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        guard let root = TCKLocator.locate(from: here).tck else {
            throw XCTSkip("the openCypher TCK is not at ../shared/tck beside the package")
        }
        let suite = TCKSuite(root: root)
        var checked = 0
        var failures: [String] = []
        for scenario in suite.scenarios {
            for step in scenario.steps {
                guard let text = step.docString else { continue }
                for statement in StatementSplitter.split(text) {
                    // Queries that the TCK expects to be rejected need not parse.
                    guard case .query(let query, _)? = try? Parser.parse(statement.text) else { continue }
                    let printed = query.description
                    do {
                        guard case .query(let again, _) = try Parser.parse(printed) else {
                            failures.append("\(scenario.id): printed text is not a query: \(printed)")
                            continue
                        }
                        if again.description != printed {
                            failures.append("\(scenario.id): \(printed)  ≠  \(again.description)")
                        }
                        checked += 1
                    } catch {
                        failures.append("\(scenario.id): \(printed): \(error)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 3000)
        XCTAssertEqual(failures.prefix(20).joined(separator: "\n"), "")
    }
}
