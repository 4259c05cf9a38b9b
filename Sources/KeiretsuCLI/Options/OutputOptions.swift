// Options of the commands that run statements (`query`, `run`): parameters, the result format
// and the time limit per statement.

import ArgumentParser
import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

extension ResultFormat: ExpressibleByArgument {}

public struct StatementOptions: ParsableArguments {
    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A query parameter; v is JSON in the value encoding, other text a string. Repeatable.",
                               valueName: "k=v"))
    public var parameterAssignments: [String] = []

    @Option(name: .long, help: ArgumentHelp("Result format (default: table on a terminal, tsv otherwise).", valueName: "F"))
    public var format: ResultFormat?

    @Option(name: .long, help: ArgumentHelp("Stop any statement that runs longer than SECONDS.", valueName: "SECONDS"))
    public var timeout: Double?

    public init() {}

    public func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        _ = try parameters()
    }

    /// The parsed `--param` values; a later assignment to the same name wins.
    public func parameters() throws -> [String: Value] {
        var out: [String: Value] = [:]
        for assignment in parameterAssignments {
            let (name, value) = try ParameterParsing.parse(assignment)
            out[name] = value
        }
        return out
    }

    public var executionOptions: ExecutionOptions { ExecutionOptions(timeout: timeout) }

    /// The format asked for, or the default for where stdout goes.
    public func resolvedFormat(outputIsTerminal: Bool) -> ResultFormat {
        format ?? ResultFormat.defaultFormat(outputIsTerminal: outputIsTerminal)
    }
}

/// `--param k=v` (DESIGN.md): `v` is read as JSON in the value encoding (`42`, `["ev","india"]`,
/// `{"_kind":"date","value":"2023-01-28"}`); text that is not JSON is taken as a string, so
/// `--param name=Example` needs no quotes. The name is everything before the first `=`.
public enum ParameterParsing {
    public static func parse(_ assignment: String) throws -> (String, Value) {
        guard let eq = assignment.firstIndex(of: "=") else {
            throw ValidationError("--param \(assignment): expected name=value")
        }
        let name = String(assignment[..<eq])
        guard !name.isEmpty else {
            throw ValidationError("--param \(assignment): the parameter name is empty")
        }
        let text = String(assignment[assignment.index(after: eq)...])
        return (name, value(of: text))
    }

    /// The value of the text after `=`.
    public static func value(of text: String) -> Value {
        (try? Value.parseJSON(text)) ?? .string(text)
    }
}
