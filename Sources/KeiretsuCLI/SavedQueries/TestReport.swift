// What a `keiretsu test` run found: one suite per file run, one case per record counted, and the
// problems that stopped files from running at all. The closing line, the JUnit XML and the exit
// status are all computed from this one value.

/// The outcome of one record.
public enum CaseOutcome: Sendable, Equatable {
    case passed
    /// Failed, and `--update` rewrote its expectation (counted as passed).
    case updated
    /// `reason` is one line; `details` holds the query, the diff or the rendered error.
    case failed(reason: String, details: String)
    case skipped(reason: String)
}

public struct CaseReport: Sendable {
    /// The file holding the record (an included file for included records).
    public var file: String
    public var line: Int
    public var name: String
    public var outcome: CaseOutcome
    public var seconds: Double
}

public struct SuiteReport: Sendable {
    public var path: String
    public var cases: [CaseReport] = []
    public var seconds: Double = 0
    /// Set when the file could not be read or parsed, and so did not run.
    public var problem: LoadProblem?

    public init(path: String, problem: LoadProblem? = nil) {
        self.path = path
        self.problem = problem
    }

    public var failures: Int { cases.filter { if case .failed = $0.outcome { return true } else { return false } }.count }
    public var skips: Int { cases.filter { if case .skipped = $0.outcome { return true } else { return false } }.count }
}

public struct TestReport: Sendable {
    public var suites: [SuiteReport] = []
    /// Problems found before running (unreadable or unparsable files, a bad FILE:LINE).
    public var problems: [LoadProblem] = []
    /// Files that `--update` rewrote.
    public var updatedFiles: [String] = []

    public init() {}

    var allCases: [CaseReport] { suites.flatMap(\.cases) }

    public var passed: Int {
        allCases.filter { $0.outcome == .passed || $0.outcome == .updated }.count
    }
    public var failed: Int { suites.reduce(0) { $0 + $1.failures } }
    public var skipped: Int { suites.reduce(0) { $0 + $1.skips } }

    /// `test: N passed, N failed, N skipped`
    public var closingLine: String { "test: \(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// 2 when a file did not parse or nothing was run, 1 when a check failed, else 0.
    public var exitStatus: Int32 {
        if !problems.isEmpty || allCases.isEmpty { return ExitStatus.badInput }
        if failed > 0 { return ExitStatus.checkFailed }
        return ExitStatus.ok
    }
}
