// Helpers for the function-library tests: call a function by name and see its result as a
// Cypher literal, or its error as `!Kind.Code`.
//
// Comparing literals rather than values is deliberate: Swift `==` on Value is Cypher
// equivalence, under which 1 equals 1.0, but a function that returns the wrong numeric type is
// a bug these tests must catch. Literals print 1 and 1.0 (and -0.0) differently.

import Foundation
import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

/// The result of `name(args…)` as a literal, or `!Kind.Code` when it throws a CypherError.
func scalarResult(_ name: String, _ args: Value..., graph: any GraphStore = MemoryGraph(),
          file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList(name, args, graph: graph, file: file, line: line)
}

func scalarResultList(_ name: String, _ args: [Value], graph: any GraphStore = MemoryGraph(),
              file: StaticString = #filePath, line: UInt = #line) -> String {
    guard let f = FunctionLibrary.scalar(name) else {
        XCTFail("no scalar function \(name)", file: file, line: line)
        return "<missing>"
    }
    XCTAssertGreaterThanOrEqual(args.count, f.minArity, "arity of \(name)", file: file, line: line)
    if let max = f.maxArity { XCTAssertLessThanOrEqual(args.count, max, "arity of \(name)", file: file, line: line) }
    return render { try f.body(FunctionContext(graph: graph), args) }
}

/// The raw value of `name(args…)`; fails the test when it throws.
func scalarValue(_ name: String, _ args: Value..., graph: any GraphStore = MemoryGraph(),
                 file: StaticString = #filePath, line: UInt = #line) -> Value {
    scalarValueList(name, args, graph: graph, file: file, line: line)
}

func scalarValueList(_ name: String, _ args: [Value], graph: any GraphStore = MemoryGraph(),
                     file: StaticString = #filePath, line: UInt = #line) -> Value {
    do {
        return try FunctionLibrary.scalar(name)!.body(FunctionContext(graph: graph), args)
    } catch {
        XCTFail("\(name) threw \(error)", file: file, line: line)
        return .null
    }
}

/// Feeds `rows` (each the argument list of one `add`) to a fresh aggregator and renders the
/// result like `scalarResult`.
func aggregateResult(_ name: String, _ rows: [[Value]], file: StaticString = #filePath, line: UInt = #line) -> String {
    guard let f = FunctionLibrary.aggregate(name) else {
        XCTFail("no aggregate function \(name)", file: file, line: line)
        return "<missing>"
    }
    return render {
        var a = f.make()
        for row in rows { try a.add(row) }
        return try a.result()
    }
}

/// One-argument convenience: each element of `column` is one row.
func aggregateResult(_ name: String, column: [Value], file: StaticString = #filePath, line: UInt = #line) -> String {
    aggregateResult(name, column.map { [$0] }, file: file, line: line)
}

private func render(_ body: () throws -> Value) -> String {
    do {
        return try body().literal()
    } catch let e as CypherError {
        XCTAssertEqual(e.phase, .runtime, "functions raise run-time errors")
        XCTAssertNil(e.offset, "the executor adds the offset")
        return "!" + e.qualifiedCode
    } catch {
        return "!unexpected \(error)"
    }
}

/// The folder of the shared openCypher TCK features, found by walking up from this file, or
/// nil when the checkout has none (then TCK-driven tests skip).
func functionTestsTCKFeatures() -> URL? {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<8 {
        let candidate = dir.appendingPathComponent("../shared/tck/features").standardized
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}
