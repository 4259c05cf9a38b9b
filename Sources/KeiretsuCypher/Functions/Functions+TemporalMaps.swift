// Temporal values from maps: fields, and other temporals selected and overridden
// (TCK Temporal1 "from a map", Temporal3 "from other temporal values").
//
// Keys (matched ignoring case):
//   date fields      year, month, day | year, week, dayOfWeek | year, ordinalDay |
//                    year, quarter, dayOfQuarter — one group at a time; `year` with `week`
//                    is the ISO week-based year. Missing smaller units default to their
//                    first value (month 1, day 1, week 1, Monday …); a smaller unit without
//                    its larger one (`day` without `month`) is an error.
//   time fields      hour, minute, second, millisecond, microsecond, nanosecond; missing ones
//                    are 0. Sub-second fields add up when several are given
//                    ({millisecond: 123, microsecond: 456, nanosecond: 789} is .123456789);
//                    alone, each one sets the whole fraction ({microsecond: 645876} is .645876).
//   timezone         an offset or an IANA name (zoned kinds only)
//   date, time, datetime   another temporal value to start from: `date` supplies the date,
//                    `time` the time of day and its zone, `datetime` all three
//   epochSeconds, epochMillis   (datetime only) an instant, with optional sub-second fields
//
// Selecting: fields override the corresponding parts of the selected value, within the group
// they name ({date: d, week: 2} keeps d's week-based year and day of week; {date: d, day: 28}
// keeps its year and month; a day taken from `d` is clamped to the new month). A `timezone`
// given with a zoned value converts the instant to that zone (TCK Temporal3 [3]:
// `time({time: 12:31:14+01:00, timezone: '+05:00'})` is 16:31:14+05:00); with a local value
// it just attaches the zone. Changing fields of a datetime in a named zone re-resolves the
// local time in that zone, keeping the offset when it is still valid.
//
// A map with no fields (only, optionally, `timezone`) means "now": `datetime({timezone:
// 'Europe/Stockholm'})` is the statement's clock in Stockholm.

import KeiretsuGraph

/// The fields of a temporal map, read and type-checked.
struct TemporalFields {
    var year, month, day, week, dayOfWeek, ordinalDay, quarter, dayOfQuarter: Int64?
    var hour, minute, second, millisecond, microsecond, nanosecond: Int64?
    var epochSeconds, epochMillis: Int64?
    var timezone: TimeZoneID?
    var dateSource, timeSource, dateTimeSource: Temporal?

    init() {}

    init(_ map: ValueMap, _ function: String) throws {
        for (key, value) in map {
            if case .null = value { continue }
            func int() throws -> Int64 {
                guard case .int(let v) = value else {
                    throw CypherError.invalidArgumentValue(function, expected: "an INTEGER for '\(key)'", got: value)
                }
                return v
            }
            func temporal() throws -> Temporal {
                guard case .temporal(let t) = value, t.kind != .duration else {
                    throw CypherError.invalidArgumentValue(function, expected: "a temporal value for '\(key)'", got: value)
                }
                return t
            }
            switch key.lowercased() {
            case "year": year = try int()
            case "month": month = try int()
            case "day": day = try int()
            case "week": week = try int()
            case "dayofweek": dayOfWeek = try int()
            case "ordinalday": ordinalDay = try int()
            case "quarter": quarter = try int()
            case "dayofquarter": dayOfQuarter = try int()
            case "hour": hour = try int()
            case "minute": minute = try int()
            case "second": second = try int()
            case "millisecond": millisecond = try int()
            case "microsecond": microsecond = try int()
            case "nanosecond": nanosecond = try int()
            case "epochseconds": epochSeconds = try int()
            case "epochmillis": epochMillis = try int()
            case "timezone":
                guard case .string(let text) = value else {
                    throw CypherError.invalidArgumentValue(function, expected: "a STRING time zone", got: value)
                }
                timezone = try temporalCall(function) { try TimeZoneID.parse(text) }
            case "date": dateSource = try temporal()
            case "time": timeSource = try temporal()
            case "datetime": dateTimeSource = try temporal()
            default:
                throw CypherError(.argumentError, "InvalidArgumentValue", "\(function)(): unknown field '\(key)'", phase: .runtime)
            }
        }
    }

    var hasDateFields: Bool {
        year != nil || month != nil || day != nil || week != nil || dayOfWeek != nil || ordinalDay != nil
            || quarter != nil || dayOfQuarter != nil
    }
    var hasSubsecondFields: Bool { millisecond != nil || microsecond != nil || nanosecond != nil }
    var hasTimeFields: Bool { hour != nil || minute != nil || second != nil || hasSubsecondFields }
    var hasSources: Bool { dateSource != nil || timeSource != nil || dateTimeSource != nil }
    var hasEpoch: Bool { epochSeconds != nil || epochMillis != nil }
    /// Nothing but (perhaps) a time zone: the "now" form.
    var isEmpty: Bool { !hasDateFields && !hasTimeFields && !hasSources && !hasEpoch }
}

/// The parts of a temporal value, each present when the value has it.
struct TemporalParts {
    var date: LocalDate?
    var time: LocalTime?
    var zone: TimeZoneID?
    /// The offset the value had, preferred when its local fields are re-resolved.
    var offset: Int?
    /// For a time taken from a datetime: that datetime's date, on which its zone's offset is
    /// looked up when the result has no date of its own.
    var zoneDate: LocalDate?

    init(date: LocalDate? = nil, time: LocalTime? = nil, zone: TimeZoneID? = nil, offset: Int? = nil) {
        self.date = date
        self.time = time
        self.zone = zone
        self.offset = offset
    }

    init(_ t: Temporal) {
        switch t {
        case .date(let d): self.init(date: d)
        case .localTime(let time): self.init(time: time)
        case .time(let time, let offset): self.init(time: time, zone: .offset(offset), offset: offset)
        case .localDateTime(let d, let time): self.init(date: d, time: time)
        case .dateTime(let d, let time, let offset, let zone):
            self.init(date: d, time: time, zone: zone.map { .named($0) } ?? .offset(offset), offset: offset)
        case .duration: self.init()
        }
    }
}

enum TemporalBuild {
    static func fail(_ function: String, _ message: String) -> CypherError {
        CypherError(.argumentError, "InvalidArgumentValue", "\(function)(): \(message)", phase: .runtime)
    }

    /// `kind(value)` for one argument.
    static func construct(_ kind: TemporalKind, _ value: Value, _ context: FunctionContext, _ function: String) throws -> Value {
        switch value {
        case .null: return .null
        case .string(let text):
            return .temporal(try temporalCall(function) { try Temporal.parse(text, as: kind) })
        case .map(let m):
            return .temporal(try fromMap(kind, try TemporalFields(m, function), context.statementTime, function))
        case .temporal(let t) where t.kind != .duration:
            var fields = TemporalFields()
            switch kind {
            case .date: fields.dateSource = t
            case .localTime, .time: fields.timeSource = t
            default: fields.dateTimeSource = t
            }
            return .temporal(try fromMap(kind, fields, context.statementTime, function))
        default:
            throw CypherError.invalidArgumentValue(function, expected: "a STRING, MAP or temporal value", got: value)
        }
    }

    /// The current value of `kind` at `instant`, in `zone` (UTC by default).
    static func now(_ kind: TemporalKind, zone: TimeZoneID?, at instant: EpochInstant, _ function: String) throws -> Temporal {
        let current = try temporalCall(function) {
            try Temporal.zonedDateTime(epochSecond: instant.seconds, nanos: instant.nanoseconds, zone: zone ?? .utc)
        }
        guard case .dateTime(let d, let t, let offset, _) = current else { return current }
        switch kind {
        case .date: return .date(d)
        case .localTime: return .localTime(t)
        case .time: return .time(t, offset: offset)
        case .localDateTime: return .localDateTime(d, t)
        case .dateTime, .duration: return current
        }
    }

    static func fromMap(_ kind: TemporalKind, _ f: TemporalFields, _ clock: EpochInstant, _ function: String) throws -> Temporal {
        if f.isEmpty { return try now(kind, zone: f.timezone, at: clock, function) }
        if f.hasEpoch {
            guard kind == .dateTime, !f.hasDateFields, f.hour == nil, f.minute == nil, f.second == nil, !f.hasSources else {
                throw fail(function, "epochSeconds and epochMillis stand alone, and only in datetime()")
            }
            var seconds: Int64, nanos: Int64
            let fraction = try subsecondFraction(f, base: 0, adding: false, function)
            if let s = f.epochSeconds {
                guard f.epochMillis == nil else { throw fail(function, "give epochSeconds or epochMillis, not both") }
                seconds = s
                nanos = fraction
            } else {
                let ms = f.epochMillis ?? 0
                guard f.millisecond == nil, fraction < 1_000_000 else {
                    throw fail(function, "epochMillis takes only microsecond and nanosecond")
                }
                seconds = floorDiv(ms, 1000)
                nanos = (ms - seconds * 1000) * 1_000_000 + fraction
            }
            return try temporalCall(function) { try Temporal.zonedDateTime(epochSecond: seconds, nanos: nanos, zone: f.timezone ?? .utc) }
        }
        // The value to start from.
        var base = TemporalParts()
        if let dt = f.dateTimeSource { base = TemporalParts(dt) }
        if let ds = f.dateSource {
            guard let d = TemporalParts(ds).date else { throw fail(function, "'date' must hold a value with a date, not a \(ds.typeName)") }
            base.date = d
        }
        if let ts = f.timeSource {
            let p = TemporalParts(ts)
            guard let t = p.time else { throw fail(function, "'time' must hold a value with a time, not a \(ts.typeName)") }
            base.time = t
            if let z = p.zone {
                base.zone = z
                base.offset = p.offset
                // A named zone's offset is taken on the date the time is combined with, or
                // else on the date of the value the time came from.
                base.zoneDate = p.date
            }
        }
        return try build(kind, base: base, fields: f, clock: clock, truncating: false, function)
    }

    /// Applies `f` to `base` and makes a value of `kind`. `truncating` switches to the rules of
    /// `X.truncate`: sub-second fields add to the truncated fraction and a `timezone` replaces
    /// the zone instead of converting to it.
    static func build(_ kind: TemporalKind, base: TemporalParts, fields f: TemporalFields, clock: EpochInstant,
                      truncating: Bool, _ function: String) throws -> Temporal {
        var date: LocalDate?
        if kind.hasDate {
            date = try resolveDate(f, base.date, function)
            guard date != nil else { throw fail(function, "a \(kind.rawValue) needs a year or a date") }
        } else if f.hasDateFields {
            throw fail(function, "a \(kind.rawValue) has no date fields")
        }
        var time = LocalTime.midnight
        if kind.hasTime {
            time = try resolveTime(f, base.time, truncating: truncating, function) ?? .midnight
        } else if f.hasTimeFields {
            throw fail(function, "a \(kind.rawValue) has no time fields")
        }
        if !kind.hasZone, f.timezone != nil {
            throw fail(function, "a \(kind.rawValue) has no time zone")
        }
        switch kind {
        case .date:
            return .date(date ?? LocalDate(epochDay: 0))
        case .localTime:
            return .localTime(time)
        case .localDateTime:
            return .localDateTime(date ?? LocalDate(epochDay: 0), time)
        case .dateTime:
            let d = date ?? LocalDate(epochDay: 0)
            return try temporalCall(function) {
                if !truncating, let zone = base.zone {
                    let own = try Temporal.zonedDateTime(d, time, zone: zone, preferring: base.offset)
                    guard let target = f.timezone, let (s, n) = own.instant else { return own }
                    return try Temporal.zonedDateTime(epochSecond: s, nanos: n, zone: target)
                }
                let zone = f.timezone ?? base.zone ?? .utc
                return try Temporal.zonedDateTime(d, time, zone: zone, preferring: f.timezone == nil ? base.offset : nil)
            }
        case .time:
            return try temporalCall(function) {
                // The date a named zone's offset is taken on: the value's own, else today.
                let day = try base.date ?? base.zoneDate ?? today(clock, base.zone ?? f.timezone ?? .utc)
                if !truncating, let zone = base.zone {
                    let own = try offset(of: zone, day, time, preferring: base.offset)
                    guard let target = f.timezone else { return .time(time, offset: own) }
                    let instant = day.epochDay * 86_400 + time.secondOfDay - Int64(own)
                    let to = try target.offset(atEpochSecond: instant)
                    return .time(LocalTime.wrapping(time.nanosOfDay + Int64(to - own) * 1_000_000_000), offset: to)
                }
                let zone = f.timezone ?? base.zone ?? .utc
                return .time(time, offset: try offset(of: zone, day, time, preferring: f.timezone == nil ? base.offset : nil))
            }
        case .duration:
            throw fail(function, "not a date or time")
        }
    }

    static func offset(of zone: TimeZoneID, _ day: LocalDate, _ time: LocalTime, preferring: Int?) throws -> Int {
        try zone.resolve(local: day.epochDay * 86_400 + time.secondOfDay, preferring: preferring).offset
    }

    static func today(_ clock: EpochInstant, _ zone: TimeZoneID) throws -> LocalDate {
        let offset = try zone.offset(atEpochSecond: clock.seconds)
        return LocalDate(epochDay: floorDiv(clock.seconds + Int64(offset), 86_400))
    }

    /// The date named by the fields, starting from `base`; nil when there is neither.
    static func resolveDate(_ f: TemporalFields, _ base: LocalDate?, _ function: String) throws -> LocalDate? {
        let calendar = f.month != nil || f.day != nil
        let week = f.week != nil || f.dayOfWeek != nil
        let ordinal = f.ordinalDay != nil
        let quarter = f.quarter != nil || f.dayOfQuarter != nil
        guard [calendar, week, ordinal, quarter].filter({ $0 }).count <= 1 else {
            throw fail(function, "calendar, week, ordinal and quarter fields cannot be mixed")
        }
        guard f.hasDateFields else { return base }
        guard f.year != nil || base != nil else { throw fail(function, "a date needs a year") }
        func noSuchDate() -> CypherError { fail(function, "the fields do not name a date") }
        if week {
            guard f.week != nil || base != nil else { throw fail(function, "dayOfWeek needs a week") }
            let w = base?.isoWeek
            let weekYear = f.year ?? w?.weekYear ?? 0
            let weekNumber = f.week ?? Int64(w?.week ?? 1)
            let dow = f.dayOfWeek ?? Int64(base?.dayOfWeek ?? 1)
            guard let d = LocalDate(weekYear: weekYear, week: weekNumber, dayOfWeek: dow) else { throw noSuchDate() }
            return d
        }
        let year = f.year ?? base?.year ?? 0
        if ordinal {
            guard let od = f.ordinalDay, let d = LocalDate(year: year, ordinalDay: od) else { throw noSuchDate() }
            return d
        }
        if quarter {
            if let doq = f.dayOfQuarter {
                guard f.quarter != nil || base != nil else { throw fail(function, "dayOfQuarter needs a quarter") }
                guard let d = LocalDate(year: year, quarter: f.quarter ?? Int64(base?.quarter ?? 1), dayOfQuarter: doq) else {
                    throw noSuchDate()
                }
                return d
            }
            guard let q = f.quarter, (1...4).contains(q) else { throw noSuchDate() }
            guard let base else {
                guard let d = LocalDate(year: year, quarter: q, dayOfQuarter: 1) else { throw noSuchDate() }
                return d
            }
            // Keep the month within the quarter and the day of the month (clamped), as
            // java.time's QUARTER_OF_YEAR does.
            let month = Int(q - 1) * 3 + (base.month - 1) % 3 + 1
            guard let d = LocalDate(year: year, month: month, day: min(base.day, LocalDate.daysIn(month: month, year: year))) else {
                throw noSuchDate()
            }
            return d
        }
        if f.day != nil && f.month == nil && base == nil { throw fail(function, "day needs a month") }
        let month = f.month ?? Int64(base?.month ?? 1)
        guard (1...12).contains(month) else { throw noSuchDate() }
        var day = f.day ?? Int64(base?.day ?? 1)
        if f.day == nil { day = min(day, Int64(LocalDate.daysIn(month: Int(month), year: year))) }
        guard (1...31).contains(day), let d = LocalDate(year: year, month: Int(month), day: Int(day)) else { throw noSuchDate() }
        return d
    }

    /// The time named by the fields, starting from `base`; nil when there is neither.
    static func resolveTime(_ f: TemporalFields, _ base: LocalTime?, truncating: Bool, _ function: String) throws -> LocalTime? {
        guard f.hasTimeFields else { return base }
        if base == nil {
            if f.minute != nil && f.hour == nil { throw fail(function, "minute needs an hour") }
            if f.second != nil && f.minute == nil { throw fail(function, "second needs a minute") }
            if f.hasSubsecondFields && f.second == nil { throw fail(function, "a fraction of a second needs a second") }
        }
        let hour = f.hour ?? Int64(base?.hour ?? 0)
        let minute = f.minute ?? Int64(base?.minute ?? 0)
        let second = f.second ?? Int64(base?.second ?? 0)
        let fraction = try subsecondFraction(f, base: Int64(base?.nanosecond ?? 0), adding: truncating, function)
        guard let t = LocalTime(hour: hour, minute: minute, second: second, nanosecond: fraction) else {
            throw fail(function, "the fields do not name a time of day")
        }
        return t
    }

    /// The fraction of a second in nanoseconds. Several sub-second fields add up, each then
    /// limited to 0…999 below the largest one given; a single field covers the whole fraction.
    /// Without sub-second fields the base's fraction stays. When `adding` (truncation), the
    /// fields add to the base's fraction.
    static func subsecondFraction(_ f: TemporalFields, base: Int64, adding: Bool, _ function: String) throws -> Int64 {
        guard f.hasSubsecondFields else { return base }
        func check(_ v: Int64?, _ limit: Int64, _ name: String) throws -> Int64 {
            guard let v else { return 0 }
            guard v >= 0 && v <= limit else { throw fail(function, "\(name) must be between 0 and \(limit)") }
            return v
        }
        let ms = try check(f.millisecond, 999, "millisecond")
        let us = try check(f.microsecond, f.millisecond != nil ? 999 : 999_999, "microsecond")
        let nsLimit: Int64 = f.microsecond != nil ? 999 : (f.millisecond != nil ? 999_999 : 999_999_999)
        let ns = try check(f.nanosecond, nsLimit, "nanosecond")
        let total = ms * 1_000_000 + us * 1000 + ns
        return adding ? base + total : total
    }
}
