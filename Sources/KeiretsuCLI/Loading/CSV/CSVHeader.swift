// The header line of a neo4j-admin import file, which says what kind of file it is and what
// each column holds.
//
//   node file          id:ID,name,founded:int,aliases:string[],:LABEL
//   relationship file  :START_ID,:END_ID,:TYPE,percent:float,asOf:date
//
// A column is `name`, `name:type`, `name:type[]` (an array, elements separated by `;`) or a
// role: `:ID` / `name:ID` (optionally `:ID(Group)`, an id space), `:LABEL` (labels separated by
// `;`), `:START_ID(Group)`, `:END_ID(Group)`, `:TYPE`, `:IGNORE`. Types: int, long, short,
// byte (64-bit integers), float, double (64-bit floats), boolean, string, char, date. Roles and
// types are case-insensitive. A named `:ID` column is also stored as a string property under
// its name, as neo4j-admin does. An untyped column is a string.
//
// A file is a node file when it has an `:ID` column and a relationship file when it has
// `:START_ID` and `:END_ID`; anything else is not an import file (nil). A header that claims
// to be one but is inconsistent (two `:ID` columns, an unknown type, no `:TYPE`, a property
// named twice) is an `InputError.BadHeader`.

import KeiretsuCypher
import KeiretsuGraph

enum CSVValueType: String, Sendable {
    case integer = "int", float, boolean, string, date
    /// The rest of the temporal family, read with the engine's ISO 8601 parser.
    case localTime = "localtime", time, localDateTime = "localdatetime", dateTime = "datetime", duration

    static func named(_ name: String) -> CSVValueType? {
        switch name.lowercased() {
        case "int", "long", "short", "byte": return .integer
        case "float", "double": return .float
        case "boolean": return .boolean
        case "string", "char": return .string
        case "date": return .date
        case "localtime": return .localTime
        case "time": return .time
        case "localdatetime": return .localDateTime
        case "datetime": return .dateTime
        case "duration": return .duration
        default: return nil
        }
    }

    var temporalKind: TemporalKind? {
        switch self {
        case .localTime: return .localTime
        case .time: return .time
        case .localDateTime: return .localDateTime
        case .dateTime: return .dateTime
        case .duration: return .duration
        default: return nil
        }
    }
}

struct CSVPropertyColumn: Sendable {
    var index: Int
    var key: String
    var type: CSVValueType
    var isArray: Bool
    /// The header cell as written, for messages.
    var header: String
}

struct CSVHeader: Sendable {
    enum Kind: Sendable { case nodes, relationships }

    var kind: Kind
    var columnCount: Int
    var properties: [CSVPropertyColumn] = []
    var idColumn = -1
    var idGroup = ""
    var labelColumns: [Int] = []
    var startColumn = -1
    var startGroup = ""
    var endColumn = -1
    var endGroup = ""
    var typeColumn = -1

    enum Role {
        case id(String), label, startID(String), endID(String), type, ignore
    }

    /// Reads a role like `ID(Company)`; nil when `spec` is not a role.
    static func role(_ spec: String) -> Role? {
        var name = spec
        var group = ""
        if let open = spec.firstIndex(of: "("), spec.hasSuffix(")") {
            name = String(spec[..<open])
            group = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)])
        }
        switch name.uppercased() {
        case "ID": return .id(group)
        case "START_ID": return .startID(group)
        case "END_ID": return .endID(group)
        case "LABEL" where group.isEmpty: return .label
        case "TYPE" where group.isEmpty: return .type
        case "IGNORE" where group.isEmpty: return .ignore
        default: return nil
        }
    }

    /// Parses the header cells; nil when they describe neither a node nor a relationship file.
    static func parse(_ cells: [String], file: String) throws -> CSVHeader? {
        func bad(_ message: String) -> CLIError {
            .input(CypherError(.inputError, "BadHeader", message), file: file, line: 1)
        }
        var header = CSVHeader(kind: .nodes, columnCount: cells.count)
        var keys = Set<String>()
        var sawID = false, sawStart = false, sawEnd = false, sawType = false
        for (index, raw) in cells.enumerated() {
            let cell = raw.trimmingSpaces
            var name = cell
            var spec: String? = nil
            if let colon = cell.firstIndex(of: ":") {
                name = String(cell[..<colon])
                spec = String(cell[cell.index(after: colon)...])
            }
            if let spec, let role = role(spec) {
                switch role {
                case .id(let group):
                    guard !sawID else { throw bad("more than one :ID column ('\(cell)')") }
                    sawID = true
                    header.idColumn = index
                    header.idGroup = group
                    if !name.isEmpty {
                        guard keys.insert(name).inserted else { throw bad("property '\(name)' is named twice") }
                        header.properties.append(CSVPropertyColumn(index: index, key: name, type: .string, isArray: false, header: cell))
                    }
                case .label: header.labelColumns.append(index)
                case .startID(let group):
                    guard !sawStart else { throw bad("more than one :START_ID column") }
                    sawStart = true
                    header.startColumn = index
                    header.startGroup = group
                case .endID(let group):
                    guard !sawEnd else { throw bad("more than one :END_ID column") }
                    sawEnd = true
                    header.endColumn = index
                    header.endGroup = group
                case .type:
                    guard !sawType else { throw bad("more than one :TYPE column") }
                    sawType = true
                    header.typeColumn = index
                case .ignore: break
                }
                continue
            }
            var type = CSVValueType.string
            var isArray = false
            if var spec {
                if spec.hasSuffix("[]") {
                    isArray = true
                    spec.removeLast(2)
                }
                guard let t = CSVValueType.named(spec) else {
                    throw bad("unknown type '\(spec)' in column '\(cell)' (types: int, long, float, double, boolean, string, date, localtime, time, localdatetime, datetime, duration, and arrays such as string[])")
                }
                type = t
            }
            guard !name.isEmpty else { throw bad("column \(index + 1) ('\(cell)') has no property name") }
            guard keys.insert(name).inserted else { throw bad("property '\(name)' is named twice") }
            header.properties.append(CSVPropertyColumn(index: index, key: name, type: type, isArray: isArray, header: cell))
        }
        if sawID {
            guard !sawStart && !sawEnd && !sawType else {
                throw bad("a file cannot have both :ID (nodes) and :START_ID/:END_ID/:TYPE (relationships)")
            }
            header.kind = .nodes
            return header
        }
        if sawStart || sawEnd {
            guard sawStart && sawEnd else { throw bad("a relationship file needs both :START_ID and :END_ID") }
            guard sawType else { throw bad("a relationship file needs a :TYPE column") }
            guard header.labelColumns.isEmpty else { throw bad("a relationship file cannot have a :LABEL column") }
            header.kind = .relationships
            return header
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
