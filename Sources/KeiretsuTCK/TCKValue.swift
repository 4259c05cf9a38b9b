// TCKValue: a value as the TCK's expectation tables describe it, and its canonical text.
//
// Expected cells (`(:A {p: 1})`, `[1, 2.0]`, `'2015-07-21'`) and actual engine values are both
// turned into a TCKValue and then into one canonical string; two values match exactly when their
// canonical strings are equal. That single rule encodes the TCK's comparison semantics:
//
//   - an integer never equals a float (`1` prints as `1`, `1.0` as `1.0`);
//   - NaN equals NaN (both print `NaN`); -0.0 equals 0.0 (both print `0.0`), as Double `==` says;
//   - nodes compare by their label *set* and properties, relationships by type and properties,
//     never by identity (labels are sorted, map keys are sorted);
//   - paths compare hop by hop, each hop with its direction;
//   - temporal values are written as strings in the TCK, so actual temporals become their ISO
//     string (`Temporal.isoString`) before printing;
//   - for "ignoring element order for lists", list elements are printed in sorted order, which
//     compares lists as multisets at every depth.

import KeiretsuGraph

public indirect enum TCKValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([TCKValue])
    /// Key order as written; the canonical form sorts keys.
    case map([(key: String, value: TCKValue)])
    case node(labels: [String], properties: [(key: String, value: TCKValue)])
    case relationship(type: String, properties: [(key: String, value: TCKValue)])
    case path(start: TCKValue, hops: [PathHop])

    public struct PathHop: Sendable, Equatable {
        public var relationship: TCKValue
        /// True for `-[…]->`: the relationship points from the previous node to the next one.
        public var forward: Bool
        public var node: TCKValue

        public init(relationship: TCKValue, forward: Bool, node: TCKValue) {
            self.relationship = relationship
            self.forward = forward
            self.node = node
        }
    }

    public static func == (a: TCKValue, b: TCKValue) -> Bool {
        a.canonical() == b.canonical()
    }

    /// The canonical text (see the file header). With `ignoringListOrder`, list elements are
    /// sorted by their own canonical text first.
    public func canonical(ignoringListOrder: Bool = false) -> String {
        var out = ""
        write(to: &out, sortLists: ignoringListOrder)
        return out
    }

    func write(to out: inout String, sortLists: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += canonicalFloat(d)
        case .string(let s): out += quoteTCKString(s)
        case .list(let items):
            var parts = items.map { $0.canonical(ignoringListOrder: sortLists) }
            if sortLists { parts.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
            out += "[" + parts.joined(separator: ", ") + "]"
        case .map(let entries):
            writeMap(entries, to: &out, sortLists: sortLists)
        case .node(let labels, let properties):
            out += "("
            for l in Set(labels).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                out += ":" + quoteTCKName(l)
            }
            if !properties.isEmpty {
                if !labels.isEmpty { out += " " }
                writeMap(properties, to: &out, sortLists: sortLists)
            }
            out += ")"
        case .relationship(let type, let properties):
            out += "[:" + quoteTCKName(type)
            if !properties.isEmpty {
                out += " "
                writeMap(properties, to: &out, sortLists: sortLists)
            }
            out += "]"
        case .path(let start, let hops):
            out += "<"
            start.write(to: &out, sortLists: sortLists)
            for hop in hops {
                out += hop.forward ? "-" : "<-"
                hop.relationship.write(to: &out, sortLists: sortLists)
                out += hop.forward ? "->" : "-"
                hop.node.write(to: &out, sortLists: sortLists)
            }
            out += ">"
        }
    }

    func writeMap(_ entries: [(key: String, value: TCKValue)], to out: inout String, sortLists: Bool) {
        let sorted = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        out += "{"
        for (i, e) in sorted.enumerated() {
            if i > 0 { out += ", " }
            out += quoteTCKName(e.key) + ": "
            e.value.write(to: &out, sortLists: sortLists)
        }
        out += "}"
    }
}

/// Floats always show that they are floats: `1.0`, `0.5`, `1e+308`, `NaN`, `Inf`, `-Inf`.
/// Swift's shortest round-trip form is used, so equal doubles print equally.
func canonicalFloat(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
    if d == 0 { return "0.0" }
    let s = "\(d)"
    if s.contains(".") || s.contains("e") { return s }
    return s + ".0"
}

/// A string in TCK notation: single quotes, with `\'` and `\\` escaped. Newlines and tabs are
/// shown as `\n` and `\t` so that a failure report stays on one line.
func quoteTCKString(_ s: String) -> String {
    var out = "'"
    for c in s.unicodeScalars {
        switch c {
        case "'": out += "\\'"
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "'"
}

/// Map keys, labels and types: bare when they are identifiers, else back-quoted.
func quoteTCKName(_ s: String) -> String { quoteIdentifierIfNeeded(s) }
