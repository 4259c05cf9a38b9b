// Time zones: offsets by IANA name, read from the system's time-zone database.
//
// Rules (documented here because this is where they are implemented):
//   - Zone names (`Europe/Stockholm`) are looked up in the compiled IANA database that Debian's
//     `tzdata` package installs under /usr/share/zoneinfo (or under $TZDIR when set). The files
//     are TZif (RFC 8536); we read the 64-bit body of version 2+ files and fall back to the
//     32-bit body of version 1 files. Nothing is bundled: when the directory is missing the
//     error says so, and an unknown name is an error naming the directory searched.
//   - Before the first transition the zone's first local time type applies (usually local
//     mean time, which has second-precision offsets: Stockholm in 1818 is `+01:12:12` in
//     Debian's tzdata). Note that the TCK expects `+00:53:28` there, which is Berlin's local
//     mean time: Java's database links Stockholm to Berlin for such dates, Debian's does not.
//   - After the last transition the POSIX TZ string in the file's footer (`CET-1CEST,M3.5.0,
//     M10.5.0/3`) gives the offset, so dates in any future year resolve.
//   - A local date-time that falls in a gap (clocks moved forward) is moved forward by the
//     length of the gap; one that falls in an overlap (clocks moved back) takes the earlier
//     offset unless the caller prefers the other valid one. These are java.time's rules
//     (`ZonedDateTime.ofLocal`), which Neo4j and the TCK follow.
//   - Fixed offsets (`+01:00`, `-02:05:07`, `Z`) range over ±18:00, as in java.time.

import Foundation

/// A time zone as a value carries it: a fixed offset in seconds or an IANA name.
public enum TimeZoneID: Sendable, Hashable {
    case offset(Int)
    case named(String)

    public static let utc = TimeZoneID.offset(0)

    /// Parses `Z`, `+HH`, `+HHMM`, `+HH:MM`, `+HH:MM:SS` or an IANA name (checked against the
    /// database).
    public static func parse(_ text: String) throws -> TimeZoneID {
        if let first = text.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || text == "Z" || text == "z" {
            var scanner = TextScanner(text)
            guard let offset = try scanner.offset(), scanner.atEnd else {
                throw TemporalError.invalid("'\(text)' is not a time-zone offset")
            }
            return .offset(offset)
        }
        _ = try TimeZoneDatabase.shared.rules(for: text)
        return .named(text)
    }

    /// The UTC offset in force at an instant (seconds since the epoch).
    public func offset(atEpochSecond t: Int64) throws -> Int {
        switch self {
        case .offset(let o): return o
        case .named(let name): return try TimeZoneDatabase.shared.rules(for: name).offset(atEpochSecond: t)
        }
    }

    /// The offset to use for a local date-time (seconds since the epoch as if it were UTC),
    /// with the local time moved forward when it falls in a gap.
    public func resolve(local: Int64, preferring preferred: Int? = nil) throws -> (offset: Int, local: Int64) {
        switch self {
        case .offset(let o): return (o, local)
        case .named(let name): return try TimeZoneDatabase.shared.rules(for: name).resolve(local: local, preferring: preferred)
        }
    }

    /// The name kept on a datetime: the IANA name, or nil for a fixed offset.
    public var name: String? {
        if case .named(let n) = self { return n }
        return nil
    }
}

/// The offsets of one named zone over time.
public struct TimeZoneRules: Sendable {
    /// Transition instants (seconds since the epoch), ascending.
    var transitions: [Int64] = []
    /// The offset in force from each transition on.
    var offsets: [Int] = []
    /// The offset before the first transition.
    var initialOffset = 0
    /// The footer rule for instants after the last transition.
    var rule: PosixTimeZoneRule?

    public func offset(atEpochSecond t: Int64) -> Int {
        guard let last = transitions.last else { return rule?.offset(atEpochSecond: t) ?? initialOffset }
        if t >= last, let rule { return rule.offset(atEpochSecond: t) }
        if t < transitions[0] { return initialOffset }
        // The last transition at or before t.
        var lo = 0, hi = transitions.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if transitions[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// See `TimeZoneID.resolve`. Offsets stay within ±18 hours, so every transition that can
    /// affect a local time lies within a day of it; probing offsets around it finds them.
    func resolve(local: Int64, preferring preferred: Int?) -> (offset: Int, local: Int64) {
        var candidates: [Int] = []
        for probe in [-86_400, -43_200, 0, 43_200, 86_400] as [Int64] {
            let o = offset(atEpochSecond: local + probe)
            if !candidates.contains(o) { candidates.append(o) }
        }
        let valid = candidates.filter { offset(atEpochSecond: local - Int64($0)) == $0 }
        if let preferred, valid.contains(preferred) { return (preferred, local) }
        // In an overlap the larger offset gives the earlier instant.
        if let best = valid.max() { return (best, local) }
        // A gap: take the instant the local time would have had with the offset before the
        // gap, and show it with the offset after it.
        let before = offset(atEpochSecond: local - 86_400)
        let instant = local - Int64(before)
        let after = offset(atEpochSecond: instant)
        return (after, instant + Int64(after))
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

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

/// The compiled IANA database on disk, with parsed zones cached for the process's lifetime.
public final class TimeZoneDatabase: @unchecked Sendable {
    // @unchecked: `cache` is only touched while holding `lock`.
    public static let shared = TimeZoneDatabase()

    private let lock = NSLock()
    private var cache: [String: TimeZoneRules] = [:]
    public let directory: String

    public init(directory: String? = nil) {
        if let directory {
            self.directory = directory
        } else if let env = ProcessInfo.processInfo.environment["TZDIR"], !env.isEmpty {
            self.directory = env
        } else {
            self.directory = "/usr/share/zoneinfo"
        }
    }

    /// The rules of a named zone; an error when the name is malformed or unknown, or when the
    /// database is missing.
    public func rules(for name: String) throws -> TimeZoneRules {
        lock.lock()
        if let r = cache[name] {
            lock.unlock()
            return r
        }
        lock.unlock()
        let rules = try load(name)
        lock.lock()
        cache[name] = rules
        lock.unlock()
        return rules
    }

    private func load(_ name: String) throws -> TimeZoneRules {
        // Names are paths under the database directory: refuse anything that could leave it.
        let allowed = name.utf8.allSatisfy { c in
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
                || c == UInt8(ascii: "/") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, allowed, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw TemporalError(.unknownTimeZone, "'\(name)' is not a time-zone name")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemporalError(.missingTimeZoneDatabase,
                                "cannot resolve time zone '\(name)': no IANA time-zone database at \(directory) (install tzdata or set TZDIR)")
        }
        let path = directory + "/" + name
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw TemporalError(.unknownTimeZone, "unknown time zone '\(name)' (not in \(directory))")
        }
        guard let rules = TZifReader.read([UInt8](data)) else {
            throw TemporalError(.unknownTimeZone, "time zone '\(name)': \(path) is not a TZif file")
        }
        return rules
    }
}

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

/// The current instant from the system clock, to the nanosecond where the platform gives it.
public struct EpochInstant: Sendable, Hashable {
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func now() -> EpochInstant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return EpochInstant(seconds: Int64(ts.tv_sec), nanoseconds: Int64(ts.tv_nsec))
    }
}
