// Reading temporal values from ISO 8601 text, the forms `date('…')`, `datetime('…')` … accept
// and the JSON `{"_kind": …, "value": …}` objects carry.
//
//   date           2015-07-21  20150721  2015-07  201507  2015  (calendar)
//                  2015-W30-2  2015W302  2015-W30  2015W30      (ISO week; no day = Monday)
//                  2015-202  2015202                            (ordinal)
//                  2015-Q3-21  2015Q321  2015-Q3  2015Q3        (quarter; no day = first)
//                  years outside 0000…9999 need a sign: +10000-01-01, -999999999-01-01, and
//                  then only the extended (dashed) forms
//   localtime      21:40:32.142  214032.142  21:40:32  214032  21:40  2140  21
//                  (up to nine fractional digits, '.' or ',')
//   time           a local time and an offset: Z  +01  +0100  +01:00  +01:00:30 (±18:00 at most);
//                  no offset means UTC
//   localdatetime  date 'T' localtime (the time may be left out: midnight)
//   datetime       localdatetime, then an optional offset and an optional [Zone/Name];
//                  with both, the offset must be one the zone has at that local time (Neo4j's
//                  rule); with neither, UTC
//   duration       [-]P nY nM nW nD T nH nM nS, each number signed and optionally fractional
//                  (P5M1.5D, PT-1M-0.001S), or the alternative form P2012-02-02T14:37:21.545
//
// Errors are TemporalError.invalidValue naming the text.

struct TextScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func consume(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue, let p = peek else { return false }
        // Letters match either case (`t`, `z`, `w`, `q`, `p` as well as `T` …).
        let lower = p >= 65 && p <= 90 ? p + 32 : p
        let want = ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii
        guard lower == want else { return false }
        i += 1
        return true
    }

    static func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 48 && $0 <= 57 } ?? false }

    /// How many digits follow.
    var digitRun: Int {
        var n = 0
        while i + n < bytes.count, TextScanner.isDigit(bytes[i + n]) { n += 1 }
        return n
    }

    /// Exactly `n` digits, or nil (consuming nothing).
    mutating func digits(_ n: Int) -> Int64? {
        guard n > 0, n <= 18, digitRun >= n else { return nil }
        var v: Int64 = 0
        for k in i..<(i + n) { v = v * 10 + Int64(bytes[k] - 48) }
        i += n
        return v
    }

    /// `.fff` or `,fff`: one to nine digits as nanoseconds; nil when there is no fraction.
    mutating func fraction() throws -> Int64? {
        guard let p = peek, p == UInt8(ascii: ".") || p == UInt8(ascii: ",") else { return nil }
        i += 1
        let n = digitRun
        guard n >= 1, n <= 9, let v = digits(n) else {
            throw TemporalError.invalid("a fraction of a second has one to nine digits")
        }
        var nanos = v
        for _ in n..<9 { nanos *= 10 }
        return nanos
    }

    /// `Z` or `±HH[[:]MM[[:]SS]]` in seconds east of UTC; nil when no offset follows.
    mutating func offset() throws -> Int? {
        if consume("Z") { return 0 }
        guard let p = peek, p == UInt8(ascii: "+") || p == UInt8(ascii: "-") else { return nil }
        let sign = p == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let h = digits(2) else { throw TemporalError.invalid("an offset needs two hour digits") }
        var m: Int64 = 0, s: Int64 = 0
        if consume(":") {
            guard let mm = digits(2) else { throw TemporalError.invalid("an offset needs two minute digits") }
            m = mm
            if consume(":") {
                guard let ss = digits(2) else { throw TemporalError.invalid("an offset needs two second digits") }
                s = ss
            }
        } else if let mm = digits(2) {
            m = mm
            if let ss = digits(2) { s = ss }
        }
        let total = Int((h * 60 + m) * 60 + s)
        guard m < 60, s < 60, total <= 18 * 3600 else {
            throw TemporalError.invalid("offsets range over -18:00 to +18:00")
        }
        return sign * total
    }
}

enum TemporalParser {
    /// Parses `text` as a value of `kind`.
    static func parse(_ text: String, as kind: TemporalKind) throws -> Temporal {
        do {
            var s = TextScanner(text)
            let value: Temporal
            switch kind {
            case .date:
                value = .date(try s.date())
            case .localTime:
                value = .localTime(try s.time())
            case .time:
                let t = try s.time()
                value = .time(t, offset: try s.offset() ?? 0)
            case .localDateTime:
                let d = try s.date()
                let t = s.consume("T") ? try s.time() : .midnight
                value = .localDateTime(d, t)
            case .dateTime:
                let d = try s.date()
                let t = s.consume("T") ? try s.time() : .midnight
                let offset = try s.offset()
                var zone: TimeZoneID?
                if s.consume("[") {
                    let start = s.i
                    while let c = s.peek, c != UInt8(ascii: "]") { s.i += 1 }
                    let name = String(decoding: s.bytes[start..<s.i], as: UTF8.self)
                    guard s.consume("]") else { throw TemporalError.invalid("a zone name ends with ']'") }
                    zone = try TimeZoneID.parse(name)
                }
                value = try zonedFromText(d, t, offset: offset, zone: zone)
            case .duration:
                value = .duration(try s.duration())
            }
            guard s.atEnd else { throw TemporalError.invalid("unexpected text after the value") }
            return value
        } catch let e as TemporalError where e.kind == .invalidValue {
            throw TemporalError.invalid("'\(text)' is not a valid \(kind.rawValue) (\(e.message))")
        }
    }

    /// A parsed datetime: the offset alone, the zone alone (gaps moved forward, overlaps the
    /// earlier offset), or both when they agree.
    static func zonedFromText(_ d: LocalDate, _ t: LocalTime, offset: Int?, zone: TimeZoneID?) throws -> Temporal {
        switch (offset, zone) {
        case (let o?, nil): return .dateTime(d, t, offset: o, zone: nil)
        case (nil, nil): return .dateTime(d, t, offset: 0, zone: nil)
        case (let o, let z?):
            let local = d.epochDay * 86_400 + t.secondOfDay
            let resolved = try z.resolve(local: local, preferring: o)
            if let o, resolved.offset != o || resolved.local != local {
                throw TemporalError.invalid("the offset \(formatOffset(o)) does not match the time zone at that time")
            }
            return try ZonedDateTime.fromLocal(seconds: resolved.local, nanos: Int64(t.nanosecond),
                                               offset: resolved.offset, zone: z)
        }
    }
}

extension TextScanner {
    /// See the table at the top of the file.
    mutating func date() throws -> LocalDate {
        var year: Int64
        var signed = false
        if let p = peek, p == UInt8(ascii: "+") || p == UInt8(ascii: "-") {
            i += 1
            let n = digitRun
            guard n >= 1, n <= 9, let y = digits(n) else { throw TemporalError.invalid("a signed year has one to nine digits") }
            year = p == UInt8(ascii: "-") ? -y : y
            signed = true
        } else {
            guard let y = digits(4) else { throw TemporalError.invalid("a date starts with a four-digit year") }
            year = y
        }
        func fail() -> TemporalError { TemporalError.invalid("no such date") }
        if atEnd || peek == UInt8(ascii: "T") || peek == UInt8(ascii: "t") {
            guard let d = LocalDate(year: year, month: 1, day: 1) else { throw fail() }
            return d
        }
        let extended = consume("-")
        guard extended || !signed else { throw TemporalError.invalid("a signed year needs the extended (dashed) form") }
        if consume("W") {
            guard let week = digits(2) else { throw TemporalError.invalid("a week has two digits") }
            var dow: Int64 = 1
            if extended {
                if consume("-") {
                    guard let d = digits(1) else { throw TemporalError.invalid("a day of the week has one digit") }
                    dow = d
                }
            } else if let d = digits(1) {
                dow = d
            }
            guard let date = LocalDate(weekYear: year, week: week, dayOfWeek: dow) else { throw fail() }
            return date
        }
        if consume("Q") {
            guard let q = digits(1) else { throw TemporalError.invalid("a quarter has one digit") }
            var doq: Int64 = 1
            if extended {
                if consume("-") {
                    guard let d = digits(2) else { throw TemporalError.invalid("a day of the quarter has two digits") }
                    doq = d
                }
            } else if let d = digits(2) {
                doq = d
            }
            guard let date = LocalDate(year: year, quarter: q, dayOfQuarter: doq) else { throw fail() }
            return date
        }
        let run = digitRun
        var month: Int64 = 1, day: Int64 = 1
        switch (extended, run) {
        case (_, 3):
            guard let ordinal = digits(3), let date = LocalDate(year: year, ordinalDay: ordinal) else { throw fail() }
            return date
        case (true, 2):
            month = digits(2) ?? 0
            if consume("-") {
                guard let d = digits(2) else { throw TemporalError.invalid("a day has two digits") }
                day = d
            }
        case (false, 2):
            month = digits(2) ?? 0
        case (false, 4):
            month = digits(2) ?? 0
            day = digits(2) ?? 0
        default:
            throw TemporalError.invalid("expected a month, week, quarter or ordinal day")
        }
        guard month >= 1, month <= 12, day >= 1, day <= 31,
            let date = LocalDate(year: year, month: Int(month), day: Int(day))
        else { throw fail() }
        return date
    }

    /// See the table at the top of the file.
    mutating func time() throws -> LocalTime {
        guard let h = digits(2) else { throw TemporalError.invalid("a time starts with a two-digit hour") }
        var m: Int64 = 0, s: Int64 = 0, nanos: Int64 = 0
        if consume(":") {
            guard let mm = digits(2) else { throw TemporalError.invalid("minutes have two digits") }
            m = mm
            if consume(":") {
                guard let ss = digits(2) else { throw TemporalError.invalid("seconds have two digits") }
                s = ss
                nanos = try fraction() ?? 0
            }
        } else if let mm = digits(2) {
            m = mm
            if let ss = digits(2) {
                s = ss
                nanos = try fraction() ?? 0
            }
        }
        guard let t = LocalTime(hour: h, minute: m, second: s, nanosecond: nanos) else {
            throw TemporalError.invalid("no such time of day")
        }
        return t
    }

    /// See the table at the top of the file.
    mutating func duration() throws -> Duration {
        var sign: Int64 = 1
        if consume("-") { sign = -1 } else { _ = consume("+") }
        guard consume("P") else { throw TemporalError.invalid("a duration starts with P") }
        var builder = DurationBuilder()
        // The alternative form: P2012-02-02T14:37:21.545.
        if digitRun == 4, i + 4 < bytes.count, bytes[i + 4] == UInt8(ascii: "-") {
            guard let y = digits(4), consume("-"), let mo = digits(2), consume("-"), let d = digits(2) else {
                throw TemporalError.invalid("expected PYYYY-MM-DD")
            }
            try builder.add(.int(sign * y), .years)
            try builder.add(.int(sign * mo), .months)
            try builder.add(.int(sign * d), .days)
            if consume("T") {
                guard let h = digits(2), consume(":"), let mi = digits(2), consume(":"), let s = digits(2) else {
                    throw TemporalError.invalid("expected THH:MM:SS")
                }
                try builder.add(.int(sign * h), .hours)
                try builder.add(.int(sign * mi), .minutes)
                try builder.add(.int(sign * s), .seconds)
                if let n = try fraction() { try builder.add(.int(sign * n), .nanoseconds) }
            }
            return try builder.build()
        }
        let dateUnits: [(Character, DurationUnit)] = [("Y", .years), ("M", .months), ("W", .weeks), ("D", .days)]
        let timeUnits: [(Character, DurationUnit)] = [("H", .hours), ("M", .minutes), ("S", .seconds)]
        var any = false
        func components(_ units: [(Character, DurationUnit)]) throws {
            var next = 0
            while let p = peek, p == UInt8(ascii: "-") || p == UInt8(ascii: "+") || TextScanner.isDigit(p) {
                let (whole, frac) = try number()
                guard let k = units[next...].firstIndex(where: { consume($0.0) }) else {
                    throw TemporalError.invalid("expected a unit letter in order")
                }
                try builder.add(.int(sign * whole), units[k].1)
                if frac != 0 { try builder.add(.double(Double(sign) * frac), units[k].1) }
                next = k + 1
                any = true
            }
        }
        try components(dateUnits)
        if consume("T") {
            let before = any
            any = false
            try components(timeUnits)
            guard any else { throw TemporalError.invalid("T must be followed by hours, minutes or seconds") }
            any = any || before
        }
        guard any else { throw TemporalError.invalid("a duration needs at least one component") }
        return try builder.build()
    }

    /// `[+-]digits[(.|,)digits]` as an exact integer part and a fractional part of the same sign.
    mutating func number() throws -> (Int64, Double) {
        var negative = false
        if consume("-") { negative = true } else { _ = consume("+") }
        let n = digitRun
        guard n >= 1, n <= 18, let whole = digits(n) else { throw TemporalError.invalid("expected a number") }
        var frac = 0.0
        if let p = peek, p == UInt8(ascii: ".") || p == UInt8(ascii: ",") {
            i += 1
            let m = digitRun
            guard m >= 1 else { throw TemporalError.invalid("expected digits after the decimal point") }
            // Digits past the eighteenth cannot change a Double; read them and drop them.
            let kept = min(m, 18)
            var v: Int64 = 0, scale = 1.0
            for k in i..<(i + kept) {
                v = v * 10 + Int64(bytes[k] - 48)
                scale *= 10
            }
            frac = Double(v) / scale
            i += m
        }
        return negative ? (-whole, -frac) : (whole, frac)
    }
}

extension Temporal {
    /// Parses ISO 8601 text as a value of the given kind; see Temporal+Parse.swift for the forms.
    public static func parse(_ text: String, as kind: TemporalKind) throws -> Temporal {
        try TemporalParser.parse(text, as: kind)
    }
}
