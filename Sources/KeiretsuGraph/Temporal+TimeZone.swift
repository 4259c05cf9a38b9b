// Time zones: offsets by IANA name, read from the system's time-zone database.
//
// Rules (documented here because this is where they are implemented):
//   - Zone names (`Europe/Stockholm`) are looked up in the compiled IANA database that Debian's
//     `tzdata` package installs under /usr/share/zoneinfo (or under $TZDIR when set). The files
//     are TZif (RFC 8536, read in Temporal+TZif.swift): the 64-bit body of version 2+ files,
//     the 32-bit body of version 1 files. Nothing is bundled: when the directory is missing
//     the error says so, and an unknown name is an error naming the directory searched.
//     Parsed zones are cached for the life of the process.
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
