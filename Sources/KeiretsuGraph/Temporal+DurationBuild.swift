// Building durations from components that may be fractional: `duration({days: 1.5})`,
// `duration('P0.75M')`, and a duration multiplied or divided by a float.
//
// A duration keeps four buckets (months, days, seconds, nanoseconds). Each unit feeds one
// bucket: years (×12), quarters (×3) and months feed months; weeks (×7) and days feed days;
// hours, minutes and seconds feed seconds; milli-, micro- and nanoseconds feed nanoseconds.
// Whole amounts are added exactly (Int64, overflow is an error). A fraction left in a bucket
// cascades down, as Neo4j does:
//   a fraction of a month becomes days at the average month length 30.436875 days
//   (365.2425 / 12), so P0.75M is P22DT19H51M49.5S (TCK Temporal1 [12]);
//   a fraction of a day becomes seconds (86,400 per day);
//   a fraction of a second becomes nanoseconds, and what is left below a nanosecond is
//   dropped (toward zero, as Neo4j's `DurationValue.approximate` does: the TCK's
//   `PT…0.000000001S * 0.5` loses its half nanosecond), after forgiving floating-point noise
//   of less than a thousandth of a nanosecond.

public enum DurationUnit: Sendable, CaseIterable {
    case years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds

    enum Bucket { case months, days, seconds, nanos }

    var bucket: (Bucket, Int64) {
        switch self {
        case .years: return (.months, 12)
        case .quarters: return (.months, 3)
        case .months: return (.months, 1)
        case .weeks: return (.days, 7)
        case .days: return (.days, 1)
        case .hours: return (.seconds, 3600)
        case .minutes: return (.seconds, 60)
        case .seconds: return (.seconds, 1)
        case .milliseconds: return (.nanos, 1_000_000)
        case .microseconds: return (.nanos, 1000)
        case .nanoseconds: return (.nanos, 1)
        }
    }

    /// The unit a map key names (`years` … `nanoseconds`), ignoring case like the other
    /// temporal map keys.
    public init?(key: String) {
        switch key.lowercased() {
        case "years": self = .years
        case "quarters": self = .quarters
        case "months": self = .months
        case "weeks": self = .weeks
        case "days": self = .days
        case "hours": self = .hours
        case "minutes": self = .minutes
        case "seconds": self = .seconds
        case "milliseconds": self = .milliseconds
        case "microseconds": self = .microseconds
        case "nanoseconds": self = .nanoseconds
        default: return nil
        }
    }
}

public enum DurationAmount: Sendable {
    case int(Int64)
    case double(Double)
}

public struct DurationBuilder: Sendable {
    var whole: [Int64] = [0, 0, 0, 0]  // months, days, seconds, nanos
    var fraction: [Double] = [0, 0, 0, 0]

    public init() {}

    static func index(_ b: DurationUnit.Bucket) -> Int {
        switch b {
        case .months: return 0
        case .days: return 1
        case .seconds: return 2
        case .nanos: return 3
        }
    }

    public mutating func add(_ amount: DurationAmount, _ unit: DurationUnit) throws {
        let (bucket, factor) = unit.bucket
        let k = DurationBuilder.index(bucket)
        switch amount {
        case .int(let v):
            let (p, o1) = v.multipliedReportingOverflow(by: factor)
            let (s, o2) = whole[k].addingReportingOverflow(p)
            if o1 || o2 { throw TemporalError.range("duration component overflows") }
            whole[k] = s
        case .double(let v):
            guard !v.isNaN else { throw TemporalError.invalid("a duration component must be a number, not NaN") }
            try addFraction(v * Double(factor), to: k)
        }
    }

    /// Adds a (possibly fractional) amount in a bucket's own unit.
    mutating func addFraction(_ x: Double, to k: Int) throws {
        let w = x.rounded(.towardZero)
        guard abs(w) < 9.0e18 else { throw TemporalError.range("duration component overflows") }  // also ±infinity
        let (s, o) = whole[k].addingReportingOverflow(Int64(w))
        if o { throw TemporalError.range("duration component overflows") }
        whole[k] = s
        fraction[k] += x - w
    }

    public func build() throws -> Duration {
        var b = self
        // Cascade fractions down: months → days → seconds → nanoseconds.
        let perNext: [Double] = [30.436875, 86_400, 1e9]
        for k in 0..<3 where b.fraction[k] != 0 {
            let moved = b.fraction[k] * perNext[k]
            b.fraction[k] = 0
            try b.addFraction(moved, to: k + 1)
        }
        // Drop fractions of a nanosecond, but forgive floating-point noise: 569999999.9999999
        // is 570000000 (from 0.57 s), while a genuine half nanosecond goes.
        let z = b.fraction[3]
        let nearest = z.rounded(.toNearestOrEven)
        let rest = abs(z - nearest) < 0.001 ? nearest : z.rounded(.towardZero)
        let (n, o) = b.whole[3].addingReportingOverflow(Int64(rest))
        guard !o, let d = Duration.checked(months: b.whole[0], days: b.whole[1], seconds: b.whole[2], nanoseconds: n) else {
            throw TemporalError.range("duration overflows")
        }
        return d
    }
}

extension Duration {
    /// Each component scaled by `factor` (integers exactly; see the file header for floats).
    public func multiplied(by factor: DurationAmount) throws -> Duration {
        switch factor {
        case .int(let f):
            let (m, o1) = months.multipliedReportingOverflow(by: f)
            let (d, o2) = days.multipliedReportingOverflow(by: f)
            let (s, o3) = seconds.multipliedReportingOverflow(by: f)
            let (n, o4) = nanoseconds.multipliedReportingOverflow(by: f)
            guard !(o1 || o2 || o3 || o4), let r = Duration.checked(months: m, days: d, seconds: s, nanoseconds: n) else {
                throw TemporalError.range("duration multiplication overflows")
            }
            return r
        case .double(let f):
            return try scaled { $0 * f }
        }
    }

    /// Each component divided by `divisor`, with fractions cascading (the TCK's `dur / 2`).
    public func divided(by divisor: Double) throws -> Duration {
        guard divisor != 0 else { throw TemporalError.invalid("division of a duration by zero") }
        return try scaled { $0 / divisor }
    }

    private func scaled(_ f: (Double) -> Double) throws -> Duration {
        var b = DurationBuilder()
        try b.add(.double(f(Double(months))), .months)
        try b.add(.double(f(Double(days))), .days)
        try b.add(.double(f(Double(seconds))), .seconds)
        try b.add(.double(f(Double(nanoseconds))), .nanoseconds)
        return try b.build()
    }
}
