// ISO 8601 reading and printing of temporal values (Temporal+Parse.swift, Temporal.swift), and
// the JSON tagged objects that carry them: every form the TCK's Temporal2 uses, the printed
// forms of Temporal6, the year range, and text that must be refused.

import XCTest
@testable import KeiretsuGraph

final class TemporalParseTests: XCTestCase {
    private func iso(_ text: String, _ kind: TemporalKind, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try Temporal.parse(text, as: kind).isoString
        } catch {
            XCTFail("\(text) as \(kind): \(error)", file: file, line: line)
            return ""
        }
    }

    private func refused(_ text: String, _ kind: TemporalKind, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Temporal.parse(text, as: kind), "\(text) as \(kind)", file: file, line: line) { error in
            XCTAssertEqual((error as? TemporalError)?.kind, .invalidValue, file: file, line: line)
        }
    }

    func testDateForms() {
        // TCK Temporal2 [1]
        let cases = [
            ("2015-07-21", "2015-07-21"), ("20150721", "2015-07-21"), ("2015-07", "2015-07-01"),
            ("201507", "2015-07-01"), ("2015-W30-2", "2015-07-21"), ("2015W302", "2015-07-21"),
            ("2015-W30", "2015-07-20"), ("2015W30", "2015-07-20"), ("2015-202", "2015-07-21"),
            ("2015202", "2015-07-21"), ("2015", "2015-01-01"),
            ("2015-Q3-21", "2015-07-21"), ("2015Q321", "2015-07-21"), ("2015-Q4", "2015-10-01"),
            ("+999999999-12-31", "+999999999-12-31"), ("-999999999-01-01", "-999999999-01-01"),
            ("-0001-03-01", "-0001-03-01"), ("0028-11-11", "0028-11-11"), ("+10000-01-01", "+10000-01-01"),
        ]
        for (text, expected) in cases { XCTAssertEqual(iso(text, .date), expected, text) }
        for bad in ["2015-13-01", "2015-02-29", "2015-W54", "2015-W00-1", "2015-366", "2016-367", "2015-Q5",
                    "2015-Q1-91", "15-07-21", "2015-7-21", "+2015-0721", "1000000000-01-01", "+1000000000-01-01",
                    "2015-07-21x", "", "2015--01", "2015-07-21T10:00"] {
            refused(bad, .date)
        }
        XCTAssertEqual(iso("2016-366", .date), "2016-12-31")
        XCTAssertEqual(iso("2015-W53-7", .date), "2016-01-03")  // 2015 has 53 ISO weeks
        XCTAssertEqual(LocalDate.parse("2015W302")?.isoString, "2015-07-21")
    }

    func testTimeForms() {
        // TCK Temporal2 [2], [3]
        let local = [("21:40:32.142", "21:40:32.142"), ("214032.142", "21:40:32.142"), ("21:40:32", "21:40:32"),
                     ("214032", "21:40:32"), ("21:40", "21:40"), ("2140", "21:40"), ("21", "21:00"),
                     ("00:00:00.000000001", "00:00:00.000000001"), ("12:00:00,5", "12:00:00.5")]
        for (text, expected) in local { XCTAssertEqual(iso(text, .localTime), expected, text) }
        let zoned = [("21:40:32.142+0100", "21:40:32.142+01:00"), ("214032.142Z", "21:40:32.142Z"),
                     ("21:40:32+01:00", "21:40:32+01:00"), ("214032-0100", "21:40:32-01:00"),
                     ("21:40-01:30", "21:40-01:30"), ("2140-00:00", "21:40Z"), ("2140-02", "21:40-02:00"),
                     ("22+18:00", "22:00+18:00"), ("12:34:56-02:05:07", "12:34:56-02:05:07"), ("14:30", "14:30Z")]
        for (text, expected) in zoned { XCTAssertEqual(iso(text, .time), expected, text) }
        for bad in ["24:00", "12:60", "12:30:60", "12:30:00.1234567891", "1", "12:3", "12:30:00.", "12:30+19:00",
                    "12:30+01:60"] {
            refused(bad, .time)
        }
        refused("12:00+01:00", .localTime)
    }

    func testDateTimeForms() throws {
        // TCK Temporal2 [4], [5], [6]
        XCTAssertEqual(iso("2015-W30-2T214032.142", .localDateTime), "2015-07-21T21:40:32.142")
        XCTAssertEqual(iso("2015T214032", .localDateTime), "2015-01-01T21:40:32")
        XCTAssertEqual(iso("2015202T21", .localDateTime), "2015-07-21T21:00")
        XCTAssertEqual(iso("2015-07-21", .localDateTime), "2015-07-21T00:00")
        XCTAssertEqual(iso("2015-W30T2140-02", .dateTime), "2015-07-20T21:40-02:00")
        XCTAssertEqual(iso("2015-07-21T21:40:32.142", .dateTime), "2015-07-21T21:40:32.142Z")
        XCTAssertEqual(iso("2015-07-21T21:40:32.142+0845[Australia/Eucla]", .dateTime),
                       "2015-07-21T21:40:32.142+08:45[Australia/Eucla]")
        XCTAssertEqual(iso("2015-07-21T21:40:32.142[Europe/London]", .dateTime), "2015-07-21T21:40:32.142+01:00[Europe/London]")
        XCTAssertEqual(iso("2015-01-21T21:40[Europe/London]", .dateTime), "2015-01-21T21:40Z[Europe/London]")
        // The offset must be one the zone has then.
        XCTAssertThrowsError(try Temporal.parse("2015-07-21T21:40+05:00[Europe/Stockholm]", as: .dateTime))
        // The ambiguous hour of 2017-10-29 in Stockholm: the offset chooses.
        XCTAssertEqual(iso("2017-10-29T02:30+01:00[Europe/Stockholm]", .dateTime), "2017-10-29T02:30+01:00[Europe/Stockholm]")
        XCTAssertEqual(iso("2017-10-29T02:30[Europe/Stockholm]", .dateTime), "2017-10-29T02:30+02:00[Europe/Stockholm]")
        XCTAssertThrowsError(try Temporal.parse("2015-07-21T21:40[Mars/Olympus_Mons]", as: .dateTime)) { error in
            XCTAssertEqual((error as? TemporalError)?.kind, .unknownTimeZone)
        }
    }

    func testDurationForms() {
        // TCK Temporal2 [7] and Temporal6 [6]
        let cases = [("P14DT16H12M", "P14DT16H12M"), ("P5M1.5D", "P5M1DT12H"), ("P0.75M", "P22DT19H51M49.5S"),
                     ("PT0.75M", "PT45S"), ("P2.5W", "P17DT12H"), ("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"),
                     ("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"), ("PT-1M-0.001S", "PT-1M-0.001S"),
                     ("P12Y5M-14DT16H", "P12Y5M-14DT16H"), ("PT1.999S", "PT1.999S"), ("PT-1.999S", "PT-1.999S"),
                     ("P1DT-0.001S", "P1DT-0.001S"), ("-P1Y2M", "P-1Y-2M"), ("PT0S", "PT0S"), ("P0D", "PT0S"),
                     ("PT0.57S", "PT0.57S"), ("P-1Y-11M", "P-1Y-11M")]
        for (text, expected) in cases { XCTAssertEqual(iso(text, .duration), expected, text) }
        for bad in ["P", "PT", "P1", "1D", "P1S", "PT1D", "P1M1Y", "P1DT", "P99999999999999999999Y", "P1.D"] {
            XCTAssertThrowsError(try Temporal.parse(bad, as: .duration), bad)
        }
    }

    func testPrintedFormsReadBack() throws {
        // Every printed form parses back to the same value (TCK Temporal6: `date(toString(d)) = d`).
        let texts: [(String, TemporalKind)] = [
            ("1984-10-11", .date), ("-0044-03-15", .date), ("12:31:14.645876123", .localTime), ("00:00", .localTime),
            ("12:31:14.645876123+01:00", .time), ("12:34:56-02:05:07", .time),
            ("1984-10-11T12:31:14.645876123", .localDateTime),
            ("1984-10-11T12:31:14.645876123+01:00", .dateTime), ("1818-07-21T21:40:32.142+01:12:12[Europe/Stockholm]", .dateTime),
            ("2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]", .dateTime),
            ("P12Y5M14DT16H13M10.000000001S", .duration), ("PT-59.999S", .duration), ("P-6M-15DT-17H-45M-3.500000002S", .duration),
        ]
        for (text, kind) in texts {
            let value = try Temporal.parse(text, as: kind)
            XCTAssertEqual(value.isoString, text)
            XCTAssertEqual(try Temporal.parse(value.isoString, as: kind), value)
        }
    }

    func testJSONTaggedObjectsReadBackForEveryKind() throws {
        let values: [Temporal] = try [
            ("2023-01-28", TemporalKind.date), ("21:40:32.142", .localTime), ("21:40:32.142+01:00", .time),
            ("2015-07-21T21:40:32.142", .localDateTime), ("2015-07-21T21:40:32.142+02:00[Europe/Stockholm]", .dateTime),
            ("2015-07-21T21:40:32.142-04:00", .dateTime), ("P1Y2M3DT4H5M6.7S", .duration), ("PT-0.4S", .duration),
        ].map { try Temporal.parse($0.0, as: $0.1) }
        for t in values {
            let json = Value.temporal(t).json()
            XCTAssertEqual(json, #"{"_kind":"\#(t.constructorName)","value":"\#(t.isoString)"}"#)
            let back = try Value.parseJSON(json)
            guard case .temporal(let u) = back else { return XCTFail("\(json) read back as \(back)") }
            XCTAssertEqual(u, t, json)
        }
        // Text that is not a value of the tagged kind stays a map.
        guard case .map = try Value.parseJSON(#"{"_kind":"time","value":"25:00"}"#) else { return XCTFail("not a map") }
        XCTAssertNil(Temporal.parseTagged(kind: "node", text: "2015-07-21"))
    }

    func testYearRangeAndCalendar() {
        XCTAssertNil(LocalDate(year: 1_000_000_000, month: 1, day: 1))
        XCTAssertNotNil(LocalDate(year: -999_999_999, month: 1, day: 1))
        XCTAssertNil(LocalDate.checked(epochDay: LocalDate.maxEpochDay + 1))
        XCTAssertNil(LocalDate(epochDay: LocalDate.maxEpochDay).plusDays(1))
        XCTAssertNil(LocalDate(epochDay: 0).plusMonths(Int64.max))
        XCTAssertEqual(LocalDate(year: 2016, month: 1, day: 31)?.plusMonths(1)?.isoString, "2016-02-29")
        // ISO weeks: 1984-01-01 belongs to week 52 of 1983 (TCK Temporal5 [2]).
        let newYear = LocalDate(year: 1984, month: 1, day: 1)
        XCTAssertEqual(newYear?.isoWeek.weekYear, 1983)
        XCTAssertEqual(newYear?.isoWeek.week, 52)
        XCTAssertEqual(LocalDate.weeksIn(weekYear: 1818), 53)
        XCTAssertEqual(LocalDate.weeksIn(weekYear: 1819), 52)
        XCTAssertEqual(LocalDate(year: 1984, month: 11, day: 11)?.dayOfQuarter, 42)
        XCTAssertEqual(LocalDate(year: 1984, quarter: 3, dayOfQuarter: 45)?.isoString, "1984-08-14")
        XCTAssertNil(LocalDate(year: 1984, quarter: 1, dayOfQuarter: 92))
        XCTAssertEqual(LocalDate(weekYear: 1817, week: 1, dayOfWeek: 1)?.isoString, "1816-12-30")
    }
}
