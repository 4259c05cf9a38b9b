// The temporal functions: constructors, clocks, truncation and durations between values
// (openCypher 9 "Temporal functions"; TCK expressions/temporal, Temporal1–10).
//
//   date(), localtime(), time(), localdatetime(), datetime()
//     no argument     the current value, from the statement's clock, in UTC
//     STRING          ISO 8601 text (Temporal+Parse.swift)
//     MAP             fields, or another temporal selected and overridden (Functions+TemporalMaps.swift)
//     temporal        the same as a map holding just that value
//     null            null
//   X.transaction([tz]), X.statement([tz])   the statement's clock (a statement is its own
//                                            transaction here), optionally in a time zone
//   X.realtime([tz])                         the system clock, read at the call
//   X.truncate(unit, value[, map])           Functions+TemporalTruncate.swift
//   datetime.fromepoch(seconds, nanos), datetime.fromepochmillis(millis)   instants, in UTC
//   duration(STRING | MAP)                   `P…` text, or {years … nanoseconds}, fractions
//                                            cascading (Temporal+DurationBuild.swift)
//   duration.between(a, b), duration.inMonths(a, b), duration.inDays(a, b),
//   duration.inSeconds(a, b)                 Functions+TemporalBetween.swift
//
// The default time zone is UTC. Errors: a value of the wrong type is TypeError.
// InvalidArgumentValue; text or fields that name no value, unknown zones and a missing zone
// database are ArgumentError.InvalidArgumentValue; results outside years ±999,999,999 are
// ArgumentError.NumberOutOfRange.

import KeiretsuGraph

let temporalFunctions: [ScalarFunction] = temporalConstructorFunctions + durationFunctions

private let instantKinds: [TemporalKind] = [.date, .localTime, .time, .localDateTime, .dateTime]

let temporalConstructorFunctions: [ScalarFunction] = instantKinds.flatMap { kind -> [ScalarFunction] in
    let name = kind.rawValue
    return [
        scalar(name, arity: 0...1) { context, args in
            if args.count == 0 { return .temporal(try TemporalBuild.now(kind, zone: nil, at: context.statementTime, name)) }
            return try TemporalBuild.construct(kind, args[0], context, name)
        },
        scalar(name + ".transaction", arity: 0...1) { context, args in
            try clock(kind, args, context.statementTime, name + ".transaction")
        },
        scalar(name + ".statement", arity: 0...1) { context, args in
            try clock(kind, args, context.statementTime, name + ".statement")
        },
        scalar(name + ".realtime", arity: 0...1) { _, args in
            try clock(kind, args, EpochInstant.now(), name + ".realtime")
        },
        scalar(name + ".truncate", arity: 2...3) { context, args in
            try TemporalTruncation.truncate(kind, args[0], args[1], args.count > 2 ? args[2] : .map([:]), context,
                                            name + ".truncate")
        },
    ]
} + [
    scalar("datetime.fromepoch", arity: 2...2) { _, args in
        if args.anyNull { return .null }
        let seconds = try args.integer(0), nanos = try args.integer(1)
        return .temporal(try temporalCall("datetime.fromepoch") {
            guard (0...999_999_999).contains(nanos) else { throw TemporalError(.invalidValue, "nanoseconds range over 0 to 999999999") }
            return try Temporal.zonedDateTime(epochSecond: seconds, nanos: nanos, zone: .utc)
        })
    },
    scalar("datetime.fromepochmillis", arity: 1...1) { _, args in
        if args.anyNull { return .null }
        let millis = try args.integer(0)
        return .temporal(try temporalCall("datetime.fromepochmillis") {
            try Temporal.zonedDateTime(epochSecond: floorDiv(millis, 1000), nanos: (millis - floorDiv(millis, 1000) * 1000) * 1_000_000,
                                       zone: .utc)
        })
    },
]

/// `X.transaction([tz])` and friends: the current value at `instant`, in the given zone (a
/// zone name or offset, or a map with a `timezone` entry) or UTC.
private func clock(_ kind: TemporalKind, _ args: FunctionArguments, _ instant: EpochInstant, _ function: String) throws -> Value {
    guard args.count > 0 else { return .temporal(try TemporalBuild.now(kind, zone: nil, at: instant, function)) }
    switch args[0] {
    case .null: return .null
    case .string(let text):
        let zone = try temporalCall(function) { try TimeZoneID.parse(text) }
        return .temporal(try TemporalBuild.now(kind, zone: zone, at: instant, function))
    case .map(let m):
        let fields = try TemporalFields(m, function)
        guard fields.isEmpty else {
            throw CypherError(.argumentError, "InvalidArgumentValue", "\(function)() takes only a time zone", phase: .runtime)
        }
        return .temporal(try TemporalBuild.now(kind, zone: fields.timezone, at: instant, function))
    default:
        throw CypherError.invalidArgumentValue(function, expected: "a time-zone STRING", got: args[0])
    }
}

let durationFunctions: [ScalarFunction] = [
    scalar("duration", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .string(let text):
            return .temporal(try temporalCall("duration") { try Temporal.parse(text, as: .duration) })
        case .map(let m):
            return .temporal(.duration(try durationFromMap(m)))
        case .temporal(.duration(let d)):
            return .temporal(.duration(d))
        default:
            throw CypherError.invalidArgumentValue("duration", expected: "a STRING or MAP", got: args[0])
        }
    },
    scalar("duration.between", arity: 2...2) { _, args in
        try DurationBetween.compute(.full, args[0], args[1], "duration.between")
    },
    scalar("duration.inMonths", arity: 2...2) { _, args in
        try DurationBetween.compute(.months, args[0], args[1], "duration.inMonths")
    },
    scalar("duration.inDays", arity: 2...2) { _, args in
        try DurationBetween.compute(.days, args[0], args[1], "duration.inDays")
    },
    scalar("duration.inSeconds", arity: 2...2) { _, args in
        try DurationBetween.compute(.seconds, args[0], args[1], "duration.inSeconds")
    },
]

/// `duration({years: 1, days: 1.5, …})`: every key a unit (years, quarters, months, weeks,
/// days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds), every value a
/// number; null values are skipped.
func durationFromMap(_ m: ValueMap) throws -> Duration {
    var builder = DurationBuilder()
    for (key, value) in m {
        guard let unit = DurationUnit(key: key) else {
            throw CypherError(.argumentError, "InvalidArgumentValue", "duration(): unknown unit '\(key)'", phase: .runtime)
        }
        switch value {
        case .null: continue
        case .int(let n): try temporalCall("duration") { try builder.add(.int(n), unit) }
        case .float(let x): try temporalCall("duration") { try builder.add(.double(x), unit) }
        default: throw CypherError.invalidArgumentValue("duration", expected: "numbers as components", got: value)
        }
    }
    return try temporalCall("duration") { try builder.build() }
}
