// The temporal functions through the engine (Database.execute): constructors from text, maps
// and other values, the statement clock, truncation, arithmetic, durations between values,
// component access, comparison and ordering, storage, and the errors for bad input — all
// without a crash on extreme values.

import XCTest
import KeiretsuCypher
import KeiretsuGraph

final class TemporalFunctionsTests: XCTestCase {
    private let db = Database()

    /// The single row of `q`, each value printed as the TCK writes temporals (ISO text).
    private func row(_ q: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            let result = try db.execute(q)
            guard result.rows.count == 1 else {
                XCTFail("\(q): \(result.rows.count) rows", file: file, line: line)
                return []
            }
            return result.rows[0].map { v in
                if case .temporal(let t) = v { return t.isoString }
                return v.literal()
            }
        } catch {
            XCTFail("\(q): \(error)", file: file, line: line)
            return []
        }
    }

    private func one(_ q: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        row("RETURN " + q, file: file, line: line).first ?? "<none>"
    }

    private func error(_ q: String) -> String {
        do {
            _ = try db.execute("RETURN " + q)
            return "no error"
        } catch let e as CypherError {
            return e.qualifiedCode
        } catch {
            return "\(error)"
        }
    }

    func testConstructorsFromText() {
        XCTAssertEqual(one("date('2015-W30-2')"), "2015-07-21")
        XCTAssertEqual(one("localtime('214032.142')"), "21:40:32.142")
        XCTAssertEqual(one("time('2140-02')"), "21:40-02:00")
        XCTAssertEqual(one("localdatetime('2015-202T21:40:32')"), "2015-07-21T21:40:32")
        XCTAssertEqual(one("datetime('2015-07-21T21:40:32.142-04[America/New_York]')"),
                       "2015-07-21T21:40:32.142-04:00[America/New_York]")
        XCTAssertEqual(one("duration('P0.75M')"), "P22DT19H51M49.5S")
        XCTAssertEqual(one("date(null)"), "null")
        XCTAssertEqual(one("duration(null)"), "null")
    }

    func testConstructorsFromMaps() {
        // TCK Temporal1
        XCTAssertEqual(one("date({year: 1817, week: 1})"), "1816-12-30")
        XCTAssertEqual(one("date({year: 1984, quarter: 3, dayOfQuarter: 45})"), "1984-08-14")
        XCTAssertEqual(one("localtime({hour: 12, minute: 31, second: 14, nanosecond: 789, millisecond: 123, microsecond: 456})"),
                       "12:31:14.123456789")
        XCTAssertEqual(one("time({hour: 12, minute: 34, second: 56, timezone: '-02:05:07'})"), "12:34:56-02:05:07")
        XCTAssertEqual(one("datetime({year: 1984, ordinalDay: 202, hour: 12, timezone: 'Europe/Stockholm'})"),
                       "1984-07-20T12:00+02:00[Europe/Stockholm]")
        XCTAssertEqual(one("datetime({epochSeconds: 416779, nanosecond: 999999999})"), "1970-01-05T19:46:19.999999999Z")
        XCTAssertEqual(one("datetime({epochMillis: 237821673987, timezone: '+01:00'})"), "1977-07-15T14:34:33.987+01:00")
        XCTAssertEqual(one("datetime.fromepoch(416779, 999999999)"), "1970-01-05T19:46:19.999999999Z")
        XCTAssertEqual(one("datetime.fromepochmillis(237821673987)"), "1977-07-15T13:34:33.987Z")
        XCTAssertEqual(one("duration({months: 5, days: 1.5})"), "P5M1DT12H")
        XCTAssertEqual(one("duration({seconds: -60, milliseconds: -1})"), "PT-1M-0.001S")
    }

    func testSelectingFromOtherValues() {
        // TCK Temporal3
        XCTAssertEqual(one("date({date: date('1816-12-31'), week: 2})"), "1817-01-07")
        XCTAssertEqual(one("date({date: date('1984-11-11'), quarter: 3})"), "1984-08-11")
        XCTAssertEqual(one("date({date: date('2016-02-29'), year: 2017})"), "2017-02-28")
        XCTAssertEqual(one("time({time: time('12:31:14.645876+01:00'), second: 42, timezone: '+05:00'})"),
                       "16:31:42.645876+05:00")
        XCTAssertEqual(one("time(datetime('1984-10-11T12:00[Europe/Stockholm]'))"), "12:00+01:00")
        XCTAssertEqual(one("datetime({datetime: datetime('1984-10-11T12:00[Europe/Stockholm]'), day: 28, second: 42, timezone: 'Pacific/Honolulu'})"),
                       "1984-10-28T01:00:42-10:00[Pacific/Honolulu]")
        XCTAssertEqual(one("datetime({date: date('1984-03-07'), time: datetime('1984-10-11T12:00[Europe/Stockholm]'), timezone: '+05:00'})"),
                       "1984-03-07T16:00+05:00")
        XCTAssertEqual(one("localdatetime(datetime('2015-07-21T21:40:32.142+01:00'))"), "2015-07-21T21:40:32.142")
        XCTAssertEqual(one("datetime(localdatetime('2015-07-21T21:40'))"), "2015-07-21T21:40Z")
    }

    func testTheStatementClockIsOneInstant() {
        XCTAssertEqual(row("RETURN datetime() = datetime.statement(), datetime.transaction() = datetime(), localtime() = localtime()"),
                       ["true", "true", "true"])
        XCTAssertEqual(one("duration.inSeconds(time(), time())"), "PT0S")  // TCK Temporal10 [12]
        // Today in Kiritimati (+14:00) and in Honolulu (-10:00) are a day apart.
        XCTAssertEqual(one("duration.inDays(date.statement('Pacific/Honolulu'), date.statement('Pacific/Kiritimati'))"), "P1D")
        XCTAssertEqual(one("date.realtime(null)"), "null")
        XCTAssertEqual(one("datetime({timezone: '+05:00'}).offset"), "'+05:00'")
        let now = row("RETURN datetime.realtime().epochSeconds AS s")
        XCTAssertEqual(now.count, 1)
        XCTAssertGreaterThan(Int64(now.first ?? "0") ?? 0, 1_700_000_000)
    }

    func testTruncation() {
        // TCK Temporal9
        XCTAssertEqual(one("date.truncate('weekYear', date('1984-02-01'), {day: 5})"), "1984-01-05")
        XCTAssertEqual(one("datetime.truncate('weekYear', localdatetime('1984-01-01T12:31:14'), {timezone: 'Europe/Stockholm'})"),
                       "1983-01-03T00:00+01:00[Europe/Stockholm]")
        XCTAssertEqual(one("datetime.truncate('hour', datetime('1984-10-11T12:31:14.645876123-01:00'), {timezone: 'Europe/Stockholm'})"),
                       "1984-10-11T12:00+01:00[Europe/Stockholm]")
        XCTAssertEqual(one("localtime.truncate('millisecond', localtime('12:31:14.645876123'), {nanosecond: 2})"),
                       "12:31:14.645000002")
        XCTAssertEqual(one("time.truncate('day', localdatetime('1984-10-11T12:31'))"), "00:00Z")
        XCTAssertEqual(one("date.truncate('millennium', date('-0001-05-05'))"), "-1000-01-01")
        XCTAssertEqual(one("date.truncate('week', date('1984-10-11'), {dayOfWeek: 2})"), "1984-10-09")
        XCTAssertEqual(one("date.truncate('day', null)"), "null")
        XCTAssertEqual(error("date.truncate('hour', date('1984-10-11'))"), "ArgumentError.InvalidArgumentValue")
        XCTAssertEqual(error("localtime.truncate('month', localtime('12:00'))"), "ArgumentError.InvalidArgumentValue")
        XCTAssertEqual(error("date.truncate('fortnight', date('1984-10-11'))"), "ArgumentError.InvalidArgumentValue")
    }

    func testArithmetic() {
        // TCK Temporal8
        XCTAssertEqual(one("date('1984-10-11') + duration({years: 12.5, months: 5.5, days: 14.5, hours: 16.5, minutes: 12.5, seconds: 70.5, nanoseconds: 3})"),
                       "1997-10-11")
        XCTAssertEqual(one("localtime('12:31:14.000000001') - duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 2})"),
                       "20:18:03.999999999")
        XCTAssertEqual(one("date('2016-01-31') + duration('P1M')"), "2016-02-29")
        XCTAssertEqual(one("duration('P12Y5M14DT16H13M10.000000001S') * 0.5"), "P6Y2M22DT13H21M8S")
        XCTAssertEqual(one("2 * duration('P12Y5M14DT16H13M10.000000001S')"), "P24Y10M28DT32H26M20.000000002S")
        XCTAssertEqual(one("duration('P12Y5M14DT16H13M10.000000001S') / 2"), "P6Y2M22DT13H21M8S")
        XCTAssertEqual(one("duration('PT1S') - duration('PT1.5S')"), "PT-0.5S")
        XCTAssertEqual(one("-duration('P1Y2M')"), "P-1Y-2M")
        // Nanoseconds carry into seconds even at the end of Int64.
        XCTAssertEqual(one("duration({nanoseconds: -9223372036854775808})"), "PT-2562047H-47M-16.854775808S")
        // A day of calendar versus 24 hours across the 2017 autumn change in Stockholm.
        XCTAssertEqual(one("datetime('2017-10-28T12:00[Europe/Stockholm]') + duration('P1D')"),
                       "2017-10-29T12:00+01:00[Europe/Stockholm]")
        XCTAssertEqual(one("datetime('2017-10-28T12:00[Europe/Stockholm]') + duration('PT24H')"),
                       "2017-10-29T11:00+01:00[Europe/Stockholm]")
        XCTAssertEqual(error("duration('P1D') / 0"), "ArgumentError.DivisionByZero")
        XCTAssertEqual(error("date('1984-10-11') - date('1984-10-10')"), "TypeError.InvalidArgumentType")
        XCTAssertEqual(error("date('+999999999-12-31') + duration('P1D')"), "ArgumentError.NumberOutOfRange")
        XCTAssertEqual(error("duration({months: 9223372036854775807}) * 2"), "ArgumentError.NumberOutOfRange")
        XCTAssertEqual(error("duration({years: 9223372036854775807})"), "ArgumentError.NumberOutOfRange")
    }

    func testDurationsBetween() {
        // TCK Temporal10
        XCTAssertEqual(one("duration.between(date('1984-10-11'), datetime('2015-07-21T21:40:32.142+0100'))"),
                       "P30Y9M10DT21H40M32.142S")
        XCTAssertEqual(one("duration.between(localdatetime('2018-01-02T10:00:00.1'), localdatetime('2018-01-01T10:00:00.2'))"),
                       "PT-23H-59M-59.9S")
        XCTAssertEqual(one("duration.between(time('14:30'), time('16:30+0100'))"), "PT1H")
        XCTAssertEqual(one("duration.inMonths(datetime('2018-07-21T21:40:36.143+0500'), datetime('1984-07-21T22:40:36.143+0200'))"),
                       "P-33Y-11M")
        XCTAssertEqual(one("duration.inDays(localdatetime('2015-07-21T21:40:32.142'), date('2015-06-24'))"), "P-27D")
        XCTAssertEqual(one("duration.inSeconds(datetime({year: 2017, month: 10, day: 29, hour: 0, timezone: 'Europe/Stockholm'}), localtime({hour: 4}))"),
                       "PT5H")
        XCTAssertEqual(one("duration.between(date('-999999999-01-01'), date('+999999999-12-31'))"), "P1999999998Y11M30D")
        XCTAssertEqual(one("duration.inSeconds(localdatetime('-999999999-01-01'), localdatetime('+999999999-12-31T23:59:59'))"),
                       "PT17531639991215H59M59S")
        XCTAssertEqual(one("duration.between(null, date())"), "null")
        XCTAssertEqual(error("duration.between(duration('P1D'), date())"), "TypeError.InvalidArgumentValue")
    }

    func testComponents() {
        // TCK Temporal5
        XCTAssertEqual(row("WITH date('1984-01-01') AS d RETURN d.year, d.weekYear, d.week, d.weekDay, d.quarter, d.dayOfQuarter"),
                       ["1984", "1983", "52", "7", "1", "1"])
        XCTAssertEqual(row("WITH datetime('1984-11-11T12:31:14.645876123[Europe/Stockholm]') AS d RETURN d.timezone, d.offset, d.offsetMinutes, d.epochSeconds, d.epochMillis, d.millisecond"),
                       ["'Europe/Stockholm'", "'+01:00'", "60", "469020674", "469020674645", "645"])
        XCTAssertEqual(row("WITH duration({years: 1, months: 4, days: 10, hours: 1, minutes: 1, seconds: 1, nanoseconds: 111111111}) AS d RETURN d.quarters, d.weeks, d.minutes, d.milliseconds, d.monthsOfQuarter, d.nanosecondsOfSecond"),
                       ["5", "1", "61", "3661111", "1", "111111111"])
        XCTAssertEqual(row("WITH duration('PT-0.4S') AS d RETURN d.seconds, d.nanosecondsOfSecond, d.milliseconds"),
                       ["-1", "600000000", "-400"])
        XCTAssertEqual(error("date('1984-10-11').hour"), "ArgumentError.InvalidArgumentValue")
        XCTAssertEqual(error("localdatetime('1984-10-11T12:00').epochSeconds"), "ArgumentError.InvalidArgumentValue")
        XCTAssertEqual(error("datetime('+999999999-12-31T00:00Z').epochMillis"), "ArgumentError.NumberOutOfRange")
        XCTAssertEqual(error("duration({seconds: 9223372036854775807}).nanoseconds"), "ArgumentError.NumberOutOfRange")
    }

    func testComparisonAndOrdering() {
        // TCK Temporal7: zoned values compare as instants; durations are equal by value only.
        XCTAssertEqual(row("RETURN time('10:00+01:00') < time('09:35:14Z'), datetime('2015-07-21T21:40+02:00') = datetime('2015-07-21T19:40Z')"),
                       ["true", "true"])
        XCTAssertEqual(row("RETURN duration('PT70S') = duration('PT1M10S'), duration('P1D') < duration('P2D'), duration('P1D') = date('1984-10-11')"),
                       ["true", "null", "false"])
        let ordered = (try? db.execute("UNWIND [date('1985-05-06'), date('1910-05-06'), date('1984-10-11')] AS d RETURN d ORDER BY d"))?
            .rows.map { $0.first.map { v -> String in if case .temporal(let t) = v { return t.isoString } else { return "?" } } ?? "" }
        XCTAssertEqual(ordered, ["1910-05-06", "1984-10-11", "1985-05-06"])
    }

    func testStoredValuesKeepTheirKind() throws {
        let store = Database()
        _ = try store.execute("CREATE (:Val {d: datetime('2015-07-21T21:40:32.142+02:00[Europe/Stockholm]'), ds: [duration('PT13S'), duration('P1D')]})")
        let result = try store.execute("MATCH (v:Val) RETURN v.d.timezone, v.ds[1].days, v.d + v.ds[0]")
        XCTAssertEqual(result.rows.first?.prefix(2).map { $0.literal() }, ["'Europe/Stockholm'", "1"])
        guard case .temporal(let t)? = result.rows.first?.last else { return XCTFail("no temporal") }
        XCTAssertEqual(t.isoString, "2015-07-21T21:40:45.142+02:00[Europe/Stockholm]")
    }

    func testBadInputIsAnErrorNeverACrash() {
        let cases: [(String, String)] = [
            ("date('2015-02-30')", "ArgumentError.InvalidArgumentValue"),
            ("date({month: 2})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: 2015, day: 3})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: 2015, month: 1, week: 3})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: 9223372036854775807, week: 9223372036854775807})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: -9223372036854775808, ordinalDay: 1})", "ArgumentError.InvalidArgumentValue"),
            ("localtime({hour: 24})", "ArgumentError.InvalidArgumentValue"),
            ("localtime({hour: 1, millisecond: 5})", "ArgumentError.InvalidArgumentValue"),
            ("localtime({hour: 1, minute: 1, second: 1, millisecond: 1, microsecond: 1000})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: 1984, colour: 'red'})", "ArgumentError.InvalidArgumentValue"),
            ("date({year: '1984'})", "TypeError.InvalidArgumentValue"),
            ("localdatetime({year: 1984, timezone: '+01:00'})", "ArgumentError.InvalidArgumentValue"),
            ("datetime({year: 1984, timezone: 'Mars/Olympus_Mons'})", "ArgumentError.InvalidArgumentValue"),
            ("datetime({year: 1984, timezone: '+19:00'})", "ArgumentError.InvalidArgumentValue"),
            ("datetime({epochSeconds: 9223372036854775807})", "ArgumentError.NumberOutOfRange"),
            ("datetime.fromepoch(-9223372036854775808, 0)", "ArgumentError.NumberOutOfRange"),
            ("datetime.fromepoch(0, 1000000000)", "ArgumentError.InvalidArgumentValue"),
            ("date(42)", "TypeError.InvalidArgumentValue"),
            ("duration({days: 'one'})", "TypeError.InvalidArgumentValue"),
            ("duration({days: 1e300})", "ArgumentError.NumberOutOfRange"),
            ("duration('P1Q')", "ArgumentError.InvalidArgumentValue"),
            ("duration({fortnights: 1})", "ArgumentError.InvalidArgumentValue"),
            ("duration({days: 1}) * 1e300", "ArgumentError.NumberOutOfRange"),
            ("duration({days: 1}) / 1e-320", "ArgumentError.NumberOutOfRange"),
            ("datetime.statement(42)", "TypeError.InvalidArgumentValue"),
            ("localdatetime('+999999999-12-31T23:59:59.999999999') + duration('PT1S')", "ArgumentError.NumberOutOfRange"),
            ("datetime('+999999999-12-31T23:59:59.999999999[Pacific/Kiritimati]') + duration('PT1S')", "ArgumentError.NumberOutOfRange"),
            ("date('-999999999-01-01') - duration({months: 1})", "ArgumentError.NumberOutOfRange"),
            ("-duration({months: -9223372036854775808})", "ArgumentError.NumberOutOfRange"),
        ]
        for (q, expected) in cases { XCTAssertEqual(error(q), expected, q) }
    }
}
