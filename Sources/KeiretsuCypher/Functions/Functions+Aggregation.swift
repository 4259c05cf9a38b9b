// Aggregating functions (openCypher 9, "Aggregating functions"; TCK Aggregation1–3, 5, 8;
// Aggregation4 (avg) and Aggregation7 (stDev) are empty placeholders there and are pinned by
// this project's own tests). Percentiles are in Functions+Percentile.swift.
//
// Every aggregation skips null inputs. DISTINCT is applied by the executor before `add`.
//
//   function       inputs                      no non-null input   result
//   count(x)       any                         0                   INTEGER: non-null rows
//   count(*)       (no argument)               0                   INTEGER: every row
//   sum(x)         numbers or durations        0                   INTEGER while every input is
//                                                                  an INTEGER (overflow is an
//                                                                  error), FLOAT once a FLOAT
//                                                                  joins; DURATION for durations
//   avg(x)         numbers or durations        null                FLOAT; DURATION for durations
//   min(x), max(x) any                         null                the least / greatest value in
//                                                                  ORDER BY order (Value.orderCompare),
//                                                                  so mixed types compare by type
//                                                                  first (Aggregation2 [11]–[12])
//   collect(x)     any                         []                  LIST in input order
//   stDev(x)       numbers                     0.0                 FLOAT, sample (n - 1); 0.0 for
//                                                                  a single value
//   stDevP(x)      numbers                     0.0                 FLOAT, population (n)
//
// Errors: sum/avg/stDev of a non-number, or numbers mixed with durations, are
// TypeError.InvalidArgumentValue; integer overflow is ArgumentError.NumberOutOfRange.
//
// count() declares arity 1: `count(*)` is a special form the parser recognises, and the
// executor calls `add([])` for it, which counts the row.

import KeiretsuGraph

let aggregationFunctions: [AggregateFunction] = [
    AggregateFunction(name: "count", minArity: 1, maxArity: 1) { CountAggregator() },
    AggregateFunction(name: "sum", minArity: 1, maxArity: 1) { SumAggregator() },
    AggregateFunction(name: "avg", minArity: 1, maxArity: 1) { AverageAggregator() },
    AggregateFunction(name: "min", minArity: 1, maxArity: 1) { ExtremumAggregator(wantMaximum: false) },
    AggregateFunction(name: "max", minArity: 1, maxArity: 1) { ExtremumAggregator(wantMaximum: true) },
    AggregateFunction(name: "collect", minArity: 1, maxArity: 1) { CollectAggregator() },
    AggregateFunction(name: "stdev", minArity: 1, maxArity: 1) { StandardDeviationAggregator(sample: true) },
    AggregateFunction(name: "stdevp", minArity: 1, maxArity: 1) { StandardDeviationAggregator(sample: false) },
]

struct CountAggregator: Aggregator {
    var count: Int64 = 0

    mutating func add(_ arguments: [Value]) throws {
        if let first = arguments.first, first.isNull { return }
        let (next, overflow) = count.addingReportingOverflow(1)
        if overflow { throw CypherError.integerOverflow("count()") }
        count = next
    }

    func result() throws -> Value { .int(count) }
}

/// A running sum of numbers or of durations (never both).
struct NumericSum {
    enum State {
        case empty
        case int(Int64)
        case float(Double)
        case duration(Duration)
    }

    var state = State.empty
    let function: String

    init(function: String) { self.function = function }

    mutating func add(_ v: Value) throws {
        switch (state, v) {
        case (_, .null): return
        case (.empty, .int(let i)): state = .int(i)
        case (.empty, .float(let d)): state = .float(d)
        case (.empty, .temporal(.duration(let d))): state = .duration(d)
        case (.int(let a), .int(let b)):
            let (s, overflow) = a.addingReportingOverflow(b)
            if overflow { throw CypherError.integerOverflow("\(function)()") }
            state = .int(s)
        case (.int(let a), .float(let b)): state = .float(Double(a) + b)
        case (.float(let a), .int(let b)): state = .float(a + Double(b))
        case (.float(let a), .float(let b)): state = .float(a + b)
        case (.duration(let a), .temporal(.duration(let b))):
            guard let s = addDurations(a, b) else { throw CypherError.integerOverflow("\(function)() of durations") }
            state = .duration(s)
        case (.empty, _):
            throw CypherError.invalidArgumentValue(function, expected: "numbers or durations", got: v)
        case (.int, .temporal(.duration)), (.float, .temporal(.duration)), (.duration, .int), (.duration, .float):
            throw CypherError.invalidArgumentValue(function, expected: "numbers or durations, not both", got: v)
        case (.int, _), (.float, _):
            throw CypherError.invalidArgumentValue(function, expected: "numbers", got: v)
        case (.duration, _):
            throw CypherError.invalidArgumentValue(function, expected: "durations", got: v)
        }
    }
}

extension NumericSum.State {
    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

struct SumAggregator: Aggregator {
    var sum = NumericSum(function: "sum")

    mutating func add(_ arguments: [Value]) throws { try sum.add(arguments.first ?? .null) }

    func result() throws -> Value {
        switch sum.state {
        case .empty: return .int(0)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .duration(let d): return .temporal(.duration(d))
        }
    }
}

/// avg(): integers are summed exactly in Int64 and switch to floating point only if that sum
/// would overflow, so the average of large integers is not distorted by early rounding.
struct AverageAggregator: Aggregator {
    var count: Int64 = 0
    var integerSum: Int64 = 0
    var floatSum: Double = 0
    var durations = NumericSum(function: "avg")
    var sawNumber = false

    mutating func add(_ arguments: [Value]) throws {
        let v = arguments.first ?? .null
        switch v {
        case .null: return
        case .int(let i):
            guard durations.state.isEmpty else { throw mixed(v) }
            let (s, overflow) = integerSum.addingReportingOverflow(i)
            if overflow {
                floatSum += Double(integerSum) + Double(i)
                integerSum = 0
            } else {
                integerSum = s
            }
            sawNumber = true
        case .float(let d):
            guard durations.state.isEmpty else { throw mixed(v) }
            floatSum += d
            sawNumber = true
        case .temporal(.duration):
            guard !sawNumber else { throw mixed(v) }
            try durations.add(v)
        default:
            throw CypherError.invalidArgumentValue("avg", expected: "numbers or durations", got: v)
        }
        let (next, overflow) = count.addingReportingOverflow(1)
        if overflow { throw CypherError.integerOverflow("avg()") }
        count = next
    }

    private func mixed(_ v: Value) -> CypherError {
        CypherError.invalidArgumentValue("avg", expected: "numbers or durations, not both", got: v)
    }

    func result() throws -> Value {
        if count == 0 { return .null }
        if case .duration(let total) = durations.state { return .temporal(.duration(divideDuration(total, by: count))) }
        return .float((Double(integerSum) + floatSum) / Double(count))
    }
}

struct ExtremumAggregator: Aggregator {
    let wantMaximum: Bool
    var best: Value? = nil

    mutating func add(_ arguments: [Value]) throws {
        guard let v = arguments.first, !v.isNull else { return }
        guard let current = best else {
            best = v
            return
        }
        let c = Value.orderCompare(v, current)
        if wantMaximum ? c > 0 : c < 0 { best = v }
    }

    func result() throws -> Value { best ?? .null }
}

struct CollectAggregator: Aggregator {
    var items: [Value] = []

    mutating func add(_ arguments: [Value]) throws {
        guard let v = arguments.first, !v.isNull else { return }
        items.append(v)
    }

    func result() throws -> Value { .list(items) }
}

/// Welford's online algorithm: numerically stable in one pass.
struct StandardDeviationAggregator: Aggregator {
    let sample: Bool
    var count: Double = 0
    var mean: Double = 0
    var m2: Double = 0

    mutating func add(_ arguments: [Value]) throws {
        let v = arguments.first ?? .null
        if v.isNull { return }
        guard let x = v.doubleValue else {
            throw CypherError.invalidArgumentValue(sample ? "stDev" : "stDevP", expected: "numbers", got: v)
        }
        count += 1
        let delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)
    }

    func result() throws -> Value {
        let divisor = sample ? count - 1 : count
        if divisor <= 0 { return .float(0) }
        return .float((m2 / divisor).squareRoot())
    }
}

// MARK: - Duration arithmetic

/// Component-wise sum; nil on overflow.
func addDurations(_ a: Duration, _ b: Duration) -> Duration? {
    let (m, o1) = a.months.addingReportingOverflow(b.months)
    let (d, o2) = a.days.addingReportingOverflow(b.days)
    let (s, o3) = a.seconds.addingReportingOverflow(b.seconds)
    // Nanoseconds are both in 0..<10^9, so their sum cannot overflow; the initializer carries
    // the excess into seconds, which can.
    let n = a.nanoseconds + b.nanoseconds
    if o1 || o2 || o3 { return nil }
    if n >= 1_000_000_000 && s == Int64.max { return nil }
    return Duration(months: m, days: d, seconds: s, nanoseconds: n)
}

/// A duration divided by a positive count, the way Neo4j averages durations: each component is
/// divided, and the fraction of a month cascades into days (an average month of 30.436875 days,
/// 365.2425 / 12) and the fraction of a day into seconds, so months and days stay whole.
func divideDuration(_ d: Duration, by n: Int64) -> Duration {
    let count = Double(n)
    let months = d.months / n
    let fractionalDays = Double(d.days % n) / count + Double(d.months % n) / count * 30.436875
    let wholeExtraDays = fractionalDays.rounded(.towardZero)
    let days = d.days / n + Int64(wholeExtraDays)
    let fractionalSeconds = (fractionalDays - wholeExtraDays) * 86_400
    let nanos = (Double(d.seconds % n) * 1e9 + Double(d.nanoseconds)) / count + fractionalSeconds * 1e9
    let extraSeconds = (nanos / 1e9).rounded(.towardZero)
    return Duration(months: months, days: days, seconds: d.seconds / n + Int64(extraSeconds),
                    nanoseconds: Int64((nanos - extraSeconds * 1e9).rounded()))
}
