// percentileCont(x, p) and percentileDisc(x, p) (openCypher 9, "Aggregating functions"; TCK
// Aggregation6).
//
//   percentileDisc   the smallest input v such that at least a fraction p of the inputs are
//                    <= v: the value at index ceil(p × n) - 1 (at least 0) of the sorted inputs,
//                    returned as it was (an INTEGER stays an INTEGER).
//   percentileCont   linear interpolation between the two closest ranks: index p × (n - 1)
//                    of the sorted inputs, as a FLOAT.
//
// Rules:
//   x null                     skipped; no non-null input gives null
//   x not a number             TypeError.InvalidArgumentValue
//   p                          a number in [0, 1], checked on every row, whether or not x is
//                              null; outside it is ArgumentError.NumberOutOfRange (TCK
//                              Aggregation6 [3]–[5]); null or a non-number is
//                              TypeError.InvalidArgumentValue
// The executor passes p as the second argument of every `add`; it is constant per call in
// practice, and the last one seen is used.

import KeiretsuGraph

let percentileFunctions: [AggregateFunction] = [
    AggregateFunction(name: "percentilecont", minArity: 2, maxArity: 2) { PercentileAggregator(continuous: true) },
    AggregateFunction(name: "percentiledisc", minArity: 2, maxArity: 2) { PercentileAggregator(continuous: false) },
]

struct PercentileAggregator: Aggregator {
    let continuous: Bool
    var values: [Value] = []
    var percentile: Double = 0

    var name: String { continuous ? "percentileCont" : "percentileDisc" }

    mutating func add(_ arguments: [Value]) throws {
        let p = arguments.count > 1 ? arguments[1] : .null
        guard let fraction = p.doubleValue else {
            throw CypherError.invalidArgumentValue(name, expected: "a numeric percentile", got: p)
        }
        guard fraction >= 0 && fraction <= 1 else {
            throw CypherError.numberOutOfRange(name, "the percentile must be between 0.0 and 1.0, got \(p.literal())")
        }
        percentile = fraction
        let v = arguments.first ?? .null
        switch v {
        case .null: return
        case .int, .float: values.append(v)
        default: throw CypherError.invalidArgumentValue(name, expected: "numbers", got: v)
        }
    }

    func result() throws -> Value {
        if values.isEmpty { return .null }
        // orderCompare orders integers and floats exactly against each other (no rounding of
        // large integers through Double) and puts NaN last.
        let sorted = values.sorted { Value.orderCompare($0, $1) < 0 }
        let n = sorted.count
        if continuous {
            let position = percentile * Double(n - 1)
            let lower = Int(position.rounded(.down))
            let upper = Int(position.rounded(.up))
            let low = sorted[lower].doubleValue ?? .nan
            if lower == upper { return .float(low) }
            let high = sorted[upper].doubleValue ?? .nan
            let weight = position - Double(lower)
            return .float(low + (high - low) * weight)
        }
        let index = max(0, Int((percentile * Double(n)).rounded(.up)) - 1)
        return sorted[min(index, n - 1)]
    }
}
