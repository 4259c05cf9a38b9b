// Running one scenario: walk its steps in order against a fresh backend, stop at the first step
// that does not hold.
//
// State carried between steps: the parameters, the outcome of the last query or control query
// (what `Then` steps look at) and the side effects of the last `executing query` (control
// queries are read-only checks and do not replace them). A query that fails is only a pass when
// a later step expects that error; an error nobody asserted fails the scenario.

import KeiretsuGraph

public enum ScenarioStatus: String, Sendable {
    case passed, failed, skipped
}

public struct ScenarioOutcome: Sendable {
    public var status: ScenarioStatus
    /// A short, groupable reason for failures and skips (`unexpected error SyntaxError.X`).
    public var cause: String
    /// The engine's message for the failure, when it has one (for "most common messages").
    public var message: String
    /// Everything a reader needs to see why it failed: step, query, expected, actual.
    public var details: String
    /// Failed only because the error was raised in the other phase.
    public var phaseOnlyMismatch: Bool
    /// The error kind the scenario expects (`SyntaxError`), nil when it expects no error.
    public var expectedErrorKind: String? = nil

    static func passed() -> ScenarioOutcome {
        ScenarioOutcome(status: .passed, cause: "", message: "", details: "", phaseOnlyMismatch: false)
    }

    static func skipped(_ reason: String) -> ScenarioOutcome {
        ScenarioOutcome(status: .skipped, cause: reason, message: "", details: "", phaseOnlyMismatch: false)
    }
}

public struct ScenarioRunner {
    /// The TCK root (holding `features/` and `graphs/`).
    public var tckRoot: String
    /// When false, a right error raised in the wrong phase passes.
    public var strictPhase: Bool
    public var makeBackend: () -> any TCKBackend
    var readGraph: (String) -> String?

    public init(tckRoot: String, strictPhase: Bool = true, makeBackend: @escaping () -> any TCKBackend,
                readGraph: @escaping (String) -> String?) {
        self.tckRoot = tckRoot
        self.strictPhase = strictPhase
        self.makeBackend = makeBackend
        self.readGraph = readGraph
    }

    public func run(_ scenario: Scenario) -> ScenarioOutcome {
        var outcome = runSteps(scenario)
        for step in scenario.steps {
            if case .success(.error(let e)) = TCKStep.recognize(step) {
                outcome.expectedErrorKind = e.kind
                break
            }
        }
        return outcome
    }

    func runSteps(_ scenario: Scenario) -> ScenarioOutcome {
        if scenario.isIgnored { return .skipped("tagged @ignore") }
        let backend = makeBackend()
        var parameters: [String: Value] = [:]
        var outcome: QueryOutcome?
        var outcomeChecked = true
        var sideEffects: SideEffects?
        var lastQuery = ""

        func failure(_ step: Step, _ cause: String, message: String = "", expected: String, phaseOnly: Bool = false) -> ScenarioOutcome {
            var d = "  step (line \(step.line)): \(step.text)\n"
            if !lastQuery.isEmpty { d += "  query:\n" + indent(lastQuery, by: 4) + "\n" }
            d += "  expected:\n" + indent(expected, by: 4) + "\n"
            d += "  actual:\n" + indent(describe(outcome, sideEffects: sideEffects), by: 4)
            return ScenarioOutcome(status: .failed, cause: cause, message: message, details: d, phaseOnlyMismatch: phaseOnly)
        }

        for step in scenario.steps {
            let kind: TCKStep
            switch TCKStep.recognize(step) {
            case .success(let k): kind = k
            case .failure(let e): return failure(step, "runner: unsupported step", message: e.message, expected: e.message)
            }
            switch kind {
            case .emptyGraph:
                continue
            case .namedGraph(let name):
                guard let script = readGraph(name) else {
                    return failure(step, "runner: named graph missing", expected: "graphs/\(name)/\(name).cypher")
                }
                if let problem = backend.setup(script) {
                    return failure(step, "setup failed: " + causeCode(problem), message: causeMessage(problem), expected: "the graph script runs")
                }
            case .setupQuery(let script):
                if let problem = backend.setup(script) {
                    lastQuery = script
                    return failure(step, "setup failed: " + causeCode(problem), message: causeMessage(problem), expected: "the setup query runs")
                }
            case .parameters(let table):
                do {
                    for row in table {
                        guard row.count == 2 else { throw TCKValueError(text: row.joined(separator: "|"), position: 0, message: "a parameter row is | name | value |") }
                        parameters[row[0]] = try TCKValue.parse(row[1]).toValue()
                    }
                } catch {
                    return failure(step, "runner: bad parameter table", message: "\(error)", expected: "\(error)")
                }
            case .procedure(let signature, let table):
                do {
                    let def = try TestProcedureDefinition.parse(signature: signature, table: table)
                    if let reason = backend.register(def) { return .skipped(reason) }
                } catch {
                    return failure(step, "runner: bad procedure step", message: "\(error)", expected: "\(error)")
                }
            case .query(let q), .controlQuery(let q):
                if !outcomeChecked, case .error(let e)? = outcome {
                    return failure(step, "unexpected error \(e.qualifiedCode)", message: e.message, expected: "no error")
                }
                lastQuery = q
                let isControl: Bool
                if case .controlQuery = kind { isControl = true } else { isControl = false }
                let (o, effects) = backend.run(q, parameters: parameters, measureSideEffects: !isControl)
                outcome = o
                outcomeChecked = false
                if !isControl { sideEffects = effects }
            case .result, .emptyResult:
                let expected: ExpectedResult
                do {
                    if case .result(let ordered, let ignoring, let table) = kind {
                        expected = try ExpectedResult.parse(table: table, ordered: ordered, ignoringListOrder: ignoring)
                    } else {
                        expected = .empty
                    }
                } catch {
                    return failure(step, "runner: bad expected value", message: "\(error)", expected: "\(error)")
                }
                let expectedText = step.table.map(formatTable) ?? "(no rows)"
                outcomeChecked = true
                switch outcome {
                case .result(let columns, let rows)?:
                    if let problem = expected.mismatch(columns: columns, rows: rows) {
                        let cause = problem.hasPrefix("columns") ? "wrong columns"
                            : problem.contains("wrong order") ? "wrong row order" : "wrong rows"
                        return failure(step, cause, message: problem, expected: expectedText + "\n" + problem)
                    }
                case .error(let e)?:
                    return failure(step, "unexpected error \(e.qualifiedCode)", message: e.message, expected: expectedText)
                case .failure(let m)?:
                    return failure(step, "non-Cypher failure", message: m, expected: expectedText)
                case nil:
                    return failure(step, "runner: result step before any query", expected: expectedText)
                }
            case .error(let want):
                outcomeChecked = true
                switch outcome {
                case .error(let e)?:
                    guard e.kind == want.kind, want.detail == "*" || e.code == want.detail else {
                        return failure(step, "expected \(want.kind).\(want.detail), got \(e.qualifiedCode)",
                                       message: e.message, expected: want.description)
                    }
                    if strictPhase, want.phase != .anyTime, let phase = e.phase, phase != want.phase {
                        return failure(step, "\(want.kind).\(want.detail) raised at \(phase.rawValue), expected at \(want.phase.rawValue)",
                                       message: e.message, expected: want.description, phaseOnly: true)
                    }
                case .result?:
                    return failure(step, "expected \(want.kind).\(want.detail), got a result", expected: want.description)
                case .failure(let m)?:
                    return failure(step, "non-Cypher failure", message: m, expected: want.description)
                case nil:
                    return failure(step, "runner: error step before any query", expected: want.description)
                }
            case .noSideEffects, .sideEffects:
                let want: SideEffects
                if case .sideEffects(let table) = kind {
                    do { want = try SideEffects.parse(table: table) } catch {
                        return failure(step, "runner: bad side effects table", message: "\(error)", expected: "\(error)")
                    }
                } else {
                    want = SideEffects()
                }
                guard let got = sideEffects else {
                    return failure(step, "runner: side effects before any query", expected: want.description)
                }
                if got != want {
                    return failure(step, "wrong side effects", message: "expected \(want), got \(got)",
                                   expected: "side effects: \(want)")
                }
            }
        }
        if !outcomeChecked, case .error(let e)? = outcome, let last = scenario.steps.last {
            return failure(last, "unexpected error \(e.qualifiedCode)", message: e.message, expected: "no error")
        }
        return .passed()
    }
}

/// `SyntaxError.X` out of a setup problem text `SyntaxError.X: message`.
func causeCode(_ problem: String) -> String {
    if let colon = problem.firstIndex(of: ":") { return String(problem[..<colon]) }
    return problem
}

/// The message part of `SyntaxError.X: message`.
func causeMessage(_ problem: String) -> String {
    guard let colon = problem.firstIndex(of: ":") else { return problem }
    return problem[problem.index(after: colon)...].trimmingWhitespace()
}

func indent(_ text: String, by n: Int) -> String {
    let pad = String(repeating: " ", count: n)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
}

func formatTable(_ rows: [[String]]) -> String {
    rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
}

/// The actual outcome in TCK notation, for failure reports.
func describe(_ outcome: QueryOutcome?, sideEffects: SideEffects?) -> String {
    var out: String
    switch outcome {
    case nil: out = "(no query ran)"
    case .result(let columns, let rows)?:
        out = "| " + columns.map(quoteTCKName).joined(separator: " | ") + " |"
        for row in rows.prefix(50) {
            out += "\n| " + row.map { TCKValue(actual: $0).canonical() }.joined(separator: " | ") + " |"
        }
        if rows.count > 50 { out += "\n… \(rows.count - 50) more rows" }
    case .error(let e)?:
        out = "\(e.qualifiedCode)" + (e.phase.map { " at \($0.rawValue)" } ?? "") + ": \(e.message)"
    case .failure(let m)?:
        out = m
    }
    if let s = sideEffects { out += "\nside effects: \(s)" }
    return out
}
