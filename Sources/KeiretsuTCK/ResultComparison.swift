// Comparing a query's result with a `Then the result should be …` table.
//
// The first table row holds the column names, which must equal the actual column names exactly
// and in order. Every other row is a row of TCK values. `in any order` (and the plain
// "ignoring element order for lists" form) compares the rows as multisets; `in order` compares
// them as sequences. The "ignoring element order for lists" variants compare every list, at any
// depth, as a multiset. Values match when their canonical forms match (TCKValue.swift).

import KeiretsuGraph

public struct ExpectedResult: Sendable, Equatable {
    /// Nil for `the result should be empty`, which does not look at the columns.
    public var columns: [String]?
    public var rows: [[TCKValue]]
    public var ordered: Bool
    public var ignoringListOrder: Bool

    public init(columns: [String]?, rows: [[TCKValue]], ordered: Bool, ignoringListOrder: Bool) {
        self.columns = columns
        self.rows = rows
        self.ordered = ordered
        self.ignoringListOrder = ignoringListOrder
    }

    public static let empty = ExpectedResult(columns: nil, rows: [], ordered: false, ignoringListOrder: false)

    /// Reads an expectation table: a header row, then value rows.
    public static func parse(table: [[String]], ordered: Bool, ignoringListOrder: Bool) throws -> ExpectedResult {
        guard let header = table.first else {
            throw TCKValueError(text: "", position: 0, message: "a result table needs a header row")
        }
        let rows = try table.dropFirst().map { row in try row.map { try TCKValue.parse($0) } }
        return ExpectedResult(columns: header, rows: rows, ordered: ordered, ignoringListOrder: ignoringListOrder)
    }

    func rowKey(_ row: [TCKValue]) -> String {
        row.map { $0.canonical(ignoringListOrder: ignoringListOrder) }.joined(separator: " | ")
    }

    /// Nil when `columns`/`rows` satisfy this expectation, else what differs.
    public func mismatch(columns actualColumns: [String], rows actualRows: [[Value]]) -> String? {
        if let expected = columns, expected != actualColumns {
            return "columns differ: expected \(expected.map(quoteTCKName)), got \(actualColumns.map(quoteTCKName))"
        }
        let expectedKeys = rows.map(rowKey)
        let actualKeys = actualRows.map { rowKey($0.map(TCKValue.init(actual:))) }
        if ordered {
            if expectedKeys == actualKeys { return nil }
            if expectedKeys.count != actualKeys.count {
                return "expected \(expectedKeys.count) rows in order, got \(actualKeys.count)"
                    + multisetDifference(expectedKeys, actualKeys)
            }
            for (k, (e, a)) in zip(expectedKeys, actualKeys).enumerated() where e != a {
                let sameMultiset = expectedKeys.sorted() == actualKeys.sorted()
                return "row \(k + 1) differs: expected \(e), got \(a)" + (sameMultiset ? " (same rows, wrong order)" : "")
            }
            return nil
        }
        let diff = multisetDifference(expectedKeys, actualKeys)
        return diff.isEmpty ? nil : "rows differ (any order):" + diff
    }
}

/// Lists the rows one side has more often than the other; empty when the multisets agree.
func multisetDifference(_ expected: [String], _ actual: [String]) -> String {
    var counts: [String: Int] = [:]
    for e in expected { counts[e, default: 0] += 1 }
    for a in actual { counts[a, default: 0] -= 1 }
    var missing: [String] = []
    var unexpected: [String] = []
    // Walk in table order so the report reads like the tables.
    var reportedMissing = Set<String>()
    for e in expected where reportedMissing.insert(e).inserted {
        if let c = counts[e], c > 0 { missing.append(c > 1 ? "\(e)  (×\(c))" : e) }
    }
    var reportedUnexpected = Set<String>()
    for a in actual where reportedUnexpected.insert(a).inserted {
        if let c = counts[a], c < 0 { unexpected.append(-c > 1 ? "\(a)  (×\(-c))" : a) }
    }
    guard !missing.isEmpty || !unexpected.isEmpty else { return "" }
    var out = ""
    let limit = 10
    if !missing.isEmpty {
        out += "\n    missing \(missing.count):"
        for m in missing.prefix(limit) { out += "\n      | \(m) |" }
        if missing.count > limit { out += "\n      …" }
    }
    if !unexpected.isEmpty {
        out += "\n    unexpected \(unexpected.count):"
        for u in unexpected.prefix(limit) { out += "\n      | \(u) |" }
        if unexpected.count > limit { out += "\n      …" }
    }
    return out
}
