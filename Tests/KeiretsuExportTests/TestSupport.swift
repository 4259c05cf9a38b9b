// Helpers shared by the export tests: locating ../shared and the Python checker, running real
// tools (xmllint, dot, python3) as subprocesses, temporary directories, and building graphs
// straight through the MemoryGraph API.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

enum TestSupport {
    /// The package root: the nearest directory above this file that holds Package.swift.
    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` next to the package root (or next to one of its parents, for worktrees).
    static let sharedDirectory: URL? = {
        var dir = packageRoot
        while dir.path != "/" {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("schemas/graphml/graphml.xsd").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    static var graphmlSchema: URL? { sharedDirectory?.appendingPathComponent("schemas/graphml/graphml.xsd") }

    static let checkerScript = packageRoot.appendingPathComponent("Tests/KeiretsuExportTests/Python/graphml_check.py")

    struct ProcessResult {
        var status: Int32
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The full path of `tool` on PATH, or nil.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `tool` with `arguments`; stdout and stderr go through temporary files so that large
    /// outputs cannot dead-lock a pipe.
    static func run(_ tool: String, _ arguments: [String], stdin: Data? = nil) throws -> ProcessResult {
        guard let executable = which(tool) else { throw XCTSkip("\(tool) is not on PATH") }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        if let stdin {
            let input = dir.appendingPathComponent("stdin")
            try stdin.write(to: input)
            p.standardInput = try FileHandle(forReadingFrom: input)
        }
        try p.run()
        p.waitUntilExit()
        return ProcessResult(status: p.terminationStatus, stdout: try Data(contentsOf: out),
                             stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Validates a GraphML file against ../shared/schemas/graphml/graphml.xsd.
    static func assertSchemaValid(_ file: URL, file callerFile: StaticString = #filePath, line: UInt = #line) throws {
        guard let schema = graphmlSchema else {
            throw XCTSkip("../shared/schemas/graphml/graphml.xsd not found next to the package; schema check skipped")
        }
        let r = try run("xmllint", ["--nonet", "--noout", "--schema", schema.path, file.path])
        XCTAssertEqual(r.status, 0, "xmllint rejected \(file.lastPathComponent): \(r.stderr)", file: callerFile, line: line)
    }

    static func graphML(_ graph: MemoryGraph, _ subgraph: Subgraph? = nil) throws -> String {
        let sink = MemorySink()
        try GraphMLWriter.write(graph: graph, subgraph: subgraph ?? .whole(graph: graph), to: sink)
        return sink.text
    }
}

extension MemoryGraph {
    /// createNode with a plain dictionary literal (keys keep the literal's order).
    @discardableResult
    func node(_ labels: [String], _ properties: KeyValuePairs<String, Value> = [:]) throws -> ElementID {
        var map = ValueMap()
        for (k, v) in properties { map[k] = v }
        return try createNode(labels: labels, properties: map)
    }

    @discardableResult
    func rel(_ start: ElementID, _ type: String, _ end: ElementID, _ properties: KeyValuePairs<String, Value> = [:]) throws -> ElementID {
        var map = ValueMap()
        for (k, v) in properties { map[k] = v }
        return try createRelationship(type: type, start: start, end: end, properties: map)
    }
}
