// The step texts of the TCK, recognised exactly as the TCK README lists them.
//
// `Given`/`When`/`Then`/`And` are interchangeable, so only the text after the keyword counts. A
// step this runner does not know fails its scenario with "unsupported step", which keeps a new
// TCK step from passing silently.

public enum ErrorPhase: String, Sendable, Equatable {
    case compileTime = "compile time"
    case runtime = "runtime"
    case anyTime = "any time"
}

public struct ExpectedError: Sendable, Equatable, CustomStringConvertible {
    /// SyntaxError, TypeError, … (the CypherError kind's raw value).
    public var kind: String
    public var phase: ErrorPhase
    /// The detail code (`UndefinedVariable`), or `*` for any.
    public var detail: String

    public init(kind: String, phase: ErrorPhase, detail: String) {
        self.kind = kind
        self.phase = phase
        self.detail = detail
    }

    public var description: String { "\(kind).\(detail) at \(phase.rawValue)" }
}

public enum TCKStep: Sendable, Equatable {
    /// `an empty graph` and `any graph`: both start from an empty graph.
    case emptyGraph
    /// `the binary-tree-1 graph`: run `graphs/NAME/NAME.cypher`.
    case namedGraph(String)
    /// `having executed:` + doc string.
    case setupQuery(String)
    /// `parameters are:` + table of `| name | value |` rows (no header).
    case parameters([[String]])
    /// `there exists a procedure SIGNATURE:` + table (header of input and output names).
    case procedure(signature: String, table: [[String]])
    case query(String)
    case controlQuery(String)
    case result(ordered: Bool, ignoringListOrder: Bool, table: [[String]])
    case emptyResult
    case error(ExpectedError)
    case noSideEffects
    case sideEffects([[String]])

    /// What `step` asks for, or a message saying why it is not understood.
    public static func recognize(_ step: Step) -> Result<TCKStep, StepError> {
        let t = step.text
        func fail(_ m: String) -> Result<TCKStep, StepError> { .failure(StepError(line: step.line, message: m)) }
        func needDoc() -> Result<String, StepError> {
            guard let d = step.docString else { return .failure(StepError(line: step.line, message: "step '\(t)' needs a doc string")) }
            return .success(d)
        }
        func needTable() -> Result<[[String]], StepError> {
            guard let tb = step.table else { return .failure(StepError(line: step.line, message: "step '\(t)' needs a table")) }
            return .success(tb)
        }

        switch t {
        case "an empty graph", "any graph": return .success(.emptyGraph)
        case "having executed:": return needDoc().map { .setupQuery($0) }
        case "parameters are:": return needTable().map { .parameters($0) }
        case "executing query:": return needDoc().map { .query($0) }
        case "executing control query:": return needDoc().map { .controlQuery($0) }
        case "the result should be empty": return .success(.emptyResult)
        case "the result should be, in any order:", "the result should be (ignoring element order for lists):",
             "the result should be, in order:", "the result should be, in order (ignoring element order for lists):",
             "the result should be, in any order (ignoring element order for lists):":
            let ordered = t.hasPrefix("the result should be, in order")
            let ignoring = t.contains("(ignoring element order for lists)")
            return needTable().map { .result(ordered: ordered, ignoringListOrder: ignoring, table: $0) }
        case "no side effects": return .success(.noSideEffects)
        case "the side effects should be:": return needTable().map { .sideEffects($0) }
        default: break
        }
        if t.hasPrefix("the "), t.hasSuffix(" graph") {
            let name = String(t.dropFirst(4).dropLast(6))
            guard !name.isEmpty, !name.contains(" "), !name.contains("/") else { return fail("bad graph name in '\(t)'") }
            return .success(.namedGraph(name))
        }
        if t.hasPrefix("there exists a procedure "), t.hasSuffix(":") {
            let signature = String(t.dropFirst("there exists a procedure ".count).dropLast()).trimmingWhitespace()
            return needTable().map { .procedure(signature: signature, table: $0) }
        }
        if let e = parseErrorStep(t) { return .success(.error(e)) }
        return fail("unsupported step '\(t)'")
    }

    /// `a KIND should be raised at PHASE: DETAIL` (also `an KIND`).
    static func parseErrorStep(_ t: String) -> ExpectedError? {
        let article: String
        if t.hasPrefix("a ") { article = "a " } else if t.hasPrefix("an ") { article = "an " } else { return nil }
        let rest = t.dropFirst(article.count)
        guard let kindEnd = rest.firstIndex(of: " ") else { return nil }
        let kind = String(rest[..<kindEnd])
        let afterKind = rest[kindEnd...]
        let marker = " should be raised at "
        guard afterKind.hasPrefix(marker) else { return nil }
        let phaseAndDetail = afterKind.dropFirst(marker.count)
        guard let colon = phaseAndDetail.firstIndex(of: ":"),
              let phase = ErrorPhase(rawValue: String(phaseAndDetail[..<colon])) else { return nil }
        let detail = phaseAndDetail[phaseAndDetail.index(after: colon)...].trimmingWhitespace()
        guard !kind.isEmpty, !detail.isEmpty else { return nil }
        return ExpectedError(kind: kind, phase: phase, detail: detail)
    }
}

public struct StepError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}
