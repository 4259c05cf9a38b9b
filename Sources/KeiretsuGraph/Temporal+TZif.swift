// The two formats of the compiled IANA time-zone database: TZif files (RFC 8536) and the
// POSIX TZ rule strings in their footers.
//
// A TZif file lists transition instants and the local time type (UTC offset) in force from
// each; version 1 files store 32-bit instants, version 2+ files repeat the data with 64-bit
// instants and add a footer rule for instants after the last transition. Malformed input is
// refused (nil), never trusted: every count and index is checked against the bytes present.
// The footer rule is POSIX's `std offset [dst [offset] [,start[/time],end[/time]]]`, where
// offsets count west of UTC (`CET-1` is UTC+1) and `start`/`end` are `Mm.w.d` (day d of week w
// of month m, week 5 meaning the last), `Jn` (1…365, never counting February 29) or `n`
// (0…365); times may be negative or exceed 24 hours (RFC 8536 section 3.3.1).

/// Reads TZif files (RFC 8536).
enum TZifReader {
    static func read(_ bytes: [UInt8]) -> TimeZoneRules? {
        var reader = ByteReader(bytes: bytes)
        guard let header = reader.header() else { return nil }
        if header.version == 0 {
            return reader.body(header, timeSize: 4)
        }
        // Skip the 32-bit body, then read the 64-bit one and the footer.
        guard reader.skip(header.bodyLength(timeSize: 4)), let header2 = reader.header(),
            var rules = reader.body(header2, timeSize: 8)
        else { return nil }
        if reader.next() == UInt8(ascii: "\n") {
            var footer: [UInt8] = []
            while let c = reader.next(), c != UInt8(ascii: "\n") { footer.append(c) }
            rules.rule = PosixTimeZoneRule(String(decoding: footer, as: UTF8.self))
        }
        return rules
    }

    struct Header {
        var version: UInt8
        var isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt: Int

        func bodyLength(timeSize: Int) -> Int {
            timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        }
    }

    struct ByteReader {
        let bytes: [UInt8]
        var i = 0

        mutating func next() -> UInt8? {
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return bytes[i]
        }

        mutating func skip(_ n: Int) -> Bool {
            guard n >= 0, i + n <= bytes.count else { return false }
            i += n
            return true
        }

        mutating func int(_ size: Int) -> Int64? {
            guard i + size <= bytes.count else { return nil }
            var v: UInt64 = 0
            for k in 0..<size { v = v << 8 | UInt64(bytes[i + k]) }
            i += size
            // Sign-extend from `size` bytes.
            let shift = UInt64(64 - size * 8)
            return Int64(bitPattern: v << shift) >> Int64(shift)
        }

        mutating func header() -> Header? {
            guard i + 44 <= bytes.count, bytes[i] == 0x54, bytes[i + 1] == 0x5A, bytes[i + 2] == 0x69, bytes[i + 3] == 0x66
            else { return nil }
            let version = bytes[i + 4] == 0 ? 0 : bytes[i + 4] - 0x30
            i += 20
            var counts: [Int] = []
            for _ in 0..<6 {
                guard let c = int(4), c >= 0, c < 1_000_000 else { return nil }
                counts.append(Int(c))
            }
            return Header(version: version, isutcnt: counts[0], isstdcnt: counts[1], leapcnt: counts[2],
                          timecnt: counts[3], typecnt: counts[4], charcnt: counts[5])
        }

        mutating func body(_ h: Header, timeSize: Int) -> TimeZoneRules? {
            guard h.typecnt > 0 else { return nil }
            var times: [Int64] = []
            for _ in 0..<h.timecnt {
                guard let t = int(timeSize) else { return nil }
                times.append(t)
            }
            var indices: [Int] = []
            for _ in 0..<h.timecnt {
                guard let x = next(), Int(x) < h.typecnt else { return nil }
                indices.append(Int(x))
            }
            var typeOffsets: [Int] = []
            for _ in 0..<h.typecnt {
                guard let off = int(4), next() != nil, next() != nil else { return nil }
                typeOffsets.append(Int(off))
            }
            guard skip(h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt) else { return nil }
            var rules = TimeZoneRules()
            rules.transitions = times
            rules.offsets = indices.map { typeOffsets[$0] }
            rules.initialOffset = typeOffsets[0]
            return rules
        }
    }
}

/// A POSIX TZ rule string, as found in TZif footers: `std offset [dst [offset] [,start[/time],end[/time]]]`.
struct PosixTimeZoneRule: Sendable {
    enum DateRule: Sendable {
        case julianNoLeap(Int)  // Jn: 1…365, February 29 never counted
        case zeroBased(Int)  // n: 0…365
        case monthWeekDay(month: Int, week: Int, weekday: Int)  // Mm.w.d, weekday 0 = Sunday
    }

    var standardOffset: Int  // seconds east of UTC
    var daylightOffset: Int?
    var start: (DateRule, Int)?  // rule and local time of day in seconds (may be negative or > 24 h)
    var end: (DateRule, Int)?

    func offset(atEpochSecond t: Int64) -> Int {
        guard let dst = daylightOffset, let start, let end else { return standardOffset }
        let year = LocalDate(epochDay: floorDiv(t + Int64(standardOffset), 86_400)).year
        let s = PosixTimeZoneRule.instant(start.0, start.1, year: year) - Int64(standardOffset)
        let e = PosixTimeZoneRule.instant(end.0, end.1, year: year) - Int64(dst)
        if s < e { return (t >= s && t < e) ? dst : standardOffset }
        return (t >= e && t < s) ? standardOffset : dst
    }

    /// Local seconds since the epoch at which the rule fires in `year`.
    static func instant(_ rule: DateRule, _ time: Int, year: Int64) -> Int64 {
        let jan1 = LocalDate.epochDay(year: year, month: 1, day: 1)
        var day: Int64
        switch rule {
        case .julianNoLeap(let n):
            day = jan1 + Int64(n) - 1
            if LocalDate.isLeap(year) && n >= 60 { day += 1 }
        case .zeroBased(let n):
            day = jan1 + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = LocalDate.epochDay(year: year, month: month, day: 1)
            let firstWeekday = LocalDate(epochDay: first).dayOfWeek % 7  // Sunday = 0
            var dom = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = LocalDate.daysIn(month: month, year: year)
            while dom > length { dom -= 7 }
            day = first + Int64(dom - 1)
        }
        return day * 86_400 + Int64(time)
    }

    /// Parses a footer; nil for an empty or unreadable one (the transitions then stand alone).
    init?(_ text: String) {
        var s = Array(text.utf8)[...]
        func name() -> Bool {
            if s.first == UInt8(ascii: "<") {
                guard let close = s.firstIndex(of: UInt8(ascii: ">")) else { return false }
                s = s[(close + 1)...]
                return true
            }
            var n = 0
            while let c = s.first, (c >= 65 && c <= 90) || (c >= 97 && c <= 122) {
                s = s.dropFirst()
                n += 1
            }
            return n >= 3
        }
        func number() -> Int? {
            var v = 0, n = 0
            while let c = s.first, c >= 48 && c <= 57 {
                v = v * 10 + Int(c - 48)
                s = s.dropFirst()
                n += 1
                if n > 6 { return nil }
            }
            return n > 0 ? v : nil
        }
        func hms() -> Int? {
            var sign = 1
            if s.first == UInt8(ascii: "+") { s = s.dropFirst() } else if s.first == UInt8(ascii: "-") {
                sign = -1
                s = s.dropFirst()
            }
            guard let h = number() else { return nil }
            var total = h * 3600
            if s.first == UInt8(ascii: ":") {
                s = s.dropFirst()
                guard let m = number() else { return nil }
                total += m * 60
                if s.first == UInt8(ascii: ":") {
                    s = s.dropFirst()
                    guard let sec = number() else { return nil }
                    total += sec
                }
            }
            return sign * total
        }
        func dateRule() -> (DateRule, Int)? {
            var rule: DateRule
            if s.first == UInt8(ascii: "M") {
                s = s.dropFirst()
                guard let m = number(), s.first == UInt8(ascii: ".") else { return nil }
                s = s.dropFirst()
                guard let w = number(), s.first == UInt8(ascii: ".") else { return nil }
                s = s.dropFirst()
                guard let d = number(), (1...12).contains(m), (1...5).contains(w), (0...6).contains(d) else { return nil }
                rule = .monthWeekDay(month: m, week: w, weekday: d)
            } else if s.first == UInt8(ascii: "J") {
                s = s.dropFirst()
                guard let n = number(), (1...365).contains(n) else { return nil }
                rule = .julianNoLeap(n)
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                rule = .zeroBased(n)
            }
            var time = 7200
            if s.first == UInt8(ascii: "/") {
                s = s.dropFirst()
                guard let t = hms() else { return nil }
                time = t
            }
            return (rule, time)
        }

        guard !s.isEmpty, name(), let std = hms() else { return nil }
        standardOffset = -std  // POSIX counts west of UTC as positive
        if s.isEmpty { return }
        guard name() else { return nil }
        if let c = s.first, c != UInt8(ascii: ",") {
            guard let dst = hms() else { return nil }
            daylightOffset = -dst
        } else {
            daylightOffset = standardOffset + 3600
        }
        // A daylight name without rules: POSIX's default is the US rule.
        if s.isEmpty {
            start = (.monthWeekDay(month: 3, week: 2, weekday: 0), 7200)
            end = (.monthWeekDay(month: 11, week: 1, weekday: 0), 7200)
            return
        }
        guard s.first == UInt8(ascii: ",") else { return nil }
        s = s.dropFirst()
        guard let a = dateRule(), s.first == UInt8(ascii: ",") else { return nil }
        s = s.dropFirst()
        guard let b = dateRule(), s.isEmpty else { return nil }
        start = a
        end = b
    }
}
