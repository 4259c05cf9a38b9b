// `X.truncate(unit, value[, map])`: a temporal cut down to a unit, then adjusted by a map
// (TCK Temporal9).
//
//   units       millennium, century, decade, year, weekYear, quarter, month, week, day
//               (date units: the start of that period, at midnight), hour, minute, second,
//               millisecond, microsecond (time units); case is ignored
//   kinds       date.truncate takes date units only; localtime/time.truncate take `day` and
//               the time units; the datetime kinds take all. The value must have the parts
//               the unit cuts (a date for date units, a time for time units).
//   periods     millennium, century and decade start at years divisible by 1000, 100 and 10
//               (2017 → 2000), weekYear at the Monday of ISO week 1 (1984-01-01 → 1983-01-03),
//               week at the Monday of the ISO week, quarter at its first month.
//   the map     overrides fields of the truncated value as in a map constructor ({day: 2},
//               {dayOfWeek: 2}), except that sub-second fields add to what truncation kept
//               (truncating …14.645876123 to milliseconds with {nanosecond: 2} gives
//               …14.645000002) and `timezone` replaces the zone without converting the time
//               (12:31-01:00 truncated to the hour with {timezone: '+01:00'} is 12:00+01:00).
//   zones       otherwise a zoned value keeps its zone; a local one gets UTC when the result
//               is zoned.

import KeiretsuGraph

enum TemporalTruncation {
    enum Unit: String, CaseIterable {
        case millennium, century, decade, year, weekYear, quarter, month, week, day
        case hour, minute, second, millisecond, microsecond

        var isDateUnit: Bool {
            switch self {
            case .hour, .minute, .second, .millisecond, .microsecond: return false
            default: return true
            }
        }
    }

    static func truncate(_ kind: TemporalKind, _ unitValue: Value, _ value: Value, _ mapValue: Value,
                         _ context: FunctionContext, _ function: String) throws -> Value {
        if unitValue.isNull || value.isNull { return .null }
        guard case .string(let unitText) = unitValue else {
            throw CypherError.invalidArgumentValue(function, expected: "a STRING unit", got: unitValue)
        }
        guard let unit = Unit.allCases.first(where: { $0.rawValue.lowercased() == unitText.lowercased() }) else {
            throw TemporalBuild.fail(function, "unknown unit '\(unitText)'")
        }
        guard case .temporal(let t) = value, t.kind != .duration else {
            throw CypherError.invalidArgumentValue(function, expected: "a temporal value", got: value)
        }
        var fields = TemporalFields()
        switch mapValue {
        case .null: break
        case .map(let m): fields = try TemporalFields(m, function)
        default: throw CypherError.invalidArgumentValue(function, expected: "a MAP", got: mapValue)
        }
        guard !fields.hasSources, !fields.hasEpoch else {
            throw TemporalBuild.fail(function, "the map may only hold fields and a time zone")
        }
        if kind == .date && !unit.isDateUnit { throw TemporalBuild.fail(function, "a date cannot be truncated to a \(unit.rawValue)") }
        if !kind.hasDate && unit.isDateUnit && unit != .day {
            throw TemporalBuild.fail(function, "a \(kind.rawValue) cannot be truncated to a \(unit.rawValue)")
        }
        var parts = TemporalParts(t)
        if kind.hasDate {
            guard let d = parts.date else { throw TemporalBuild.fail(function, "a \(t.typeName) has no date to truncate") }
            if unit.isDateUnit { parts.date = try truncateDate(d, unit, function) }
        }
        if unit.isDateUnit {
            parts.time = .midnight
        } else {
            guard let time = parts.time else { throw TemporalBuild.fail(function, "a \(t.typeName) has no time to truncate") }
            parts.time = truncateTime(time, unit)
        }
        // A time truncated from a datetime keeps that date to look its zone's offset up on.
        if !kind.hasDate { parts.zoneDate = parts.date; parts.date = nil }
        return .temporal(try TemporalBuild.build(kind, base: parts, fields: fields, clock: context.statementTime,
                                                 truncating: true, function))
    }

    static func truncateDate(_ d: LocalDate, _ unit: Unit, _ function: String) throws -> LocalDate {
        let (y, m, _) = d.components
        func first(_ year: Int64, _ month: Int = 1) throws -> LocalDate {
            guard let r = LocalDate(year: year, month: month, day: 1) else {
                throw CypherError(.argumentError, "NumberOutOfRange", "\(function)(): the result is out of range", phase: .runtime)
            }
            return r
        }
        switch unit {
        case .millennium: return try first(floorDiv(y, 1000) * 1000)
        case .century: return try first(floorDiv(y, 100) * 100)
        case .decade: return try first(floorDiv(y, 10) * 10)
        case .year: return try first(y)
        case .weekYear:
            guard let r = LocalDate(weekYear: d.isoWeek.weekYear, week: 1, dayOfWeek: 1) else {
                throw CypherError(.argumentError, "NumberOutOfRange", "\(function)(): the result is out of range", phase: .runtime)
            }
            return r
        case .quarter: return try first(y, (m - 1) / 3 * 3 + 1)
        case .month: return try first(y, m)
        case .week: return LocalDate(epochDay: d.epochDay - Int64(d.dayOfWeek - 1))
        default: return d
        }
    }

    static func truncateTime(_ t: LocalTime, _ unit: Unit) -> LocalTime {
        let n = t.nanosOfDay
        let step: Int64
        switch unit {
        case .hour: step = 3_600_000_000_000
        case .minute: step = 60_000_000_000
        case .second: step = 1_000_000_000
        case .millisecond: step = 1_000_000
        case .microsecond: step = 1000
        default: step = LocalTime.nanosPerDay
        }
        return LocalTime(nanosOfDay: n - n % step)
    }
}
