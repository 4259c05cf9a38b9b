// Temporal values: the openCypher date/time family and its text forms.
//
// Representation and precision (the rules every temporal function relies on):
//   - Dates use the proleptic Gregorian calendar (also before 1582, as java.time and the TCK
//     do) and count days from 1970-01-01, the "epoch day". Years run from -999,999,999 to
//     +999,999,999 (the TCK's range, `date('-999999999-01-01')`); a computation that leaves
//     that range is an error, never a wrap-around.
//   - Times count nanoseconds since midnight: nanosecond precision, no leap seconds. Finer
//     input (a tenth fractional digit) is refused rather than rounded.
//   - Zoned values keep their UTC offset in seconds (offsets may have seconds, as local mean
//     time does: `+00:53:28`) and, for datetimes built from one, the IANA zone name. Offsets
//     come from the system's time-zone database (Temporal+TimeZone.swift).
//   - Durations keep months, days, seconds and nanoseconds apart, because months and days have
//     no fixed length; nanoseconds are normalised into 0 ..< 10^9 and the sign lives in seconds
//     (`PT-0.4S` is seconds -1, nanoseconds 600,000,000), as Neo4j's `dur.seconds` shows.
//
// Text forms follow the TCK: `2015-07-21`, `12:31:14.645876123`, `12:31:14+01:00`,
// `2015-07-21T21:40:32.142`, `2015-07-21T21:40:32.142+02:00[Europe/Stockholm]`, `P1Y2M3DT4H5M6S`.
// Seconds are printed only when not zero, fractions without trailing zeros, years outside
// 0…9999 with a sign (`+10000-01-01`, `-0001-01-01`), a zero offset as `Z`.

public struct LocalDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var epochDay: Int64

    public static let minYear: Int64 = -999_999_999
    public static let maxYear: Int64 = 999_999_999
    /// Epoch days of -999999999-01-01 and +999999999-12-31.
    public static let minEpochDay: Int64 = epochDay(year: minYear, month: 1, day: 1)
    public static let maxEpochDay: Int64 = epochDay(year: maxYear, month: 12, day: 31)

    public init(epochDay: Int64) { self.epochDay = epochDay }

    /// Nil when the epoch day lies outside the supported years.
    public static func checked(epochDay: Int64) -> LocalDate? {
        guard epochDay >= minEpochDay && epochDay <= maxEpochDay else { return nil }
        return LocalDate(epochDay: epochDay)
    }

    /// Nil when the fields do not name a real calendar day in the supported years.
    public init?(year: Int64, month: Int, day: Int) {
        guard year >= LocalDate.minYear, year <= LocalDate.maxYear, (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.epochDay = LocalDate.epochDay(year: year, month: month, day: day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.epochDay < b.epochDay }

    public static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int64) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func daysIn(year: Int64) -> Int { isLeap(year) ? 366 : 365 }

    // Howard Hinnant's days_from_civil, in 64-bit arithmetic (exact for the supported years).
    static func epochDay(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of this date; the inverse of `epochDay(year:month:day:)`.
    public var components: (year: Int64, month: Int, day: Int) {
        let z = epochDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), Int(m), Int(d))
    }

    public var year: Int64 { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO day of week, Monday = 1 … Sunday = 7.
    public var dayOfWeek: Int {
        let r = (epochDay + 3) % 7
        return Int(r < 0 ? r + 7 : r) + 1
    }

    public var dayOfYear: Int {
        Int(epochDay - LocalDate.epochDay(year: year, month: 1, day: 1)) + 1
    }

    /// `YYYY-MM-DD`; years outside 0…9999 get a sign and at least four digits.
    public var isoString: String {
        let (y, m, d) = components
        return "\(LocalDate.formatYear(y))-\(pad2(m))-\(pad2(d))"
    }

    static func formatYear(_ y: Int64) -> String {
        if y >= 0 && y <= 9999 { return pad(Int(y), 4) }
        let digits = String(y.magnitude)
        let body = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return (y < 0 ? "-" : "+") + body
    }

    /// Reads any ISO 8601 date form the `date()` function accepts (calendar, week, ordinal and
    /// quarter dates, basic or extended); see Temporal+Parse.swift.
    public static func parse(_ text: String) -> LocalDate? {
        guard case .date(let d)? = try? TemporalParser.parse(text, as: .date) else { return nil }
        return d
    }
}

/// Nanoseconds since midnight, 0 ..< 86_400 * 10^9.
public struct LocalTime: Sendable, Hashable, Comparable {
    public var nanosOfDay: Int64
    public init(nanosOfDay: Int64) { self.nanosOfDay = nanosOfDay }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.nanosOfDay < b.nanosOfDay }

    public static let nanosPerDay: Int64 = 86_400_000_000_000
    public static let midnight = LocalTime(nanosOfDay: 0)

    /// Nil when a field is out of its range.
    public init?(hour: Int64, minute: Int64, second: Int64, nanosecond: Int64) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999_999_999).contains(nanosecond)
        else { return nil }
        nanosOfDay = ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + nanosecond
    }

    /// The time `nanos` nanoseconds after midnight, wrapped into one day.
    public static func wrapping(_ nanos: Int64) -> LocalTime {
        let r = nanos % nanosPerDay
        return LocalTime(nanosOfDay: r < 0 ? r + nanosPerDay : r)
    }

    public var hour: Int { Int(nanosOfDay / 3_600_000_000_000) }
    public var minute: Int { Int(nanosOfDay / 60_000_000_000 % 60) }
    public var second: Int { Int(nanosOfDay / 1_000_000_000 % 60) }
    public var nanosecond: Int { Int(nanosOfDay % 1_000_000_000) }
    public var secondOfDay: Int64 { nanosOfDay / 1_000_000_000 }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fffffffff` with trailing zeros trimmed, as the TCK prints.
    public var isoString: String {
        var s = "\(pad2(hour)):\(pad2(minute))"
        if second != 0 || nanosecond != 0 { s += ":\(pad2(second))" }
        if nanosecond != 0 { s += "." + fractionDigits(Int64(nanosecond)) }
        return s
    }
}

/// A duration as openCypher keeps it: months, days and seconds are separate components because
/// months and days have no fixed length.
public struct Duration: Sendable, Hashable {
    public var months: Int64
    public var days: Int64
    public var seconds: Int64
    public var nanoseconds: Int64  // 0 ..< 10^9 after normalisation, sign carried by `seconds`

    /// Carries whole seconds out of `nanoseconds`. Callers keep `seconds` away from the ends of
    /// Int64 (see `checked`); the carry wraps rather than traps if they do not.
    public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) {
        self.months = months
        self.days = days
        let (extra, rest) = Duration.carry(nanoseconds)
        self.seconds = seconds &+ extra
        self.nanoseconds = rest
    }

    /// Whole seconds and the remaining 0 ..< 10^9 nanoseconds of a nanosecond count (floored,
    /// and without the overflow `extra * 10^9` would have at the ends of Int64).
    static func carry(_ nanoseconds: Int64) -> (seconds: Int64, nanoseconds: Int64) {
        var extra = nanoseconds / 1_000_000_000, rest = nanoseconds % 1_000_000_000
        if rest < 0 {
            extra -= 1
            rest += 1_000_000_000
        }
        return (extra, rest)
    }

    /// Nil when carrying the nanoseconds into the seconds overflows.
    public static func checked(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) -> Duration? {
        let (extra, rest) = carry(nanoseconds)
        let (s, o) = seconds.addingReportingOverflow(extra)
        if o { return nil }
        return Duration(months: months, days: days, seconds: s, nanoseconds: rest)
    }

    public static let zero = Duration(months: 0, days: 0, seconds: 0, nanoseconds: 0)

    /// `P1Y2M3DT4H5M6.5S`; `PT0S` for the zero duration. Each unit carries its own sign, the
    /// way java.time prints (`PT-1M-0.001S`, `P-1Y-11M`).
    public var isoString: String {
        var s = "P"
        let years = months / 12, mons = months % 12
        if years != 0 { s += "\(years)Y" }
        if mons != 0 { s += "\(mons)M" }
        if days != 0 { s += "\(days)D" }
        // Seconds and nanoseconds print as one signed decimal: -1 s + 0.6 s is "-0.4S".
        var secs = seconds, nanos = nanoseconds
        let negative = secs < 0
        if negative && nanos > 0 {
            secs += 1
            nanos = 1_000_000_000 - nanos
        }
        let hours = secs / 3600, minutes = (secs % 3600) / 60, rest = secs % 60
        if hours != 0 || minutes != 0 || rest != 0 || nanos != 0 {
            s += "T"
            if hours != 0 { s += "\(hours)H" }
            if minutes != 0 { s += "\(minutes)M" }
            if rest != 0 || nanos != 0 {
                var sec = (negative && rest == 0) ? "-0" : "\(rest)"
                if nanos != 0 { sec += "." + fractionDigits(nanos) }
                s += sec + "S"
            }
        }
        return s == "P" ? "PT0S" : s
    }
}

public enum Temporal: Sendable, Hashable {
    case date(LocalDate)
    case localTime(LocalTime)
    /// A time of day with its UTC offset in seconds.
    case time(LocalTime, offset: Int)
    case localDateTime(LocalDate, LocalTime)
    /// An instant with its offset and, when built from one, the IANA zone name.
    case dateTime(LocalDate, LocalTime, offset: Int, zone: String?)
    case duration(Duration)

    public var typeName: String {
        switch self {
        case .date: return "DATE"
        case .localTime: return "LOCAL TIME"
        case .time: return "ZONED TIME"
        case .localDateTime: return "LOCAL DATETIME"
        case .dateTime: return "ZONED DATETIME"
        case .duration: return "DURATION"
        }
    }

    /// The function that constructs this kind of value, as used in literals: `date('…')`.
    public var constructorName: String { kind.rawValue }

    public var kind: TemporalKind {
        switch self {
        case .date: return .date
        case .localTime: return .localTime
        case .time: return .time
        case .localDateTime: return .localDateTime
        case .dateTime: return .dateTime
        case .duration: return .duration
        }
    }

    public var isoString: String {
        switch self {
        case .date(let d): return d.isoString
        case .localTime(let t): return t.isoString
        case .time(let t, let offset): return t.isoString + formatOffset(offset)
        case .localDateTime(let d, let t): return d.isoString + "T" + t.isoString
        case .dateTime(let d, let t, let offset, let zone):
            let base = d.isoString + "T" + t.isoString + formatOffset(offset)
            if let zone { return base + "[\(zone)]" }
            return base
        case .duration(let d): return d.isoString
        }
    }
}

/// The six temporal types, named by their constructor functions (and JSON `_kind` tags).
public enum TemporalKind: String, Sendable, CaseIterable {
    case date
    case localTime = "localtime"
    case time
    case localDateTime = "localdatetime"
    case dateTime = "datetime"
    case duration

    public var hasDate: Bool { self == .date || self == .localDateTime || self == .dateTime }
    public var hasTime: Bool { self == .localTime || self == .time || self == .localDateTime || self == .dateTime }
    public var hasZone: Bool { self == .time || self == .dateTime }
}

/// Why a temporal value could not be built. The Cypher layer turns it into an ArgumentError.
public struct TemporalError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Text or fields that do not name a value (`2015-13-01`, `{month: 1}` without a year).
        case invalidValue
        /// A result outside the supported range (years beyond ±999,999,999, Int64 overflow).
        case outOfRange
        /// A zone name the database does not hold.
        case unknownTimeZone
        /// No IANA time-zone database on this system.
        case missingTimeZoneDatabase
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func invalid(_ message: String) -> TemporalError { TemporalError(.invalidValue, message) }
    static func range(_ message: String) -> TemporalError { TemporalError(.outOfRange, message) }
}

/// `Z` for UTC, otherwise `+HH:MM` (with `:SS` when the offset has seconds).
public func formatOffset(_ seconds: Int) -> String {
    if seconds == 0 { return "Z" }
    let sign = seconds < 0 ? "-" : "+"
    let a = seconds.magnitude
    var s = "\(sign)\(pad2(Int(a / 3600))):\(pad2(Int(a / 60 % 60)))"
    if a % 60 != 0 { s += ":\(pad2(Int(a % 60)))" }
    return s
}

/// The nine digits of a nanosecond count with trailing zeros removed (`500000000` → `5`).
func fractionDigits(_ nanos: Int64) -> String {
    var frac = pad(Int(nanos), 9)
    while frac.hasSuffix("0") { frac.removeLast() }
    return frac
}

func pad2(_ n: Int) -> String { pad(n, 2) }

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
