// Driving the built `keiretsu` binary: `keiretsu run --empty --format jsonl SCRIPT`.
//
// Independent TCK runners talk to keiretsu only through this command (DESIGN.md, "--format
// jsonl"), so running the TCK this way tests that contract too. Every process starts from an
// empty graph, so each query replays the scenario's history in one script:
//
//   setup scripts and earlier successful queries;
//   RETURN 1 AS __tck_mark                      where the scenario's own part starts
//   MATCH (n) RETURN n AS __tck_nodes           the graph before …
//   MATCH ()-[r]->() RETURN r AS __tck_rels
//   the query under test
//   MATCH (n) RETURN n AS __tck_nodes           … and after, for the side-effect diff
//   MATCH ()-[r]->() RETURN r AS __tck_rels
//
// The output has one JSON object per statement and stops at the first error. The JSON error has
// no phase, so this backend cannot check compile time against runtime; test procedures cannot be
// registered from outside, so their scenarios are skipped.

import Foundation
import KeiretsuGraph

public final class JSONLBackend: TCKBackend {
    let binary: String
    let timeout: Double
    var history: [String] = []

    public init(binary: String, timeout: Double) {
        self.binary = binary
        self.timeout = timeout
    }

    public func setup(_ script: String) -> String? {
        // Deferred: the script runs again in front of every query of the scenario; a failure
        // shows up as a missing marker.
        history.append(script)
        return nil
    }

    public func register(_ procedure: TestProcedureDefinition) -> String? {
        "test procedures need in-process registration (--jsonl-binary)"
    }

    static let mark = "__tck_mark", nodesColumn = "__tck_nodes", relsColumn = "__tck_rels"
    static let snapshot = ["MATCH (n) RETURN n AS \(nodesColumn)", "MATCH ()-[r]->() RETURN r AS \(relsColumn)"]

    public func run(_ query: String, parameters: [String: Value], measureSideEffects: Bool) -> (QueryOutcome, SideEffects?) {
        let statements = history + ["RETURN 1 AS \(Self.mark)"] + Self.snapshot + [query] + Self.snapshot
        let script = statements.map(Self.trimStatement).joined(separator: ";\n") + "\n"
        let objects: [Value]
        switch execute(script: script, parameters: parameters) {
        case .failure(let f): return (.failure(f.message), nil)
        case .success(let o): objects = o
        }
        guard let markIndex = objects.firstIndex(where: { Self.columns($0) == [Self.mark] }) else {
            if let e = objects.last.flatMap(Self.error) {
                return (.failure("setup failed in the binary: \(e.qualifiedCode): \(e.message)"), nil)
            }
            return (.failure("the binary printed no marker object"), nil)
        }
        var tail = Array(objects[(markIndex + 1)...])
        guard tail.count >= 3, let before = Self.snapshot(tail[0], tail[1]) else {
            return (.failure("the binary could not list the graph before the query"), nil)
        }
        tail.removeFirst(2)
        var after: GraphSnapshot?
        if tail.count >= 3, let s = Self.snapshot(tail[tail.count - 2], tail[tail.count - 1]) {
            after = s
            tail.removeLast(2)
        }
        guard let last = tail.last else { return (.failure("the binary printed nothing for the query"), nil) }
        let outcome: QueryOutcome
        if let e = Self.error(last) {
            outcome = .error(e)
        } else if let cols = Self.columns(last), case .list(let rows)? = Self.field(last, "rows") {
            outcome = .result(columns: cols, rows: rows.map { row in
                if case .list(let cells) = row { return cells.map(Self.untag) }
                return [Self.untag(row)]
            })
            if measureSideEffects { history.append(query) }
        } else {
            outcome = .failure("unreadable result object: \(last.json().prefix(200))")
        }
        // A failed statement rolls back, so no after-listing means nothing changed.
        let effects = GraphSnapshot.diff(before: before, after: after ?? before)
        return (outcome, measureSideEffects ? effects : nil)
    }

    static func trimStatement(_ s: String) -> String {
        var t = s.trimmingWhitespace()
        while t.hasSuffix(";") { t = String(t.dropLast()).trimmingWhitespace() }
        return t
    }

    /// Runs the binary on `script`; the decoded output objects, or why there are none.
    func execute(script: String, parameters: [String: Value]) -> Result<[Value], FailureText> {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-tck-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            return .failure(FailureText("cannot create \(dir.path): \(error)"))
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptURL = dir.appendingPathComponent("scenario.cypher")
        let outURL = dir.appendingPathComponent("out.jsonl"), errURL = dir.appendingPathComponent("err.txt")
        do {
            try script.write(to: scriptURL, atomically: true, encoding: .utf8)
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        } catch {
            return .failure(FailureText("cannot write \(scriptURL.path): \(error)"))
        }
        var args = ["run", "--empty", "--format", "jsonl", "--timeout", String(timeout)]
        for name in parameters.keys.sorted() {
            args += ["--param", "\(name)=\(parameters[name]?.json() ?? "null")"]
        }
        args.append(scriptURL.path)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        do {
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            try process.run()
        } catch {
            return .failure(FailureText("cannot start \(binary): \(error)"))
        }
        // The binary has its own --timeout per statement; this watchdog only catches a hang of
        // the process as a whole (the replayed history included).
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout * 3 + 30, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()

        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal {
            return .failure(FailureText("the binary died with signal \(process.terminationStatus): \(err.suffix(300))"))
        }
        guard process.terminationStatus == 0 || process.terminationStatus == 2 else {
            return .failure(FailureText("the binary exited with \(process.terminationStatus): \(err.suffix(300))"))
        }
        var objects: [Value] = []
        for line in out.split(separator: "\n") where !line.trimmingWhitespace().isEmpty {
            do {
                objects.append(try Value.parseJSON(String(line)))
            } catch {
                return .failure(FailureText("not JSON on stdout: \(line.prefix(200)) (\(error))"))
            }
        }
        return .success(objects)
    }

    struct FailureText: Error {
        var message: String
        init(_ m: String) { message = m }
    }

    static func field(_ object: Value, _ key: String) -> Value? {
        if case .map(let m) = object { return m[key] }
        return nil
    }

    static func columns(_ object: Value) -> [String]? {
        guard case .list(let cols)? = field(object, "columns") else { return nil }
        return cols.compactMap(\.stringValue)
    }

    static func error(_ object: Value) -> ReportedError? {
        guard case .map(let e)? = field(object, "error") else { return nil }
        return ReportedError(kind: e["kind"]?.stringValue ?? "?", code: e["code"]?.stringValue ?? "?",
                             message: e["message"]?.stringValue ?? "", phase: nil)
    }

    /// The graph listed by the two snapshot statements.
    static func snapshot(_ nodesObject: Value, _ relsObject: Value) -> GraphSnapshot? {
        guard columns(nodesObject) == [nodesColumn], columns(relsObject) == [relsColumn],
              case .list(let nodeRows)? = field(nodesObject, "rows"),
              case .list(let relRows)? = field(relsObject, "rows") else { return nil }
        var nodes: [Node] = []
        for row in nodeRows {
            guard case .list(let cells) = row, let cell = cells.first, case .node(let n) = untag(cell) else { return nil }
            nodes.append(n)
        }
        var rels: [Relationship] = []
        for row in relRows {
            guard case .list(let cells) = row, let cell = cells.first, case .relationship(let r) = untag(cell) else { return nil }
            rels.append(r)
        }
        return GraphSnapshot(nodes: nodes, relationships: rels)
    }

    /// Turns the tagged objects of DESIGN.md back into values. Temporals whose text the value
    /// decoder does not read yet become their string, which is how the TCK compares them anyway.
    static func untag(_ v: Value) -> Value {
        switch v {
        case .list(let l): return .list(l.map(untag))
        case .map(let m):
            guard case .string(let kind)? = m["_kind"] else { return .map(m.mapValues(untag)) }
            switch kind {
            case "node":
                if let n = node(m) { return .node(n) }
            case "relationship":
                if let r = relationship(m) { return .relationship(r) }
            case "path":
                guard case .list(let ns)? = m["nodes"], case .list(let rs)? = m["relationships"] else { break }
                let nodes = ns.compactMap { item -> Node? in
                    if case .map(let nm) = item { return node(nm) }
                    return nil
                }
                let rels = rs.compactMap { item -> Relationship? in
                    if case .map(let rm) = item { return relationship(rm) }
                    return nil
                }
                if nodes.count == ns.count, rels.count == rs.count { return .path(Path(nodes: nodes, relationships: rels)) }
            case "date", "localtime", "time", "localdatetime", "datetime", "duration":
                if case .string(let text)? = m["value"], m.count == 2 { return .string(text) }
            default: break
            }
            return .map(m.mapValues(untag))
        default: return v
        }
    }

    static func node(_ m: ValueMap) -> Node? {
        guard case .int(let id)? = m["id"], case .list(let labels)? = m["labels"],
              case .map(let props)? = m["properties"] else { return nil }
        return Node(id: Int(truncatingIfNeeded: id), labels: labels.compactMap(\.stringValue), properties: props.mapValues(untag))
    }

    static func relationship(_ m: ValueMap) -> Relationship? {
        guard case .int(let id)? = m["id"], case .string(let type)? = m["type"], case .int(let s)? = m["start"],
              case .int(let e)? = m["end"], case .map(let props)? = m["properties"] else { return nil }
        return Relationship(id: Int(truncatingIfNeeded: id), type: type, start: Int(truncatingIfNeeded: s),
                            end: Int(truncatingIfNeeded: e), properties: props.mapValues(untag))
    }
}
