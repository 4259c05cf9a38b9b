// Backends: what runs the TCK's queries. One backend instance serves one scenario, so every
// scenario starts from an empty graph.
//
// `InProcessBackend` calls `Database.execute` directly and measures side effects by
// snapshotting the graph around the query. `JSONLBackend` (JSONLBackend.swift) drives the built
// `keiretsu` binary instead, which tests the CLI's JSON contract as well.

import KeiretsuCypher
import KeiretsuGraph

/// An error the engine reported, reduced to what the TCK checks.
public struct ReportedError: Sendable, Equatable {
    public var kind: String
    public var code: String
    public var message: String
    /// Nil when the backend cannot tell (the JSON contract has no phase).
    public var phase: ErrorPhase?

    public init(kind: String, code: String, message: String, phase: ErrorPhase?) {
        self.kind = kind
        self.code = code
        self.message = message
        self.phase = phase
    }

    public var qualifiedCode: String { "\(kind).\(code)" }
}

public enum QueryOutcome: Sendable {
    case result(columns: [String], rows: [[Value]])
    case error(ReportedError)
    /// Anything that is not a Cypher error: another thrown error, a crashed or hung binary.
    case failure(String)
}

public protocol TCKBackend: AnyObject {
    /// Runs a setup script (a named graph, `having executed:`); nil on success, else why not.
    func setup(_ script: String) -> String?
    /// Makes a test procedure callable; nil on success, else why this backend cannot (the
    /// scenario is then skipped with that reason).
    func register(_ procedure: TestProcedureDefinition) -> String?
    /// Runs `query`. With `measureSideEffects`, also returns what it changed in the graph.
    func run(_ query: String, parameters: [String: Value], measureSideEffects: Bool) -> (QueryOutcome, SideEffects?)
}

/// Calls the engine in this process; each query runs with a timeout so that nothing hangs.
public final class InProcessBackend: TCKBackend {
    let database = Database()
    let options: ExecutionOptions

    public init(timeout: Double) {
        options = ExecutionOptions(timeout: timeout)
    }

    public func setup(_ script: String) -> String? {
        do {
            try database.executeScript(script, options: options) { _ in }
            return nil
        } catch let e as CypherError {
            return "\(e.qualifiedCode): \(e.message)"
        } catch {
            return "non-Cypher error: \(String(describing: error))"
        }
    }

    public func register(_ procedure: TestProcedureDefinition) -> String? {
        database.register(procedure.procedure)
        return nil
    }

    public func run(_ query: String, parameters: [String: Value], measureSideEffects: Bool) -> (QueryOutcome, SideEffects?) {
        let before = measureSideEffects ? GraphSnapshot(database.graph) : nil
        let outcome: QueryOutcome
        do {
            let r = try database.execute(query, parameters: parameters, options: options)
            outcome = .result(columns: r.columns, rows: r.rows)
        } catch let e as CypherError {
            let phase: ErrorPhase = e.phase == .compileTime ? .compileTime : .runtime
            outcome = .error(ReportedError(kind: e.kind.rawValue, code: e.code, message: e.message, phase: phase))
        } catch {
            outcome = .failure("non-Cypher error: \(String(describing: error))")
        }
        guard let before else { return (outcome, nil) }
        return (outcome, GraphSnapshot.diff(before: before, after: GraphSnapshot(database.graph)))
    }
}
