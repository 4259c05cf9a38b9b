// Temporal arithmetic: durations added to and subtracted from temporals, durations summed,
// scaled and divided (TCK Temporal8).
//
// Adding a duration follows Neo4j (java.time's `plus` unit by unit):
//   1. months, on values with a date: the day is clamped to the target month's length;
//   2. days, on values with a date;
//   3. seconds and nanoseconds: on values with a time they move the clock (times wrap around
//      midnight); a date takes only the whole days of the seconds (truncated toward zero), so
//      `date + PT47H` is one day later.
// Months and days move a zoned datetime's local fields (re-resolved in its zone, keeping the
// offset when it is still valid); seconds move its instant (so adding PT24H across a
// daylight-saving change lands at a different local hour than adding P1D).
// Subtraction adds the negated duration. Every step checks the year range and Int64 overflow.
//
// A duration times or divided by a number: an integer factor scales each component exactly;
// a float factor (or any divisor) scales them as floats and lets fractions cascade down
// (months → days at 30.436875 days → seconds → nanoseconds, see Temporal+DurationBuild.swift),
// which is how `P12Y5M14DT16H13M10.000000001S / 2` becomes `P6Y2M22DT13H21M8S`.

import KeiretsuGraph

enum TemporalArithmetic {
    static func outOfRange(_ what: String) -> CypherError {
        CypherError(.argumentError, "NumberOutOfRange", "\(what) is out of the supported temporal range", phase: .runtime)
    }

    static func add(_ t: Temporal, _ d: Duration) throws -> Temporal {
        switch t {
        case .date(let date):
            let moved = try addDays(try addMonths(date, d.months), d.days)
            return .date(try addDays(moved, d.seconds / 86_400))
        case .localTime(let time):
            return .localTime(addTime(time, d))
        case .time(let time, let offset):
            return .time(addTime(time, d), offset: offset)
        case .localDateTime(let date, let time):
            let (newDate, newTime) = try addDateTime(date, time, d)
            return .localDateTime(newDate, newTime)
        case .dateTime(let date, let time, let offset, let zone):
            guard let zone else {
                let (newDate, newTime) = try addDateTime(date, time, d)
                return .dateTime(newDate, newTime, offset: offset, zone: nil)
            }
            let zoneID = TimeZoneID.named(zone)
            let movedDate = try addDays(try addMonths(date, d.months), d.days)
            let local = try temporalCall("+") { try Temporal.zonedDateTime(movedDate, time, zone: zoneID, preferring: offset) }
            guard let (seconds, nanos) = local.instant else { return local }
            let total = nanos + d.nanoseconds
            let (s1, o1) = seconds.addingReportingOverflow(d.seconds)
            let (s2, o2) = s1.addingReportingOverflow(total / 1_000_000_000)
            guard !o1, !o2 else { throw outOfRange("the datetime") }
            return try temporalCall("+") {
                try Temporal.zonedDateTime(epochSecond: s2, nanos: total % 1_000_000_000, zone: zoneID)
            }
        case .duration(let other):
            guard let sum = addDurations(other, d) else { throw CypherError.integerOverflow("duration addition") }
            return .duration(sum)
        }
    }

    static func addMonths(_ date: LocalDate, _ months: Int64) throws -> LocalDate {
        guard let moved = date.plusMonths(months) else { throw outOfRange("the date") }
        return moved
    }

    static func addDays(_ date: LocalDate, _ days: Int64) throws -> LocalDate {
        guard let moved = date.plusDays(days) else { throw outOfRange("the date") }
        return moved
    }

    static func addTime(_ time: LocalTime, _ d: Duration) -> LocalTime {
        LocalTime.wrapping(time.nanosOfDay + (d.seconds % 86_400) * 1_000_000_000 + d.nanoseconds)
    }

    static func addDateTime(_ date: LocalDate, _ time: LocalTime, _ d: Duration) throws -> (LocalDate, LocalTime) {
        let moved = try addDays(try addMonths(date, d.months), d.days)
        let totalNanos = time.nanosOfDay + (d.seconds % 86_400) * 1_000_000_000 + d.nanoseconds
        let dayCarry = d.seconds / 86_400 + floorDiv(totalNanos, LocalTime.nanosPerDay)
        return (try addDays(moved, dayCarry), LocalTime.wrapping(totalNanos))
    }

    // MARK: - Durations and numbers

    /// `duration * number` and `number * duration`.
    static func multiply(_ d: Duration, _ factor: Value) throws -> Value {
        let amount: DurationAmount
        switch factor {
        case .int(let n): amount = .int(n)
        case .float(let x): amount = .double(x)
        default: throw Arithmetic.typeError("*", .temporal(.duration(d)), factor)
        }
        return .temporal(.duration(try temporalCall("*") { try d.multiplied(by: amount) }))
    }

    /// `duration / number`.
    static func divide(_ d: Duration, _ divisor: Value) throws -> Value {
        let x: Double
        switch divisor {
        case .int(let n): x = Double(n)
        case .float(let f): x = f
        default: throw Arithmetic.typeError("/", .temporal(.duration(d)), divisor)
        }
        if x == 0 { throw CypherError(.argumentError, "DivisionByZero", "division of a duration by zero", phase: .runtime) }
        return .temporal(.duration(try temporalCall("/") { try d.divided(by: x) }))
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension Duration {
    /// The duration with every component negated; an error for the one value that has no
    /// negation in Int64.
    func negated() throws -> Duration {
        guard months != Int64.min, days != Int64.min, seconds > Int64.min + 1 else {
            throw CypherError.integerOverflow("duration negation")
        }
        return Duration(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds)
    }
}

/// Runs a temporal computation, turning its TemporalError into the CypherError the TCK
/// expects: ArgumentError.InvalidArgumentValue for values that cannot be built (bad text,
/// bad fields, unknown or missing time zones), ArgumentError.NumberOutOfRange for results
/// outside the supported range.
func temporalCall<T>(_ function: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as TemporalError {
        switch e.kind {
        case .outOfRange:
            throw CypherError(.argumentError, "NumberOutOfRange", "\(function): \(e.message)", phase: .runtime)
        case .invalidValue, .unknownTimeZone, .missingTimeZoneDatabase:
            throw CypherError(.argumentError, "InvalidArgumentValue", "\(function): \(e.message)", phase: .runtime)
        }
    }
}
