// Component access on temporal values (`d.year`, `t.hour`, `dur.days` …).
//
// The date components follow ISO 8601: weeks start on Monday, week 1 holds the year's first
// Thursday, `weekYear` is the year that owns the week. The full temporal issue extends this
// table; a component a kind does not have is nil (the caller raises the error).

import KeiretsuGraph

enum TemporalComponents {
    static func component(_ t: Temporal, _ key: String) -> Value? {
        switch t {
        case .date(let d): return dateComponent(d, key)
        case .localTime(let time): return timeComponent(time, key)
        case .time(let time, let offset): return timeComponent(time, key) ?? offsetComponent(offset, nil, key)
        case .localDateTime(let d, let time): return dateComponent(d, key) ?? timeComponent(time, key)
        case .dateTime(let d, let time, let offset, let zone):
            if key == "epochSeconds" {
                return .int(d.epochDay * 86_400 + time.nanosOfDay / 1_000_000_000 - Int64(offset))
            }
            if key == "epochMillis" {
                return .int((d.epochDay * 86_400 - Int64(offset)) * 1000 + time.nanosOfDay / 1_000_000)
            }
            return dateComponent(d, key) ?? timeComponent(time, key) ?? offsetComponent(offset, zone, key)
        case .duration(let dur): return durationComponent(dur, key)
        }
    }

    static func dateComponent(_ d: LocalDate, _ key: String) -> Value? {
        let (y, m, day) = d.components
        switch key {
        case "year": return .int(y)
        case "quarter": return .int(Int64((m - 1) / 3 + 1))
        case "month": return .int(Int64(m))
        case "week": return .int(Int64(isoWeek(d).week))
        case "weekYear": return .int(isoWeek(d).year)
        case "day": return .int(Int64(day))
        case "ordinalDay": return .int(Int64(d.dayOfYear))
        case "dayOfWeek", "weekDay": return .int(Int64(d.dayOfWeek))
        case "dayOfQuarter":
            let firstMonth = (m - 1) / 3 * 3 + 1
            let start = LocalDate(year: y, month: firstMonth, day: 1)?.epochDay ?? d.epochDay
            return .int(d.epochDay - start + 1)
        default: return nil
        }
    }

    static func isoWeek(_ d: LocalDate) -> (year: Int64, week: Int) {
        // The Thursday of this week decides the week-year.
        let thursday = LocalDate(epochDay: d.epochDay - Int64(d.dayOfWeek) + 4)
        let year = thursday.year
        let week = (thursday.dayOfYear - 1) / 7 + 1
        return (year, week)
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
        case "offset": return .string(formatOffset(offset) == "Z" ? "+00:00" : formatOffset(offset))
        case "offsetMinutes": return .int(Int64(offset / 60))
        case "offsetSeconds": return .int(Int64(offset))
        default: return nil
        }
    }

    static func durationComponent(_ d: Duration, _ key: String) -> Value? {
        switch key {
        case "years": return .int(d.months / 12)
        case "quarters": return .int(d.months / 3)
        case "months": return .int(d.months)
        case "weeks": return .int(d.days / 7)
        case "days": return .int(d.days)
        case "hours": return .int(d.seconds / 3600)
        case "minutes": return .int(d.seconds / 60)
        case "seconds": return .int(d.seconds)
        case "milliseconds": return .int(d.seconds * 1000 + d.nanoseconds / 1_000_000)
        case "microseconds": return .int(d.seconds * 1_000_000 + d.nanoseconds / 1000)
        case "nanoseconds": return .int(d.seconds * 1_000_000_000 + d.nanoseconds)
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
