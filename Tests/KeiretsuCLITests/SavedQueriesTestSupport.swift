// Shared by the saved-query tests: where the `.cyt` fixtures are, and running `keiretsu test`
// in-process (the same entry point the command uses) with its output captured.

import Foundation
import KeiretsuCLI
import KeiretsuExport
import KeiretsuGraph
import XCTest

enum CytFixtures {
    /// Tests/KeiretsuCLITests/Fixtures/cyt, found from this file.
    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cyt")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// Copies fixtures into a scratch folder (for tests that rewrite files).
    static func copy(_ names: [String], to scratch: ScratchFolder) throws {
        for name in names { try scratch.write(name, try text(name)) }
    }
}

struct InProcessRun {
    var report: TestReport
    /// What the runner wrote to stdout.
    var output: String
    /// The messages for stderr (unreadable or unparsable files).
    var errors: [String]
}

/// Runs saved query files as `keiretsu test` does, on `source` (empty by default).
func runSavedQueries(_ arguments: [String], source: MemoryGraph = MemoryGraph(),
                     configure: (inout SavedQueryRunner.Options) -> Void = { _ in }) throws -> InProcessRun {
    var options = SavedQueryRunner.Options()
    configure(&options)
    let sink = StringSink()
    var errors: [String] = []
    let targets = try SavedQueryLibrary.targets(arguments)
    let report = SavedQueryRunner.run(targets, source: source, options: options, output: sink) { errors.append($0) }
    return InProcessRun(report: report, output: sink.text, errors: errors)
}

/// Parses `text` as a `.cyt` file named `name`, evaluating calls in cells with a scratch engine.
func parseCyt(_ text: String, name: String = "t.cyt") throws -> SavedQueryFile {
    let scratch = ScratchEvaluator()
    return try SavedQueryParser.parse(path: name, text: text, evaluate: scratch.value(of:))
}
