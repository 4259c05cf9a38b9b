// Comparing a query's actual result with the expectation of a `query` record, and printing an
// actual result the way a `.cyt` file holds it.
//
// Values are compared through a key: the value printed as a Cypher literal with map and
// property keys sorted (`Value.literal(.sorted)`) and node labels sorted. Two cells match when
// their keys are equal, which is value equality for everything a file can hold: floats print
// their shortest round-tripping form (`1.00` reads as the float 1.0, prints `1.0`), integers and
// floats stay apart (`1` is not `1.0`: a test should notice when a count turns into an average),
// strings compare by content whatever quotes or escapes the file used, maps and nodes compare
// regardless of key and label order, and graph elements compare by labels/type and properties
// (never by id, which the file cannot know).
//
// Sort modes (sqllogictest): `nosort` compares rows in order; `rowsort` sorts the rows of both
// sides by their keys first; `valuesort` compares the sorted lists of all cells. Sorting is by
// UTF-8 bytes, so it is the same on every machine.

import KeiretsuCypher
import KeiretsuGraph

extension Value {
    /// The comparison key described above.
    public var comparisonKey: String { labelsSorted.literal(.sorted) }

    /// The value as a cell of a `.cyt` file.
    public var cytCell: String { literal(.sorted) }

    /// The same value with the labels of every node inside it sorted.
    var labelsSorted: Value {
        switch self {
        case .node(var n):
            n.labels.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            n.properties = n.properties.mapValues { $0.labelsSorted }
            return .node(n)
        case .list(let l): return .list(l.map { $0.labelsSorted })
        case .map(let m): return .map(m.mapValues { $0.labelsSorted })
        case .path(var p):
            for i in p.nodes.indices {
                p.nodes[i].labels.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            }
            return .path(p)
        default: return self
        }
    }
}

func bytewiseLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

/// What a `query` record returned, in `.cyt` terms.
struct ActualResult {
    var columns: [String]
    var rows: [[Value]]

    var headerText: String { columns.joined(separator: " | ") }

    func rowText(_ row: [Value]) -> String { row.map(\.cytCell).joined(separator: " | ") }

    func rowKey(_ row: [Value]) -> String { row.map(\.comparisonKey).joined(separator: " | ") }

    /// The lines a `.cyt` file should hold for this result under `mode`: the header, then the
    /// rows (sorted by key unless the order is the query's own).
    func expectationLines(mode: SortMode) -> [String] {
        var rows = self.rows.map { (key: rowKey($0), text: rowText($0)) }
        if mode != .nosort { rows.sort { bytewiseLess($0.key, $1.key) } }
        return [headerText] + rows.map(\.text)
    }
}

enum ResultComparison {
    /// The two sides as diff lines under `mode`; they match when their keys are equal.
    static func lines(expected: ExpectedResult, actual: ActualResult, mode: SortMode) -> (expected: [DiffLine], actual: [DiffLine]) {
        let expectedHeader = DiffLine(key: expected.columns.joined(separator: " | "),
                                      text: expected.columns.joined(separator: " | "))
        let actualHeader = DiffLine(key: actual.headerText, text: actual.headerText)
        var e: [DiffLine]
        var a: [DiffLine]
        switch mode {
        case .nosort, .rowsort:
            e = expected.rows.map { DiffLine(key: $0.cells.map(\.key).joined(separator: " | "), text: $0.text) }
            a = actual.rows.map { DiffLine(key: actual.rowKey($0), text: actual.rowText($0)) }
        case .valuesort:
            e = expected.rows.flatMap { row in zip(row.cells, row.cellTexts).map { DiffLine(key: $0.key, text: $1) } }
            a = actual.rows.flatMap { row in row.map { DiffLine(key: $0.comparisonKey, text: $0.cytCell) } }
        }
        if mode != .nosort {
            e.sort { bytewiseLess($0.key, $1.key) }
            a.sort { bytewiseLess($0.key, $1.key) }
        }
        return ([expectedHeader] + e, [actualHeader] + a)
    }

    /// Nil when the result matches, else the unified diff of expected against actual.
    static func mismatch(expected: ExpectedResult, actual: ActualResult, mode: SortMode) -> String? {
        let (e, a) = lines(expected: expected, actual: actual, mode: mode)
        if e.map(\.key) == a.map(\.key) { return nil }
        return UnifiedDiff.render(expected: e, actual: a)
    }
}
