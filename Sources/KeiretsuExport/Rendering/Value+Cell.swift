// How one value reads in a table, CSV or TSV cell.
//
// Cells use the Cypher literal notation (`Value.literal()`: `null`, `1.0`, `[1, 'a']`,
// `date('2023-01-28')`, `(:Company {name: 'X'})`) so that a number never looks like a string and
// a list never looks like a scalar — except that a string at the top of a cell is shown bare,
// as every table tool does; strings inside lists and maps keep their quotes.

import KeiretsuGraph

extension Value {
    /// The text of this value in a result cell.
    public var cellText: String {
        if case .string(let s) = self { return s }
        return literal()
    }

    /// Whether the table format right-aligns this value.
    public var isNumeric: Bool {
        switch self {
        case .int, .float: return true
        default: return false
        }
    }
}
