// Aggregating functions: the TCK's Aggregation1–3, 5, 6 and 8 scenarios, the placeholders it
// leaves empty (Aggregation4 avg, Aggregation7 stDev), overflow, and durations
// (Functions+Aggregation.swift, Functions+Percentile.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func agg(_ name: String, _ column: [Value], file: StaticString = #filePath, line: UInt = #line) -> String {
    aggregateResult(name, column: column, file: file, line: line)
}

private func aggFloat(_ name: String, _ column: [Value], file: StaticString = #filePath, line: UInt = #line) -> Double {
    do {
        var a = FunctionLibrary.aggregate(name)!.make()
        for v in column { try a.add([v]) }
        if case .float(let d) = try a.result() { return d }
        XCTFail("\(name) did not return a FLOAT", file: file, line: line)
    } catch {
        XCTFail("\(name) threw \(error)", file: file, line: line)
    }
    return .nan
}

private func duration(_ months: Int64 = 0, _ days: Int64 = 0, _ seconds: Int64 = 0, _ nanos: Int64 = 0) -> Value {
    .temporal(.duration(Duration(months: months, days: days, seconds: seconds, nanoseconds: nanos)))
}

final class FunctionsAggregationTests: XCTestCase {
    func testCount() {
        XCTAssertEqual(agg("count", [33, nil, 42]), "2")  // TCK Aggregation1 [1]
        XCTAssertEqual(agg("count", []), "0")
        XCTAssertEqual(agg("count", [nil, nil]), "0")  // Aggregation8 [2]
        XCTAssertEqual(agg("count", [[], .map([:]), "", 0, false]), "5")
        // count(*): the executor passes no argument, and every row counts.
        XCTAssertEqual(aggregateResult("count", [[], [], []]), "3")
    }

    func testSum() {
        XCTAssertEqual(agg("sum", [33, nil, 42]), "75")  // TCK Aggregation3 [1]
        XCTAssertEqual(agg("sum", (1_000_000..<1_003_000).map { .int(Int64($0)) }), "3004498500")  // [2]
        XCTAssertEqual(agg("sum", []), "0")
        XCTAssertEqual(agg("sum", [nil]), "0")
        XCTAssertEqual(agg("sum", [1.5, 2.5]), "4.0")
        XCTAssertEqual(agg("sum", [1, 2.5, 3]), "6.5")
        XCTAssertEqual(agg("sum", [.float(.nan), 1]), "NaN")
        XCTAssertEqual(agg("sum", [.int(Int64.max), -1, 1]), "9223372036854775807")
    }

    func testSumOverflowIsAnError() {
        XCTAssertEqual(agg("sum", [.int(Int64.max), 1]), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(agg("sum", [.int(Int64.min), -1]), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(agg("sum", [.int(Int64.max), 1.0]), "9.223372036854776e+18")  // a float widens first
    }

    func testSumAndAvgRejectNonNumbers() {
        for name in ["sum", "avg", "stDev", "stDevP"] {
            XCTAssertEqual(agg(name, ["a"]), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(agg(name, [1, true]), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(agg(name, [1.5, [1]]), "!TypeError.InvalidArgumentValue", name)
        }
        XCTAssertEqual(agg("sum", [1, duration(0, 1)]), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(agg("sum", [duration(0, 1), 1.5]), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(agg("avg", [duration(0, 1), 1]), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(agg("avg", [2.5, duration(0, 1)]), "!TypeError.InvalidArgumentValue")
    }

    func testAvg() {
        XCTAssertEqual(agg("avg", [1, 2]), "1.5")
        XCTAssertEqual(agg("avg", [1, nil, 2, 3]), "2.0")
        XCTAssertEqual(agg("avg", [1]), "1.0")  // always a FLOAT for numbers (Return6 [8])
        XCTAssertEqual(agg("avg", []), "null")  // Return4 [7], ReturnOrderBy6 [1]
        XCTAssertEqual(agg("avg", [nil, nil]), "null")
        XCTAssertEqual(agg("avg", [1, 2.5]), "1.75")
        // Large integers are summed exactly; the sum overflowing Int64 is not an error here.
        XCTAssertEqual(agg("avg", [.int(Int64.max), .int(Int64.max)]), "9.223372036854776e+18")
        XCTAssertEqual(agg("avg", [.int(Int64.max - 1), 1, -2, 2]), "2.305843009213694e+18")
    }

    func testDurations() {
        XCTAssertEqual(agg("sum", [duration(1, 2, 3), nil, duration(0, 1, 0, 600_000_000), duration(0, 0, 0, 500_000_000)]),
                       "duration('P1M3DT4.1S')")
        XCTAssertEqual(agg("avg", [duration(0, 2), duration(0, 4)]), "duration('P3D')")
        XCTAssertEqual(agg("avg", [duration(0, 0, 1), duration(0, 0, 2)]), "duration('PT1.5S')")
        // Half a month: 15.2184375 days, so 15 days and 0.2184375 × 86400 s.
        XCTAssertEqual(agg("avg", [duration(1), duration(0)]), "duration('P15DT5H14M33S')")
        XCTAssertEqual(agg("avg", [duration(0, 1), duration(0, 0)]), "duration('PT12H')")
        XCTAssertEqual(agg("sum", [duration(.max), duration(1)]), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(agg("sum", [duration(0, 0, .max, 999_999_999), duration(0, 0, 0, 1)]), "!ArgumentError.NumberOutOfRange")
    }

    func testMinAndMax() {
        XCTAssertEqual(agg("max", [1, 2, 0, nil, -1]), "2")  // TCK Aggregation2 [1]–[12]
        XCTAssertEqual(agg("min", [1, 2, 0, nil, -1]), "-1")
        XCTAssertEqual(agg("max", [1.0, 2.0, 0.5, nil]), "2.0")
        XCTAssertEqual(agg("min", [1.0, 2.0, 0.5, nil]), "0.5")
        XCTAssertEqual(agg("max", [1, 2.0, 5, nil, 3.2, 0.1]), "5")
        XCTAssertEqual(agg("min", [1, 2.0, 5, nil, 3.2, 0.1]), "0.1")
        XCTAssertEqual(agg("max", ["a", "b", "B", nil, "abc", "abc1"]), "'b'")
        XCTAssertEqual(agg("min", ["a", "b", "B", nil, "abc", "abc1"]), "'B'")
        XCTAssertEqual(agg("max", [[1], [2], [2, 1]]), "[2, 1]")
        XCTAssertEqual(agg("min", [[1], [2], [2, 1]]), "[1]")
        XCTAssertEqual(agg("max", [1, "a", nil, [1, 2], 0.2, "b"]), "1")
        XCTAssertEqual(agg("min", [1, "a", nil, [1, 2], 0.2, "b"]), "[1, 2]")
        XCTAssertEqual(agg("max", []), "null")
        XCTAssertEqual(agg("min", [nil]), "null")
        XCTAssertEqual(agg("max", [.int(Int64.max), 9.3e18]), "9.3e+18")
        XCTAssertEqual(agg("min", [.int(Int64.max), 9.223372036854775807e18]), "9223372036854775807")
    }

    func testCollect() {
        XCTAssertEqual(agg("collect", [nil]), "[]")  // TCK Aggregation5 [1]
        XCTAssertEqual(agg("collect", [42, 43, 44]), "[42, 43, 44]")
        XCTAssertEqual(agg("collect", [nil, 1, nil]), "[1]")  // Aggregation8 [4]
        XCTAssertEqual(agg("collect", []), "[]")
        XCTAssertEqual(agg("collect", [[nil], "x", 2.0]), "[[null], 'x', 2.0]")
    }

    func testStandardDeviation() {
        let xs: [Value] = [2, 4, 4, 4, 5, 5, 7, 9]
        XCTAssertEqual(aggFloat("stDevP", xs), 2.0, accuracy: 1e-15)
        XCTAssertEqual(aggFloat("stDev", xs), (32.0 / 7).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(aggFloat("stDev", [1, nil, 3]), 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(agg("stDev", [5]), "0.0")
        XCTAssertEqual(agg("stDev", []), "0.0")
        XCTAssertEqual(agg("stDevP", [5]), "0.0")
        XCTAssertEqual(agg("stDevP", [nil]), "0.0")
        XCTAssertEqual(agg("stDevP", [3, 3, 3]), "0.0")
        // Welford keeps precision where the textbook sum-of-squares formula cancels badly
        // (deviations -6, -3, 3, 6 around 1e9 + 10: variance 22.5).
        let shifted: [Value] = [4, 7, 13, 16].map { .float(1e9 + $0) }
        XCTAssertEqual(aggFloat("stDevP", shifted), 22.5.squareRoot(), accuracy: 1e-9)
    }

    /// TCK Aggregation6 [1] and [2].
    func testPercentiles() {
        let prices: [Value] = [10.0, 20.0, 30.0]
        for (p, want) in [(0.0, "10.0"), (0.5, "20.0"), (1.0, "30.0")] {
            XCTAssertEqual(aggregateResult("percentileDisc", prices.map { [$0, .float(p)] }), want)
            XCTAssertEqual(aggregateResult("percentileCont", prices.map { [$0, .float(p)] }), want)
        }
        let ints: [Value] = [1, 2, 3, 4, nil]
        XCTAssertEqual(aggregateResult("percentileDisc", ints.map { [$0, 0.5] }), "2")  // an INTEGER stays one
        XCTAssertEqual(aggregateResult("percentileDisc", ints.map { [$0, 0.51] }), "3")
        XCTAssertEqual(aggregateResult("percentileCont", ints.map { [$0, 0.5] }), "2.5")
        XCTAssertEqual(aggregateResult("percentileCont", ints.map { [$0, 0.25] }), "1.75")
        XCTAssertEqual(aggregateResult("percentileCont", [[7, 1]]), "7.0")
        XCTAssertEqual(aggregateResult("percentileDisc", [[3, 0], [1, 0], [2, 0]]), "1")  // sorted first
        XCTAssertEqual(aggregateResult("percentileDisc", [[nil, 0.5]]), "null")
        XCTAssertEqual(aggregateResult("percentileCont", []), "null")
    }

    /// TCK Aggregation6 [3]–[5]: the percentile must lie in [0, 1], checked on every row.
    func testPercentileOutOfRange() {
        for name in ["percentileCont", "percentileDisc"] {
            for p: Value in [1000, -1, 1.1, .float(.nan)] {
                XCTAssertEqual(aggregateResult(name, [[10.0, p]]), "!ArgumentError.NumberOutOfRange", "\(name) \(p.literal())")
                XCTAssertEqual(aggregateResult(name, [[nil, p]]), "!ArgumentError.NumberOutOfRange", "\(name) \(p.literal())")
            }
            XCTAssertEqual(aggregateResult(name, [[0.9, 3]]), "!ArgumentError.NumberOutOfRange")  // [5]
            XCTAssertEqual(aggregateResult(name, [[1, nil]]), "!TypeError.InvalidArgumentValue")
            XCTAssertEqual(aggregateResult(name, [[1, "0.5"]]), "!TypeError.InvalidArgumentValue")
            XCTAssertEqual(aggregateResult(name, [["a", 0.5]]), "!TypeError.InvalidArgumentValue")
        }
    }

    /// Each `make` gives an independent aggregator: one group's state never leaks into another.
    func testAggregatorsAreIndependent() throws {
        let sum = FunctionLibrary.aggregate("sum")!
        var first = sum.make(), second = sum.make()
        try first.add([5])
        try second.add([7])
        try first.add([1])
        XCTAssertEqual(try first.result().literal(), "6")
        XCTAssertEqual(try second.result().literal(), "7")
    }
}
