// ArticleReader: the three article formats, titles, and the warnings for files that are not
// articles. Real files are written to a temporary folder for the file-reading paths.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class ArticleReaderTests: XCTestCase {
    let reader = ArticleReader()

    func parse(_ text: String) -> ArticleReader.Result {
        reader.parse(bytes: Array(text.utf8), path: "a.txt")
    }

    func testDateHeaderFormatKeepsBodyOnTheSameLine() throws {
        let r = parse(" date 2023-01-28 The search for a balance began. Then it ended.\n\nSecond paragraph.")
        let a = try XCTUnwrap(r.article)
        XCTAssertEqual(a.format, .dateHeader)
        XCTAssertEqual(a.date, LocalDate(year: 2023, month: 1, day: 28))
        XCTAssertTrue(a.bodyText.hasPrefix("The search for a balance began."))
        XCTAssertEqual(a.title, "The search for a balance began")
        XCTAssertTrue(r.warnings.isEmpty)
    }

    func testFrontMatterGivesDateTitleAndSource() throws {
        let text = "---\ndate: 2022-06-16\ntitle: \"Two makers sign a deal\"\nsource: test desk\n---\nBody text here.\n"
        let a = try XCTUnwrap(parse(text).article)
        XCTAssertEqual(a.format, .frontMatter)
        XCTAssertEqual(a.date?.isoString, "2022-06-16")
        XCTAssertEqual(a.title, "Two makers sign a deal")
        XCTAssertEqual(a.source, "test desk")
        XCTAssertEqual(a.bodyText, "Body text here.\n")
    }

    func testMarkdownHeadingIsTheTitleWithoutFrontMatterTitle() throws {
        let text = "---\ndate: 2022-06-16\n---\n# Quarterly alliance review\n\nThe partners met.\n"
        XCTAssertEqual(try XCTUnwrap(parse(text).article).title, "Quarterly alliance review")
    }

    func testPlainTextHasNoDateAndAWarning() throws {
        let r = parse("Norvik Motors raised its stake. Analysts were surprised.")
        let a = try XCTUnwrap(r.article)
        XCTAssertEqual(a.format, .plain)
        XCTAssertNil(a.date)
        XCTAssertEqual(r.warnings.map(\.code), [.missingDate])
        XCTAssertEqual(r.warnings.first?.path, "a.txt")
        XCTAssertEqual(a.title, "Norvik Motors raised its stake")
    }

    func testTitleSkipsAbbreviationsAndInitials() throws {
        let a = try XCTUnwrap(parse(" date 2020-01-01 Mr. Vasko of Belcastro Inc. and J. Ortiz spoke. Later news.").article)
        XCTAssertEqual(a.title, "Mr. Vasko of Belcastro Inc. and J. Ortiz spoke")
    }

    func testLongFirstSentenceIsCutOnAWordBoundary() throws {
        let long = String(repeating: "word ", count: 80) + "end."
        let a = try XCTUnwrap(parse(" date 2020-01-01 " + long).article)
        XCTAssertTrue(a.title.hasSuffix("…"))
        XCTAssertLessThanOrEqual(a.title.count, reader.maxTitleLength + 1)
    }

    func testEmptyBinaryAndInvalidUTF8FilesAreRefusedWithAWarning() {
        XCTAssertEqual(reader.parse(bytes: [], path: "e.txt").warnings.map(\.code), [.empty])
        XCTAssertEqual(reader.parse(bytes: Array("  \n\n ".utf8), path: "e.txt").warnings.map(\.code), [.empty])
        XCTAssertNil(reader.parse(bytes: [], path: "e.txt").article)
        let binary = reader.parse(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41], path: "b.md")
        XCTAssertNil(binary.article)
        XCTAssertEqual(binary.warnings.map(\.code), [.binary])
        let bad = reader.parse(bytes: Array(" date 2020-01-01 caf".utf8) + [0xC3, 0x28], path: "u.txt")
        XCTAssertNil(bad.article)
        XCTAssertEqual(bad.warnings.first?.code, .invalidUTF8)
        XCTAssertTrue(bad.warnings.first?.description.hasPrefix("u.txt: warning: InvalidUTF8") ?? false)
        // Overlong encodings and surrogates are not UTF-8 either.
        XCTAssertEqual(reader.parse(bytes: [0x41, 0xC0, 0xAF], path: "o.txt").warnings.first?.code, .invalidUTF8)
        XCTAssertEqual(reader.parse(bytes: [0x41, 0xED, 0xA0, 0x80], path: "s.txt").warnings.first?.code, .invalidUTF8)
    }

    func testBadDateAndUnterminatedFrontMatter() {
        let r = parse("---\ndate: 2023-02-30\ntitle: x\n---\nBody.")
        XCTAssertNotNil(r.article)
        XCTAssertNil(r.article?.date)
        XCTAssertEqual(r.warnings.map(\.code), [.badDate])
        let open = parse("---\ndate: 2023-02-03\ntitle: never closed\nBody.")
        XCTAssertNil(open.article)
        XCTAssertEqual(open.warnings.map(\.code), [.unterminatedFrontMatter])
    }

    func testByteOrderMarkAndNonASCIIBodyKeepOffsetsIntoTheFile() throws {
        let text = "\u{FEFF} date 2021-05-05 Citroën’s plan is new."
        let a = try XCTUnwrap(parse(text).article)
        XCTAssertEqual(a.date?.isoString, "2021-05-05")
        XCTAssertEqual(a.text(a.body), "Citroën’s plan is new.")
        XCTAssertEqual(Array(text.utf8)[a.body], Array("Citroën’s plan is new.".utf8)[...])
    }

    func testReadsRealFilesAndNamesUnreadableOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("one.md")
        try "---\ndate: 2020-02-02\ntitle: T\n---\nText.".write(to: file, atomically: true, encoding: .utf8)
        let r = reader.read(path: file.path, displayPath: "docs/one.md")
        XCTAssertEqual(r.article?.path, "docs/one.md")
        XCTAssertEqual(r.article?.title, "T")
        let missing = reader.read(path: dir.appendingPathComponent("none.txt").path)
        XCTAssertNil(missing.article)
        XCTAssertEqual(missing.warnings.map(\.code), [.unreadable])
    }

    func testParseDateAcceptsTimestampsAndRejectsGarbage() {
        XCTAssertEqual(ArticleReader.parseDate("2024-02-29")?.isoString, "2024-02-29")
        XCTAssertEqual(ArticleReader.parseDate("2024-02-29T10:00:00Z")?.isoString, "2024-02-29")
        XCTAssertNil(ArticleReader.parseDate("2023-02-29"))
        XCTAssertNil(ArticleReader.parseDate("20230229"))
        XCTAssertNil(ArticleReader.parseDate("2023-1-2"))
    }
}
