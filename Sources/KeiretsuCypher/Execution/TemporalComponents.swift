// Component access on temporal values (`d.year`, `t.hour`, `dur.days` …), TCK Temporal5.
//
//   dates (date, localdatetime, datetime)
//     year, quarter (1–4), month, week (ISO), weekYear (the year that owns the ISO week),
//     day, ordinalDay (1–366), dayOfWeek / weekDay (Monday = 1), dayOfQuarter
//   times (localtime, time, localdatetime, datetime)
//     hour, minute, second, millisecond (0–999), microsecond (0–999,999),
//     nanosecond (0–999,999,999): the last three all count the fraction of the second
//   zoned values (time, datetime)
//     timezone (the IANA name, or the offset text), offset (`+01:00`, `Z` for UTC, as
//     java.time prints it), offsetMinutes, offsetSeconds
//   datetime only
//     epochSeconds, epochMillis (the instant; millis truncated toward the past)
//   durations
//     years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds,
//     microseconds, nanoseconds: the whole duration's part in that unit, within its
//     component group (months for years…months, days for weeks/days, seconds for the rest);
//     quartersOfYear, monthsOfQuarter, monthsOfYear, daysOfWeek, minutesOfHour,
//     secondsOfMinute, millisecondsOfSecond, microsecondsOfSecond, nanosecondsOfSecond: the
//     remainder within the next larger unit
//
// A component a kind does not have is nil (the caller raises InvalidArgumentValue); a
// component whose value does not fit in 64 bits is a NumberOutOfRange error.

import KeiretsuGraph

enum TemporalComponents {
    static func component(_ t: Temporal, _ key: String) throws -> Value? {
        switch t {
        case .date(let d): return dateComponent(d, key)
        case .localTime(let time): return timeComponent(time, key)
        case .time(let time, let offset): return timeComponent(time, key) ?? offsetComponent(offset, nil, key)
        case .localDateTime(let d, let time): return dateComponent(d, key) ?? timeComponent(time, key)
        case .dateTime(let d, let time, let offset, let zone):
            if let (seconds, nanos) = t.instant {
                if key == "epochSeconds" { return .int(seconds) }
                if key == "epochMillis" {
                    let (millis, overflow) = seconds.multipliedReportingOverflow(by: 1000)
                    if overflow { throw CypherError.integerOverflow("epochMillis") }
                    return .int(millis + nanos / 1_000_000)
                }
            }
            return dateComponent(d, key) ?? timeComponent(time, key) ?? offsetComponent(offset, zone, key)
        case .duration(let dur): return try durationComponent(dur, key)
        }
    }

    static func dateComponent(_ d: LocalDate, _ key: String) -> Value? {
        switch key {
        case "year": return .int(d.year)
        case "quarter": return .int(Int64(d.quarter))
        case "month": return .int(Int64(d.month))
        case "week": return .int(Int64(d.isoWeek.week))
        case "weekYear": return .int(d.isoWeek.weekYear)
        case "day": return .int(Int64(d.day))
        case "ordinalDay": return .int(Int64(d.dayOfYear))
        case "dayOfWeek", "weekDay": return .int(Int64(d.dayOfWeek))
        case "dayOfQuarter": return .int(Int64(d.dayOfQuarter))
        default: return nil
        }
    }

    static func timeComponent(_ t: LocalTime, _ key: String) -> Value? {
        switch key {
        case "hour": return .int(Int64(t.hour))
        case "minute": return .int(Int64(t.minute))
        case "second": return .int(Int64(t.second))
        case "millisecond": return .int(Int64(t.nanosecond / 1_000_000))
        case "microsecond": return .int(Int64(t.nanosecond / 1_000))
        case "nanosecond": return .int(Int64(t.nanosecond))
        default: return nil
        }
    }

    static func offsetComponent(_ offset: Int, _ zone: String?, _ key: String) -> Value? {
        switch key {
        case "timezone": return .string(zone ?? formatOffset(offset))
        case "offset": return .string(formatOffset(offset))
        case "offsetMinutes": return .int(Int64(offset / 60))
        case "offsetSeconds": return .int(Int64(offset))
        default: return nil
        }
    }

    static func durationComponent(_ d: Duration, _ key: String) throws -> Value? {
        /// seconds × scale + nanoseconds / (10^9 / scale), checked.
        func subsecond(_ scale: Int64) throws -> Value {
            let (a, o1) = d.seconds.multipliedReportingOverflow(by: scale)
            let (b, o2) = a.addingReportingOverflow(d.nanoseconds / (1_000_000_000 / scale))
            if o1 || o2 { throw CypherError.integerOverflow("duration component '\(key)'") }
            return .int(b)
        }
        switch key {
        case "years": return .int(d.months / 12)
        case "quarters": return .int(d.months / 3)
        case "months": return .int(d.months)
        case "weeks": return .int(d.days / 7)
        case "days": return .int(d.days)
        case "hours": return .int(d.seconds / 3600)
        case "minutes": return .int(d.seconds / 60)
        case "seconds": return .int(d.seconds)
        case "milliseconds": return try subsecond(1000)
        case "microseconds": return try subsecond(1_000_000)
        case "nanoseconds": return try subsecond(1_000_000_000)
        case "quartersOfYear": return .int(d.months / 3 % 4)
        case "monthsOfQuarter": return .int(d.months % 3)
        case "monthsOfYear": return .int(d.months % 12)
        case "daysOfWeek": return .int(d.days % 7)
        case "minutesOfHour": return .int(d.seconds / 60 % 60)
        case "secondsOfMinute": return .int(d.seconds % 60)
        case "millisecondsOfSecond": return .int(d.nanoseconds / 1_000_000)
        case "microsecondsOfSecond": return .int(d.nanoseconds / 1000)
        case "nanosecondsOfSecond": return .int(d.nanoseconds)
        default: return nil
        }
    }
}
