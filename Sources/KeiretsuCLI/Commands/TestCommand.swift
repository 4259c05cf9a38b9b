// `keiretsu test [source] PATH... [--update] [--junit FILE] [--filter TEXT] [--fail-fast]`
//
// Runs saved query files (`.cyt`, docs/cyt-format.md) against the source graph: each file on a
// fresh copy of it. Failures are printed as they happen, on stdout, as `file:line: FAIL: …` with
// the query and a diff; files that cannot be read or parsed are reported on stderr as
// `file:line:col: error: …`. The last line on stdout is always
// `test: N passed, N failed, N skipped`.
//
// Exit status: 0 every check passed; 1 a check failed; 2 a file did not parse, the source could
// not be loaded, a PATH does not exist or there were no records to run.

import ArgumentParser
import Foundation
import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

public struct TestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run saved query files (.cyt) and check their expected results.",
        discussion: """
            PATH is a .cyt file, a folder (searched recursively for *.cyt in sorted order) or \
            FILE.cyt:LINE to run the record holding LINE (after the statements before it). \
            Each file starts from a fresh copy of the source graph. The format is described in \
            docs/cyt-format.md.
            Exit status: 0 all checks passed, 1 a check failed, 2 a file that does not parse, \
            a bad source or no records.
            """
    )

    @OptionGroup public var source: SourceOptions

    @Argument(help: ArgumentHelp("Saved query files, folders, or FILE.cyt:LINE.", valueName: "PATH"))
    public var paths: [String] = []

    @Flag(name: .long, help: "Rewrite failing expectations in place (atomically), keeping comments and layout.")
    public var update = false

    @Option(name: .long, help: ArgumentHelp("Write a JUnit XML report to FILE.", valueName: "FILE"))
    public var junit: String?

    @Option(name: .long, help: ArgumentHelp("Check only records whose comment, query or file:line contains TEXT.",
                                            valueName: "TEXT"))
    public var filter: String?

    @Flag(name: .long, help: "Stop at the first failure.")
    public var failFast = false

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH: a .cyt file, a folder or FILE.cyt:LINE") }
        if let filter, filter.isEmpty { throw ValidationError("--filter needs a non-empty TEXT") }
    }

    public func run() throws {
        let sink = FileDescriptorSink.standardOutput()
        var report = TestReport()
        defer {
            sink.write(report.closingLine + "\n")
            sink.flush()
        }
        let environment = Self.environment()
        let targets: [TestTarget]
        let database: Database
        do {
            targets = try SavedQueryLibrary.targets(paths)
            database = try source.openDatabase()
        } catch {
            if let message = ExitStatus.message(for: error) { StandardError.line(message.text) }
            throw ExitCode(ExitStatus.badInput)
        }
        KeepAlive.untilExit(database)
        var options = SavedQueryRunner.Options()
        options.update = update
        options.filter = filter
        options.failFast = failFast
        options.githubAnnotations = environment["GITHUB_ACTIONS"] == "true"
        options.environment = environment
        report = SavedQueryRunner.run(targets, source: database.graph, options: options, output: sink,
                                      errors: StandardError.line)
        if report.problems.isEmpty, report.suites.allSatisfy({ $0.cases.isEmpty }) {
            StandardError.line("error: no records to run" + (filter.map { " (nothing matches --filter \($0))" } ?? ""))
        }
        if let junit {
            do {
                try JUnitWriter.write(report, to: junit)
            } catch {
                if let message = ExitStatus.message(for: error) { StandardError.line(message.text) }
                throw ExitCode(ExitStatus.badInput)
            }
        }
        switch report.exitStatus {
        case ExitStatus.ok: return
        case ExitStatus.checkFailed: throw CLIError.checksFailed(count: report.failed)
        default: throw ExitCode(ExitStatus.badInput)
        }
    }

    /// The process environment, for `skipif env` and GITHUB_ACTIONS.
    static func environment() -> [String: String] { ProcessInfo.processInfo.environment }
}
