// Test procedures: `And there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):`
//
// The step's table has a header naming every input and output column, then one row per result
// row. Calling the procedure returns the outputs of the rows whose input cells are equivalent
// (Value `==`, so `null` matches `null` and `1` matches `1.0`) to the arguments — the behaviour
// the TCK's `clauses/call` scenarios describe.

import KeiretsuCypher
import KeiretsuGraph

public struct TestProcedureDefinition: Sendable {
    public var signature: ProcedureSignature
    public var rows: [(inputs: [Value], outputs: [Value])]

    /// Reads the signature text and the table of the step.
    public static func parse(signature text: String, table: [[String]]) throws -> TestProcedureDefinition {
        let signature = try parseSignature(text)
        guard let header = table.first else { throw bad(text, "the procedure table needs a header row") }
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else { throw bad(text, "column '\(name)' missing from the table") }
            return i
        }
        let inputColumns = try signature.inputs.map { try column($0.name) }
        let outputColumns = try signature.outputs.map { try column($0.name) }
        var rows: [(inputs: [Value], outputs: [Value])] = []
        for row in table.dropFirst() {
            guard row.count == header.count else { throw bad(text, "a table row has \(row.count) cells, the header \(header.count)") }
            let values = try row.map { try TCKValue.parse($0).toValue() }
            rows.append((inputColumns.map { values[$0] }, outputColumns.map { values[$0] }))
        }
        return TestProcedureDefinition(signature: signature, rows: rows)
    }

    /// `name(in :: TYPE?, …) :: (out :: TYPE?, …)`; either list may be empty.
    public static func parseSignature(_ text: String) throws -> ProcedureSignature {
        guard let open = text.firstIndex(of: "(") else { throw bad(text, "expected '('") }
        let name = text[..<open].trimmingWhitespace()
        guard !name.isEmpty else { throw bad(text, "missing procedure name") }
        guard let close = text[open...].firstIndex(of: ")") else { throw bad(text, "expected ')'") }
        let inputs = try parseFields(text[text.index(after: open)..<close], text)
        let rest = text[text.index(after: close)...].trimmingWhitespace()
        guard rest.hasPrefix("::") else { throw bad(text, "expected '::' before the outputs") }
        let outText = rest.dropFirst(2).trimmingWhitespace()
        guard outText.hasPrefix("("), outText.hasSuffix(")") else { throw bad(text, "outputs must be in parentheses") }
        let outputs = try parseFields(outText.dropFirst().dropLast(), text)
        return ProcedureSignature(name: name, inputs: inputs, outputs: outputs)
    }

    static func parseFields(_ list: Substring, _ text: String) throws -> [ProcedureSignature.Field] {
        let trimmed = list.trimmingWhitespace()
        guard !trimmed.isEmpty else { return [] }
        return try trimmed.split(separator: ",").map { part in
            let pieces = part.splitOn("::")
            guard pieces.count == 2 else { throw bad(text, "a field is `name :: TYPE`") }
            let name = pieces[0].trimmingWhitespace(), type = pieces[1].trimmingWhitespace()
            guard !name.isEmpty, !type.isEmpty else { throw bad(text, "a field is `name :: TYPE`") }
            return ProcedureSignature.Field(name: name, type: type)
        }
    }

    static func bad(_ text: String, _ message: String) -> TCKValueError {
        TCKValueError(text: text, position: 0, message: message)
    }

    /// The procedure to register with a Database.
    public var procedure: Procedure {
        let rows = self.rows
        return Procedure(signature: signature) { arguments, _ in
            rows.filter { row in
                row.inputs.count == arguments.count && zip(row.inputs, arguments).allSatisfy { $0 == $1 }
            }.map(\.outputs)
        }
    }
}

extension StringProtocol {
    /// Splits on every occurrence of `separator` (no Foundation needed).
    func splitOn(_ separator: String) -> [String] {
        var parts: [String] = []
        var rest = String(self)[...]
        let sep = Array(separator)
        var current = ""
        while !rest.isEmpty {
            if rest.starts(with: sep) {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(sep.count)
            } else if let c = rest.first {
                current.append(c)
                rest = rest.dropFirst()
            }
        }
        parts.append(current)
        return parts
    }
}
