// `duration.between(a, b)`, `duration.inMonths`, `duration.inDays`, `duration.inSeconds`
// (TCK Temporal10): the duration from `a` to `b`, negative when `b` comes first.
//
// Mixed kinds are first completed from each other, so that both sides describe a moment:
//   - a value without a date takes the other's date (`localtime('14:30')` against
//     `date('2015-06-24')` is 14:30 on that day: PT-14H-30M);
//   - a value without a time is at midnight;
//   - a value without a zone takes the other's zone (a local date-time next to a Stockholm
//     datetime is read as Stockholm time, so the daylight-saving hour counts: TCK Temporal10 [8]).
// Then, as java.time's `until` does:
//   - months (between, inMonths) and days (between, inDays) are counted only when both
//     values had a date, on local date-times with `b` moved into `a`'s zone; a part-day or
//     part-month does not count, toward zero (LocalDateTime.until);
//   - the rest (between) or the whole (inSeconds) is the exact difference in seconds and
//     nanoseconds: between instants for zoned values, between local clock readings otherwise.
// Months and days are counted from `a`: between(a, b) is `a + P…M + …D + PT…S = b`.
// Differences are kept as seconds plus nanoseconds, so the whole supported range fits
// (duration.inSeconds over ±999,999,999 years, TCK Temporal10 [10]).

import KeiretsuGraph

enum DurationBetween {
    enum Mode { case full, months, days, seconds }

    static func compute(_ mode: Mode, _ a: Value, _ b: Value, _ function: String) throws -> Value {
        if a.isNull || b.isNull { return .null }
        guard case .temporal(let x) = a, x.kind != .duration else {
            throw CypherError.invalidArgumentValue(function, expected: "a temporal value other than a DURATION", got: a)
        }
        guard case .temporal(let y) = b, y.kind != .duration else {
            throw CypherError.invalidArgumentValue(function, expected: "a temporal value other than a DURATION", got: b)
        }
        return .temporal(.duration(try temporalCall(function) { try between(mode, x, y) }))
    }

    static func between(_ mode: Mode, _ x: Temporal, _ y: Temporal) throws -> Duration {
        var p = TemporalParts(x), q = TemporalParts(y)
        let bothDates = p.date != nil && q.date != nil
        if p.date == nil { p.date = q.date }
        if q.date == nil { q.date = p.date }
        if p.zone == nil { p.zone = q.zone }
        if q.zone == nil { q.zone = p.zone }
        let tp = p.time ?? .midnight, tq = q.time ?? .midnight

        guard let dp = p.date, let dq = q.date else {
            // Two times of day: the difference of their clock readings, or of their instants
            // on a common day when zoned.
            let op = Int64(p.offset ?? q.offset ?? 0), oq = Int64(q.offset ?? p.offset ?? 0)
            let shift = p.zone == nil ? 0 : (op - oq)
            let seconds = tq.secondOfDay - tp.secondOfDay + shift
            return Duration(months: 0, days: 0, seconds: seconds, nanoseconds: Int64(tq.nanosecond - tp.nanosecond))
        }

        // Local seconds since the epoch of both sides, `q` seen in `p`'s zone.
        var localP = dp.epochDay * 86_400 + tp.secondOfDay
        var localQ = dq.epochDay * 86_400 + tq.secondOfDay
        var instantQ: Int64?
        if let zp = p.zone, let zq = q.zone {
            let rp = try zp.resolve(local: localP, preferring: p.offset)
            localP = rp.local
            let rq = try zq.resolve(local: localQ, preferring: q.offset)
            let iq = rq.local - Int64(rq.offset)
            instantQ = iq
            localQ = iq + Int64(try zp.offset(atEpochSecond: iq))
        }
        let nanosP = Int64(tp.nanosecond), nanosQ = Int64(tq.nanosecond)

        func difference(fromLocal start: Int64) throws -> (Int64, Int64) {
            guard let zp = p.zone, let iq = instantQ else { return (localQ - start, nanosQ - nanosP) }
            let r = try zp.resolve(local: start, preferring: p.offset)
            return (iq - (r.local - Int64(r.offset)), nanosQ - nanosP)
        }

        if mode == .seconds {
            let (s, n) = try difference(fromLocal: localP)
            return Duration(months: 0, days: 0, seconds: s, nanoseconds: n)
        }
        guard bothDates else {
            if mode != .full { return .zero }
            let (s, n) = try difference(fromLocal: localP)
            return Duration(months: 0, days: 0, seconds: s, nanoseconds: n)
        }

        // java.time's LocalDateTime.until for date-based units: the end date steps back (or
        // forward) one day when its time of day has not yet reached the start's.
        let startDay = floorDiv(localP, 86_400), endDay = floorDiv(localQ, 86_400)
        let startTime = (localP - startDay * 86_400) * 1_000_000_000 + nanosP
        let endTime = (localQ - endDay * 86_400) * 1_000_000_000 + nanosQ
        func adjustedEnd(from start: Int64) -> Int64 {
            if endDay > start && endTime < startTime { return endDay - 1 }
            if endDay < start && endTime > startTime { return endDay + 1 }
            return endDay
        }
        let startDate = LocalDate(epochDay: startDay)
        var months: Int64 = 0
        if mode == .full || mode == .months {
            let end = LocalDate(epochDay: adjustedEnd(from: startDay))
            let packedStart = startDate.prolepticMonth * 32 + Int64(startDate.day)
            let packedEnd = end.prolepticMonth * 32 + Int64(end.day)
            months = (packedEnd - packedStart) / 32
            if mode == .months { return Duration(months: months, days: 0, seconds: 0, nanoseconds: 0) }
        }
        guard let afterMonths = startDate.plusMonths(months) else { throw TemporalError(.outOfRange, "date out of range") }
        let days = adjustedEnd(from: afterMonths.epochDay) - afterMonths.epochDay
        if mode == .days { return Duration(months: 0, days: days, seconds: 0, nanoseconds: 0) }
        let start = (afterMonths.epochDay + days) * 86_400 + (localP - startDay * 86_400)
        let (s, n) = try difference(fromLocal: start)
        return Duration(months: months, days: days, seconds: s, nanoseconds: n)
    }
}

extension LocalDate {
    /// Months since year 0 (java.time's "proleptic month").
    var prolepticMonth: Int64 { year * 12 + Int64(month) - 1 }
}
