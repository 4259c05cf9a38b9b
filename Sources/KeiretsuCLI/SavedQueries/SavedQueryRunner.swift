// Running saved query files: each file on a fresh copy of the source graph, record by record, in
// order, reporting each failure as soon as it is found.
//
// Which records run, and how they count:
//   - a whole file: every record; statement and query records are checks (passed, failed or
//     skipped), the other directives (param, include, reset, halt) act without being counted;
//   - `FILE:LINE`: the record holding LINE is the check; the records before it that build state
//     (`statement ok`, param, include, reset) run as setup and the queries before it do not;
//     nothing after it runs;
//   - `--filter TEXT`: records whose comment, Cypher text or `file:line` contain TEXT (ignoring
//     case) are checks; the other `statement ok` records still run as setup, since the checks may
//     depend on what they create.
// A setup record is not counted when it passes, but a failing one is reported and counted: the
// checks after it would otherwise fail for a reason nobody sees.
//
// The checks themselves are in SavedQueryRunner+Records.swift, the printed report in
// SavedQueryRunner+Output.swift and the rewriting of files in ExpectationUpdater.swift.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

public final class SavedQueryRunner {
    public struct Options: Sendable {
        /// Rewrite failing expectations in place instead of failing.
        public var update = false
        public var filter: String?
        /// Stop at the first failure.
        public var failFast = false
        /// Add GitHub Actions `::error file=…,line=…::` annotations (GITHUB_ACTIONS=true).
        public var githubAnnotations = false
        /// The environment `skipif env` / `onlyif env` look at.
        public var environment: [String: String] = [:]

        public init() {}
    }

    let source: MemoryGraph
    let library: SavedQueryLibrary
    let options: Options
    let out: TextSink
    let scratch: ScratchEvaluator
    var report = TestReport()
    var suite = SuiteReport(path: "")
    /// Pending rewrites, by file path (applied when every file has run).
    var edits: [String: [LineEdit]] = [:]
    var stopped = false
    let clock = ContinuousClock()

    /// The mutable state of one file's run: its graph and its parameters.
    final class FileState {
        var database: Database
        var parameters: [String: Value] = [:]

        init(_ source: MemoryGraph) { database = Database(graph: source.copy()) }

        func reset(_ source: MemoryGraph) {
            database = Database(graph: source.copy())
            parameters = [:]
        }
    }

    enum Selection {
        case all
        case filter(String)
        /// The record holding this line is the check; the state-building records before it run.
        case upTo(line: Int)
        /// Only the state-building records run (an included file under `upTo`).
        case setupOnly
    }

    enum Role { case check, setup }

    /// `source` is the graph every file starts from (copied per file); `scratch` evaluates the
    /// function calls of expected cells and conditions.
    public init(source: MemoryGraph, library: SavedQueryLibrary, options: Options, output: TextSink,
                scratch: ScratchEvaluator) {
        self.source = source
        self.library = library
        self.options = options
        self.out = output
        self.scratch = scratch
    }

    /// Everything `keiretsu test` does once the source graph is loaded: reads the files of
    /// `targets` (problems go to `errors`, one rendered message each), runs them and returns
    /// the report. Failures are written to `output` as they happen.
    public static func run(_ targets: [TestTarget], source: MemoryGraph, options: Options, output: TextSink,
                           errors: (String) -> Void) -> TestReport {
        let scratch = ScratchEvaluator()
        var library = SavedQueryLibrary(evaluate: scratch.value(of:))
        for target in targets { library.load(target.path) }
        for target in targets { library.checkLine(of: target) }
        for problem in library.problems { errors(problem.rendered) }
        let runner = SavedQueryRunner(source: source, library: library, options: options, output: output, scratch: scratch)
        return runner.run(targets)
    }

    /// Runs `targets` in order and returns what happened; with `--update`, rewrites the files
    /// whose expectations were fixed.
    public func run(_ targets: [TestTarget]) -> TestReport {
        report.problems = library.problems
        for problem in library.problems { annotate(problem) }
        for target in targets {
            if stopped { break }
            guard let file = library.files[target.path], isRunnable(target.path) else {
                let closure = includes(target.path)
                let problem = library.problems.first { closure.contains($0.path) && !isLineProblem($0) }
                report.suites.append(SuiteReport(path: target.path, problem: problem))
                continue
            }
            if let line = target.line, library.problems.contains(where: { $0.path == target.path && $0.line == line }) {
                continue
            }
            suite = SuiteReport(path: target.path)
            let started = clock.now
            let state = FileState(source)
            let selection: Selection = target.line.map { .upTo(line: $0) } ?? options.filter.map { .filter($0) } ?? .all
            runRecords(of: file, state: state, selection: selection, depth: 0)
            suite.seconds = seconds(since: started)
            report.suites.append(suite)
        }
        if options.update { applyUpdates() }
        out.flush()
        return report
    }

    /// Whether the file and every file it includes were read and parsed without problems.
    func isRunnable(_ path: String) -> Bool {
        let closure = includes(path)
        if library.problems.contains(where: { closure.contains($0.path) && !isLineProblem($0) }) { return false }
        return closure.allSatisfy { library.files[$0] != nil || library.scripts[$0] != nil }
    }

    func isLineProblem(_ p: LoadProblem) -> Bool { p.summary.hasPrefix("InputError.NoRecordAtLine") }

    /// `path` and the files it includes, transitively.
    func includes(_ path: String) -> [String] {
        var seen: [String] = []
        var pending = [path]
        while let p = pending.popLast() {
            guard !seen.contains(p) else { continue }
            seen.append(p)
            for record in library.files[p]?.records ?? [] {
                if case .include(_, let resolved) = record.kind { pending.append(resolved) }
            }
        }
        return seen
    }

    func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    // MARK: Records

    func runRecords(of file: SavedQueryFile, state: FileState, selection: Selection, depth: Int) {
        for record in file.records {
            if stopped { return }
            let role: Role
            switch selection {
            case .all: role = .check
            case .filter(let text): role = matches(record, in: file, text) ? .check : .setup
            case .upTo(let line):
                if record.lastLine < line {
                    role = .setup
                } else if record.firstLine <= line {
                    role = .check
                } else {
                    return
                }
            case .setupOnly: role = .setup
            }
            if role == .setup, !buildsState(record) { continue }
            if let reason = skipReason(record, state) {
                if role == .check, record.isCheck { add(record, in: file, .skipped(reason: reason), seconds: 0) }
                continue
            }
            let started = clock.now
            switch record.kind {
            case .halt:
                return
            case .reset:
                state.reset(source)
            case .parameters(let assignments):
                if let failure = assign(assignments, in: file, state: state) {
                    add(record, in: file, failure, seconds: seconds(since: started), nameOverride: "param")
                }
            case .include(_, let resolved):
                if let included = library.files[resolved] {
                    guard depth < 32 else { continue }
                    let inner: Selection
                    switch selection {
                    case .upTo, .setupOnly: inner = .setupOnly
                    default: inner = selection
                    }
                    runRecords(of: included, state: state, selection: inner, depth: depth + 1)
                } else if let script = library.scripts[resolved], let failure = runScript(script, path: resolved, state: state) {
                    add(record, in: file, failure, seconds: seconds(since: started), nameOverride: "include \(resolved)")
                }
            case .statement(let statement):
                let check = checkStatement(statement, record, in: file, state: state)
                finish(record, in: file, check, role: role, started: started)
            case .query(let query):
                let check = checkQuery(query, record, in: file, state: state)
                finish(record, in: file, check, role: role, started: started)
            }
        }
    }

    /// Records that run as setup: everything that changes the graph or the parameters.
    func buildsState(_ record: SavedRecord) -> Bool {
        switch record.kind {
        case .statement(let s):
            if case .ok = s.expectation { return true }
            return false
        case .query: return false
        case .parameters, .include, .reset, .halt: return true
        }
    }

    func matches(_ record: SavedRecord, in file: SavedQueryFile, _ text: String) -> Bool {
        let needle = text.lowercased()
        let haystacks = [record.comment, record.cypher?.text ?? "", "\(file.path):\(record.line)"]
        return haystacks.contains { $0.lowercased().contains(needle) }
    }

    /// Why the record's conditions say not to run it, or nil to run it.
    func skipReason(_ record: SavedRecord, _ state: FileState) -> String? {
        for condition in record.conditions {
            let holds: Bool
            switch condition.test {
            case .environment(let name, let value):
                let actual = options.environment[name] ?? ""
                holds = value.map { actual == $0 } ?? !actual.isEmpty
            case .function(let name): holds = scratch.hasFunction(name)
            case .label(let label): holds = state.database.graph.countNodes(withLabel: label) > 0
            case .relationshipType(let type): holds = state.database.graph.countRelationships(withType: type) > 0
            }
            if holds != condition.only { return condition.text }
        }
        return nil
    }

    /// Records the outcome of a check, or of a setup record that failed.
    func finish(_ record: SavedRecord, in file: SavedQueryFile, _ check: CheckResult, role: Role,
                started: ContinuousClock.Instant) {
        let elapsed = seconds(since: started)
        guard let failure = check.failure else {
            if role == .check { add(record, in: file, .passed, seconds: elapsed) }
            return
        }
        if options.update, let fix = check.fix {
            edits[file.path, default: []].append(contentsOf: fix)
            add(record, in: file, .updated, seconds: elapsed)
            return
        }
        add(record, in: file, .failed(reason: failure.reason, details: failure.details), seconds: elapsed)
    }

    func add(_ record: SavedRecord, in file: SavedQueryFile, _ outcome: CaseOutcome, seconds: Double,
             nameOverride: String? = nil) {
        let name = nameOverride ?? record.title
        let report = CaseReport(file: file.path, line: record.line, name: name, outcome: outcome, seconds: seconds)
        suite.cases.append(report)
        print(report)
        if case .failed = outcome, options.failFast { stopped = true }
    }
}
