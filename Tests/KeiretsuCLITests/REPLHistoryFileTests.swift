// The history file: where it lives, its one-entry-per-line format, appending and compaction.

import Foundation
import XCTest
@testable import KeiretsuCLI

final class REPLHistoryFileTests: XCTestCase {
    func testLocationRules() {
        XCTAssertNil(HistoryFile.location(environment: ["HOME": "/h"], disabled: true), "--no-history")
        XCTAssertNil(HistoryFile.location(environment: ["HOME": "/h", "KEIRETSU_HISTORY": ""], disabled: false),
                     "an empty KEIRETSU_HISTORY disables it")
        XCTAssertEqual(HistoryFile.location(environment: ["HOME": "/h", "KEIRETSU_HISTORY": "/x/hist",
                                                          "XDG_STATE_HOME": "/s"], disabled: false), "/x/hist")
        XCTAssertEqual(HistoryFile.location(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s"], disabled: false),
                       "/s/keiretsu/history")
        XCTAssertEqual(HistoryFile.location(environment: ["HOME": "/h", "XDG_STATE_HOME": "rel"], disabled: false),
                       "/h/.local/state/keiretsu/history", "a relative XDG_STATE_HOME is ignored")
        XCTAssertEqual(HistoryFile.location(environment: ["HOME": "/h/"], disabled: false),
                       "/h/.local/state/keiretsu/history")
        XCTAssertNil(HistoryFile.location(environment: [:], disabled: false))
    }

    func testEncodingRoundTrips() {
        for entry in ["RETURN 1;", "MATCH (n)\nRETURN n;", "RETURN '\\\\n';", "a\r\nb", "trailing\\"] {
            let line = HistoryFile.encode(entry)
            XCTAssertFalse(line.contains("\n"))
            XCTAssertEqual(HistoryFile.decode(line[...]), entry)
        }
        XCTAssertEqual(HistoryFile.encode("a\nb\\c"), "a\\nb\\\\c")
    }

    func testAppendCreatesFoldersAndLoadReadsBack() throws {
        let scratch = try ScratchFolder()
        let file = HistoryFile(path: scratch.path + "/state/keiretsu/history")
        XCTAssertEqual(file.load(), [])
        XCTAssertTrue(file.append("RETURN 1;"))
        XCTAssertTrue(file.append("MATCH (n)\nRETURN n;"))
        XCTAssertEqual(file.load(), ["RETURN 1;", "MATCH (n)\nRETURN n;"])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: scratch.path + "/state/keiretsu")
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    }

    func testLoadKeepsNewestAndCompactsLargeFiles() throws {
        let scratch = try ScratchFolder()
        let file = HistoryFile(path: scratch.path + "/history")
        XCTAssertTrue(file.rewrite((1...25).map { "RETURN \($0);" }))
        XCTAssertEqual(file.load(limit: 20).first, "RETURN 6;", "over the limit: the newest 20")
        XCTAssertEqual(try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n").count, 25,
                       "under twice the limit the file is left alone")
        XCTAssertEqual(file.load(limit: 10).count, 10)
        XCTAssertEqual(try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n").count, 10,
                       "past twice the limit it is rewritten")
    }

    func testUnwritableLocationFailsQuietly() {
        let file = HistoryFile(path: "/proc/keiretsu-no/history")
        XCTAssertFalse(file.append("RETURN 1;"))
        XCTAssertEqual(file.load(), [])
    }
}
