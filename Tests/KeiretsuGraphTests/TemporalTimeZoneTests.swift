// The time-zone reader (Temporal+TimeZone.swift) against the system's IANA database: offsets
// cross-checked at every transition with `zdump`, tzdata's own reader of the same files; gaps and
// overlaps resolved as java.time does; POSIX footer rules for years past the last
// transition; and the errors for unknown names and a missing database.

import Foundation
import XCTest
@testable import KeiretsuGraph

final class TemporalTimeZoneTests: XCTestCase {
    private func offset(_ zone: String, _ epochSecond: Int64) throws -> Int {
        try TimeZoneID.named(zone).offset(atEpochSecond: epochSecond)
    }

    /// Every transition `zdump -v` (from Debian's tzdata package, reading the same files
    /// through its own code) lists for a zone between 1850 and 2100: the instant in UT and the
    /// offset from then on. Nil when zdump is not installed.
    private func zdumpTransitions(_ zone: String) -> [(Int64, Int)]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zdump", "-v", "-c", "1850,2100", zone]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var result: [(Int64, Int)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            // "Europe/Stockholm  Sun Mar 27 01:00:00 2016 UT = Sun Mar 27 03:00:00 2016 CEST isdst=1 gmtoff=7200"
            let words = line.split(separator: " ")
            guard words.count >= 7, words[6] == "UT", let gmt = words.last, gmt.hasPrefix("gmtoff="),
                let offset = Int(gmt.dropFirst(7)), let m = months.firstIndex(of: String(words[2])),
                let day = Int(words[3]), let year = Int64(words[5]), let date = LocalDate(year: year, month: m + 1, day: day)
            else { continue }
            let hms = words[4].split(separator: ":").compactMap { Int64($0) }
            guard hms.count == 3 else { continue }
            result.append((date.epochDay * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2], offset))
        }
        return result
    }

    func testOffsetsMatchZdump() throws {
        let zones = ["Europe/Stockholm", "Europe/London", "America/New_York", "Australia/Eucla", "Pacific/Honolulu",
                     "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo", "Europe/Dublin", "Australia/Lord_Howe",
                     "America/Nuuk", "Pacific/Chatham", "Africa/Casablanca", "Asia/Tehran", "UTC"]
        var checked = 0
        for zone in zones {
            guard let transitions = zdumpTransitions(zone) else { throw XCTSkip("zdump is not available") }
            for (t, expected) in transitions {
                XCTAssertEqual(try offset(zone, t), expected, "\(zone) at \(t)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000, "zdump listed the transitions")
    }

    func testKnownOffsets() throws {
        // TCK Temporal1 [10], Temporal5 [6]: Stockholm in winter and summer 1984.
        let winter = try Temporal.zonedDateTime(LocalDate(year: 1984, month: 11, day: 11)!,
                                                LocalTime(hour: 12, minute: 31, second: 14, nanosecond: 645_876_123)!,
                                                zone: .named("Europe/Stockholm"))
        XCTAssertEqual(winter.isoString, "1984-11-11T12:31:14.645876123+01:00[Europe/Stockholm]")
        XCTAssertEqual(winter.instant?.seconds, 469_020_674)
        let summer = try Temporal.zonedDateTime(LocalDate(year: 1984, month: 7, day: 20)!, .midnight, zone: .named("Europe/Stockholm"))
        XCTAssertEqual(summer.isoString, "1984-07-20T00:00+02:00[Europe/Stockholm]")
        // Local mean time before standard time existed has second-precision offsets.
        XCTAssertEqual(try offset("Europe/Stockholm", -4_800_000_000), 4332)
        XCTAssertEqual(try offset("Australia/Eucla", 1_437_000_000), 8 * 3600 + 45 * 60)
    }

    func testGapsMoveForwardAndOverlapsTakeTheEarlierOffset() throws {
        let zone = TimeZoneID.named("Europe/Stockholm")
        // 2017-03-26 02:30 does not exist in Stockholm: it becomes 03:30+02:00.
        let gap = try Temporal.zonedDateTime(LocalDate(year: 2017, month: 3, day: 26)!,
                                             LocalTime(hour: 2, minute: 30, second: 0, nanosecond: 0)!, zone: zone)
        XCTAssertEqual(gap.isoString, "2017-03-26T03:30+02:00[Europe/Stockholm]")
        // 2017-10-29 02:30 happens twice: first at +02:00, unless +01:00 is preferred.
        let date = LocalDate(year: 2017, month: 10, day: 29)!, time = LocalTime(hour: 2, minute: 30, second: 0, nanosecond: 0)!
        XCTAssertEqual(try Temporal.zonedDateTime(date, time, zone: zone).isoString, "2017-10-29T02:30+02:00[Europe/Stockholm]")
        XCTAssertEqual(try Temporal.zonedDateTime(date, time, zone: zone, preferring: 3600).isoString,
                       "2017-10-29T02:30+01:00[Europe/Stockholm]")
        XCTAssertEqual(try Temporal.zonedDateTime(date, time, zone: zone, preferring: 7200 + 60).isoString,
                       "2017-10-29T02:30+02:00[Europe/Stockholm]")
    }

    func testFooterRulesCoverFutureYears() throws {
        // Past the last transition in the file, the POSIX TZ string decides.
        let july2300 = LocalDate(year: 2300, month: 7, day: 1)!.epochDay * 86_400
        let january2300 = LocalDate(year: 2300, month: 1, day: 15)!.epochDay * 86_400
        XCTAssertEqual(try offset("Europe/Stockholm", july2300), 7200)
        XCTAssertEqual(try offset("Europe/Stockholm", january2300), 3600)
        XCTAssertEqual(try offset("Australia/Sydney", july2300), 10 * 3600)
        XCTAssertEqual(try offset("Australia/Sydney", january2300), 11 * 3600)
        let far = LocalDate(year: 999_999_999, month: 7, day: 1)!.epochDay * 86_400
        XCTAssertEqual(try offset("America/New_York", far), -4 * 3600)
    }

    func testPosixRuleStrings() {
        let central = PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3")
        XCTAssertEqual(central?.standardOffset, 3600)
        XCTAssertEqual(central?.daylightOffset, 7200)
        // Dublin's negative daylight saving: winter is the "daylight" time.
        let dublin = PosixTimeZoneRule("IST-1GMT0,M10.5.0,M3.5.0/1")
        let summer = LocalDate(year: 2030, month: 7, day: 1)!.epochDay * 86_400
        let winter = LocalDate(year: 2030, month: 1, day: 1)!.epochDay * 86_400
        XCTAssertEqual(dublin?.offset(atEpochSecond: summer), 3600)
        XCTAssertEqual(dublin?.offset(atEpochSecond: winter), 0)
        XCTAssertEqual(PosixTimeZoneRule("<+0845>-8:45")?.offset(atEpochSecond: summer), 8 * 3600 + 45 * 60)
        XCTAssertEqual(PosixTimeZoneRule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0")?.offset(atEpochSecond: summer), -3600)
        XCTAssertEqual(PosixTimeZoneRule("HST10")?.offset(atEpochSecond: summer), -36000)
        XCTAssertEqual(PosixTimeZoneRule("XYZ-1ABC,J60/2,300")?.daylightOffset, 7200)
        for bad in ["", "1", "CET", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,M10.5.0/x"] {
            XCTAssertNil(PosixTimeZoneRule(bad), bad)
        }
    }

    func testOffsetsAndNamesAsZones() throws {
        XCTAssertEqual(try TimeZoneID.parse("+01:00"), .offset(3600))
        XCTAssertEqual(try TimeZoneID.parse("-02:05:07"), .offset(-(2 * 3600 + 5 * 60 + 7)))
        XCTAssertEqual(try TimeZoneID.parse("Z"), .utc)
        XCTAssertEqual(try TimeZoneID.parse("+0530"), .offset(5 * 3600 + 30 * 60))
        XCTAssertEqual(try TimeZoneID.parse("Europe/Stockholm"), .named("Europe/Stockholm"))
        XCTAssertThrowsError(try TimeZoneID.parse("+25:00"))
        for bad in ["Europe/Nowhere", "../../etc/passwd", "Europe//Stockholm", "/etc/passwd", "Europe/Stock holm", "", "Europe"] {
            XCTAssertThrowsError(try TimeZoneID.parse(bad), bad) { error in
                XCTAssertEqual((error as? TemporalError)?.kind, .unknownTimeZone, bad)
            }
        }
    }

    func testMissingDatabaseSaysSo() {
        let database = TimeZoneDatabase(directory: "/nonexistent/zoneinfo")
        XCTAssertThrowsError(try database.rules(for: "Europe/Stockholm")) { error in
            guard let e = error as? TemporalError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.kind, .missingTimeZoneDatabase)
            XCTAssertTrue(e.message.contains("tzdata"), e.message)
        }
    }

    func testMalformedFilesAreRefused() {
        XCTAssertNil(TZifReader.read([]))
        XCTAssertNil(TZifReader.read(Array("TZif2 not really a zone file at all, only text".utf8)))
        var header = Array("TZif2".utf8) + [UInt8](repeating: 0, count: 15)
        header += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 4]  // 9 transitions, no data
        XCTAssertNil(TZifReader.read(header))
        // Every truncation of a real file is refused or read, never a crash.
        if let data = FileManager.default.contents(atPath: TimeZoneDatabase.shared.directory + "/Europe/Stockholm") {
            let bytes = [UInt8](data)
            for n in stride(from: 0, to: bytes.count, by: 7) { _ = TZifReader.read(Array(bytes[0..<n])) }
            XCTAssertNotNil(TZifReader.read(bytes))
        }
    }
}
