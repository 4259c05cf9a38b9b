// Zoned datetimes: building them from local fields or from instants, and reading their
// instant back.
//
// A datetime's instant is its local date-time minus its offset. Building one from local
// fields in a named zone goes through `TimeZoneID.resolve` (gaps move forward, overlaps take
// the earlier offset or the preferred one); building one from an instant takes the zone's
// offset at that instant. Every step checks the year range instead of wrapping.
// The clock that "now" comes from is here too.

import Foundation

extension Temporal {
    /// Seconds since the epoch that keep every supported date-time (with any offset) safely
    /// inside Int64 arithmetic.
    static let epochSecondLimit: Int64 = (LocalDate.maxEpochDay + 2) * 86_400

    /// A datetime at local `date`/`time` in `zone`.
    public static func zonedDateTime(_ date: LocalDate, _ time: LocalTime, zone: TimeZoneID,
                                     preferring preferred: Int? = nil) throws -> Temporal {
        let local = date.epochDay * 86_400 + time.secondOfDay
        let resolved = try zone.resolve(local: local, preferring: preferred)
        return try ZonedDateTime.fromLocal(seconds: resolved.local, nanos: Int64(time.nanosecond),
                                           offset: resolved.offset, zone: zone)
    }

    /// The datetime at an instant, shown in `zone`.
    public static func zonedDateTime(epochSecond: Int64, nanos: Int64, zone: TimeZoneID) throws -> Temporal {
        guard epochSecond > -epochSecondLimit, epochSecond < epochSecondLimit else {
            throw TemporalError.range("the instant \(epochSecond) s from the epoch is out of range")
        }
        let offset = try zone.offset(atEpochSecond: epochSecond)
        return try ZonedDateTime.fromLocal(seconds: epochSecond + Int64(offset), nanos: nanos, offset: offset, zone: zone)
    }

    /// Seconds since the epoch and the nanosecond of that second, for a zoned datetime.
    public var instant: (seconds: Int64, nanos: Int64)? {
        guard case .dateTime(let d, let t, let offset, _) = self else { return nil }
        return (d.epochDay * 86_400 + t.secondOfDay - Int64(offset), Int64(t.nanosecond))
    }

    /// The zone of a zoned value: its name, or its fixed offset.
    public var zoneID: TimeZoneID? {
        switch self {
        case .time(_, let offset): return .offset(offset)
        case .dateTime(_, _, let offset, let zone):
            if let zone { return .named(zone) }
            return .offset(offset)
        default: return nil
        }
    }
}

enum ZonedDateTime {
    /// A datetime from local seconds since the epoch (as if UTC), nanoseconds and the offset
    /// already chosen for them.
    static func fromLocal(seconds: Int64, nanos: Int64, offset: Int, zone: TimeZoneID) throws -> Temporal {
        let day = floorDiv(seconds, 86_400)
        guard let date = LocalDate.checked(epochDay: day) else {
            throw TemporalError.range("the date is outside years -999999999 to 999999999")
        }
        let time = LocalTime(nanosOfDay: floorMod(seconds, 86_400) * 1_000_000_000 + nanos)
        return .dateTime(date, time, offset: offset, zone: zone.name)
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
