// Temporal values: the openCypher date/time family.
//
// Dates use the proleptic Gregorian calendar and count days from 1970-01-01 (the "epoch day"),
// which makes comparison and duration arithmetic plain integer work. Times count nanoseconds
// since midnight. Zoned values keep their UTC offset in seconds and, when given, the IANA zone
// name they were built from.
//
// Text forms follow the TCK: `2015-07-21`, `12:31:14.645876123`, `12:31:14+01:00`,
// `2015-07-21T21:40:32.142`, `2015-07-21T21:40:32.142+02:00[Europe/Stockholm]`, `P1Y2M3DT4H5M6S`.

public struct LocalDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var epochDay: Int64

    public init(epochDay: Int64) { self.epochDay = epochDay }

    /// Nil when the fields do not name a real calendar day.
    public init?(year: Int64, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
            abs(year) <= 999_999_999
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

    // Howard Hinnant's days_from_civil, in 64-bit arithmetic.
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
        let digits = String(abs(y))
        let body = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return (y < 0 ? "-" : "+") + body
    }

    /// Parses `YYYY-MM-DD` (also `YYYYMMDD`); the calendar forms with weeks, ordinals and
    /// quarters belong to the full temporal parser.
    public static func parse(_ text: String) -> LocalDate? {
        let s = Array(text.utf8)
        var i = 0
        var sign: Int64 = 1
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
        }
        func digits(_ n: Int) -> Int64? {
            guard i + n <= s.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + n) {
                guard s[k] >= 48 && s[k] <= 57 else { return nil }
                v = v * 10 + Int64(s[k] - 48)
            }
            i += n
            return v
        }
        var yearDigits = 0
        while i + yearDigits < s.count, s[i + yearDigits] >= 48, s[i + yearDigits] <= 57 { yearDigits += 1 }
        let dashed = i + yearDigits < s.count && s[i + yearDigits] == UInt8(ascii: "-")
        let yLen = dashed ? yearDigits : 4
        guard yLen >= 4, let y = digits(yLen) else { return nil }
        if dashed { i += 1 }
        guard let m = digits(2) else { return nil }
        if dashed {
            guard i < s.count, s[i] == UInt8(ascii: "-") else { return nil }
            i += 1
        }
        guard let d = digits(2), i == s.count else { return nil }
        return LocalDate(year: sign * y, month: Int(m), day: Int(d))
    }
}

/// Nanoseconds since midnight, 0 ..< 86_400 * 10^9.
public struct LocalTime: Sendable, Hashable, Comparable {
    public var nanosOfDay: Int64
    public init(nanosOfDay: Int64) { self.nanosOfDay = nanosOfDay }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.nanosOfDay < b.nanosOfDay }

    public var hour: Int { Int(nanosOfDay / 3_600_000_000_000) }
    public var minute: Int { Int(nanosOfDay / 60_000_000_000 % 60) }
    public var second: Int { Int(nanosOfDay / 1_000_000_000 % 60) }
    public var nanosecond: Int { Int(nanosOfDay % 1_000_000_000) }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fffffffff` with trailing zeros trimmed, as the TCK prints.
    public var isoString: String {
        var s = "\(pad2(hour)):\(pad2(minute))"
        if second != 0 || nanosecond != 0 { s += ":\(pad2(second))" }
        if nanosecond != 0 {
            var frac = pad(nanosecond, 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            s += "." + frac
        }
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

    public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) {
        self.months = months
        self.days = days
        let extra = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        self.seconds = seconds + extra
        self.nanoseconds = nanoseconds - extra * 1_000_000_000
    }

    /// `P1Y2M3DT4H5M6.5S`; `PT0S` for the zero duration.
    public var isoString: String {
        var s = "P"
        let years = months / 12, mons = months % 12
        if years != 0 { s += "\(years)Y" }
        if mons != 0 { s += "\(mons)M" }
        if days != 0 { s += "\(days)D" }
        // Seconds and nanoseconds print as one signed decimal: -1 s + 0.5 s is "-0.5S".
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
                if nanos != 0 {
                    var frac = pad(Int(nanos), 9)
                    while frac.hasSuffix("0") { frac.removeLast() }
                    sec += "." + frac
                }
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
    public var constructorName: String {
        switch self {
        case .date: return "date"
        case .localTime: return "localtime"
        case .time: return "time"
        case .localDateTime: return "localdatetime"
        case .dateTime: return "datetime"
        case .duration: return "duration"
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

/// `Z` for UTC, otherwise `+HH:MM` (with `:SS` when the offset has seconds).
public func formatOffset(_ seconds: Int) -> String {
    if seconds == 0 { return "Z" }
    let sign = seconds < 0 ? "-" : "+"
    let a = abs(seconds)
    var s = "\(sign)\(pad2(a / 3600)):\(pad2(a / 60 % 60))"
    if a % 60 != 0 { s += ":\(pad2(a % 60))" }
    return s
}

func pad2(_ n: Int) -> String { pad(n, 2) }

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
