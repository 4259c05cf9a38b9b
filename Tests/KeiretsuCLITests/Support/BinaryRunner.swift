// Running the built `keiretsu` binary as a subprocess, the way users and CI run it, and
// scratch folders for the files it reads.
//
// The binary is found next to the test bundle (both live in the build products directory), or
// under `.build/debug` of the package root found by walking up from this file; the environment
// variable KEIRETSU_BINARY overrides both.

import Foundation
import XCTest

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum BinaryRunner {
    static let binary: String? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["KEIRETSU_BINARY"], fm.isExecutableFile(atPath: path) {
            return path
        }
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("keiretsu"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("keiretsu"))
        for b in Bundle.allBundles {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("keiretsu"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/keiretsu"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }?.path
    }()

    /// The package root: the nearest folder above this file holding Package.swift.
    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Runs `keiretsu arguments…` in `directory` with `stdin` as its standard input.
    static func run(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> RunResult {
        guard let binary else { throw XCTSkip("the keiretsu binary was not found; build it with `swift build`") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes on their own threads so a full pipe never blocks the child.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outBox.data = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

final class DataBox: @unchecked Sendable {
    // @unchecked: written by one reader thread, read after DispatchGroup.wait().
    var data = Data()
}

/// A temporary folder removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// Writes `text` to `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

extension XCTestCase {
    /// Skips the test when the query engine is not built yet (its error code is
    /// NotImplemented), so tests of the command line can land before the engine.
    func skipIfEngineMissing(_ result: RunResult) throws {
        if result.stderr.contains("NotImplemented") {
            throw XCTSkip("the query engine is not implemented yet")
        }
    }
}
