// Temporal arithmetic: adding durations to dates and times.
//
// A duration adds its months first (clamping the day to the target month's length, as
// java.time does), then its days, then its seconds and nanoseconds. Dates ignore the time part
// of a duration beyond whole days.

import KeiretsuGraph

enum TemporalArithmetic {
    static func add(_ t: Temporal, _ d: Duration) throws -> Temporal {
        switch t {
        case .date(let date):
            let days = d.days + d.seconds / 86_400
            return .date(try addDate(date, months: d.months, days: days))
        case .localTime(let time):
            return .localTime(addTime(time, d))
        case .time(let time, let offset):
            return .time(addTime(time, d), offset: offset)
        case .localDateTime(let date, let time):
            let (newDate, newTime) = try addDateTime(date, time, d)
            return .localDateTime(newDate, newTime)
        case .dateTime(let date, let time, let offset, let zone):
            let (newDate, newTime) = try addDateTime(date, time, d)
            return .dateTime(newDate, newTime, offset: offset, zone: zone)
        case .duration(let other):
            return .duration(Duration(months: other.months + d.months, days: other.days + d.days,
                                      seconds: other.seconds + d.seconds, nanoseconds: other.nanoseconds + d.nanoseconds))
        }
    }

    static func addDate(_ date: LocalDate, months: Int64, days: Int64) throws -> LocalDate {
        var (y, m, dd) = date.components
        if months != 0 {
            let total = y * 12 + Int64(m - 1) + months
            y = total >= 0 ? total / 12 : (total - 11) / 12
            m = Int(total - y * 12) + 1
            dd = min(dd, LocalDate.daysIn(month: m, year: y))
        }
        guard let moved = LocalDate(year: y, month: m, day: dd) else {
            throw CypherError(.argumentError, "InvalidArgumentValue", "date out of range", phase: .runtime)
        }
        return LocalDate(epochDay: moved.epochDay + days)
    }

    static let nanosPerDay: Int64 = 86_400_000_000_000

    static func addTime(_ time: LocalTime, _ d: Duration) -> LocalTime {
        let delta = (d.seconds % 86_400) * 1_000_000_000 + d.nanoseconds
        var n = (time.nanosOfDay + delta) % nanosPerDay
        if n < 0 { n += nanosPerDay }
        return LocalTime(nanosOfDay: n)
    }

    static func addDateTime(_ date: LocalDate, _ time: LocalTime, _ d: Duration) throws -> (LocalDate, LocalTime) {
        let moved = try addDate(date, months: d.months, days: d.days)
        let totalNanos = time.nanosOfDay + (d.seconds % 86_400) * 1_000_000_000 + d.nanoseconds
        var dayCarry = d.seconds / 86_400 + totalNanos / nanosPerDay
        var n = totalNanos % nanosPerDay
        if n < 0 {
            n += nanosPerDay
            dayCarry -= 1
        }
        return (LocalDate(epochDay: moved.epochDay + dayCarry), LocalTime(nanosOfDay: n))
    }
}

extension Duration {
    func negated() -> Duration {
        Duration(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds)
    }
}
