// CSVRowParser: turns the rows of one chunk into columns ready to be created in the store.
//
// This is the part of a load that runs in parallel (one parser per chunk): splitting fields,
// parsing typed values, building property maps, interning labels and types and — for
// relationship files — resolving `:START_ID`/`:END_ID` in the (by then complete, read-only) id
// tables. Creating elements stays sequential, in Neo4jAdminCSVImporter.
//
// A bad row is not thrown here but recorded at its position among the good rows, so the
// importer reports bad rows in file order across chunks. Without skipBadRows a parser stops at
// its first bad row, since the load will fail there.
//
// Property maps share their key storage: rows that set the same columns (the same "presence
// mask") start from one template map of those keys, so a row costs one values array rather
// than a keys array, a values array and a hash of every key.

import KeiretsuGraph

struct CSVBadRow: Sendable {
    /// The number of good rows of the chunk before this one.
    var position: Int
    var line: Int
    var message: String
}

struct CSVNodeRows: Sendable {
    var keyStarts: [Int] = []
    var keyEnds: [Int] = []
    var lines: [Int] = []
    var labels: [[String]] = []
    var properties: [ValueMap] = []
    var bad: [CSVBadRow] = []
}

struct CSVRelationshipRows: Sendable {
    /// One parsed relationship, kept together so that creating them in start-node order reads
    /// one place per relationship.
    /// 24 bytes: millions of these are held, and sorted, during a load.
    struct Row: Sendable {
        var start: Int
        var end: Int
        /// Index into `types`.
        var type: Int32
        /// Index into `properties`, or -1 for a relationship without properties.
        var propertyIndex: Int32
    }

    var rows: [Row] = []
    var types: [String] = []
    var properties: [ValueMap] = []
    var bad: [CSVBadRow] = []
}

/// Read-only access to what a parser needs from the importer, shared across threads.
struct CSVParseInput: @unchecked Sendable {
    // @unchecked: the buffer and the id tables are not written while parsers run (the tables
    // are complete before any relationship file is parsed, and each parser writes only the
    // bytes of its own chunk when it unescapes a quoted field).
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let header: CSVHeader
    let skipBadRows: Bool
    let startTable: CSVIDTable?
    let endTable: CSVIDTable?
}

struct CSVRowParser {
    let input: CSVParseInput
    var scanner: CSVScanner
    var fields: [CSVField] = []
    var maps: PropertyMapBuilder
    var labelCache = InternCache<[String]>()
    var typeCache = InternCache<Int32>()
    var typeIndexes: [String: Int32] = [:]

    init(_ input: CSVParseInput, chunk: CSVChunk) {
        self.input = input
        self.scanner = CSVScanner(bytes: input.bytes, range: chunk.range, line: chunk.line)
        self.maps = PropertyMapBuilder(columns: input.header.properties)
        fields.reserveCapacity(input.header.columnCount)
    }

    /// The next row with the right number of fields: its line, or nil at the end. Malformed
    /// rows are recorded in `bad` (at `position`); `stop` is set when parsing should end.
    mutating func nextRow(position: Int, bad: inout [CSVBadRow], stop: inout Bool) -> Int? {
        while !stop {
            switch scanner.next(into: &fields) {
            case .end: return nil
            case .bad(let line, let message):
                record(CSVBadRow(position: position, line: line, message: message), &bad, &stop)
            case .row(let line):
                if fields.count == input.header.columnCount { return line }
                let message = "expected \(input.header.columnCount) fields, found \(fields.count)"
                record(CSVBadRow(position: position, line: line, message: message), &bad, &stop)
            }
        }
        return nil
    }

    func record(_ row: CSVBadRow, _ bad: inout [CSVBadRow], _ stop: inout Bool) {
        bad.append(row)
        if !input.skipBadRows { stop = true }
    }

    mutating func parseNodes(expectedRows: Int) -> CSVNodeRows {
        var out = CSVNodeRows()
        out.keyStarts.reserveCapacity(expectedRows)
        out.keyEnds.reserveCapacity(expectedRows)
        out.lines.reserveCapacity(expectedRows)
        out.labels.reserveCapacity(expectedRows)
        out.properties.reserveCapacity(expectedRows)
        let header = input.header
        var stop = false
        while let line = nextRow(position: out.keyStarts.count, bad: &out.bad, stop: &stop) {
            let position = out.keyStarts.count
            let id = fields[header.idColumn]
            guard !id.isEmpty else {
                record(CSVBadRow(position: position, line: line, message: "the :ID field is empty"), &out.bad, &stop)
                continue
            }
            var labels: [String] = []
            for column in header.labelColumns {
                let these = labelCache.value(for: scanner.bytes(of: fields[column]), make: Self.splitLabels)
                labels = labels.isEmpty ? these : labels + these.filter { !labels.contains($0) }
            }
            switch maps.build(fields, scanner) {
            case .failure(let message):
                record(CSVBadRow(position: position, line: line, message: message.text), &out.bad, &stop)
            case .success(let properties):
                out.keyStarts.append(id.start)
                out.keyEnds.append(id.end)
                out.lines.append(line)
                out.labels.append(labels)
                out.properties.append(properties)
            }
        }
        return out
    }

    mutating func parseRelationships(expectedRows: Int) -> CSVRelationshipRows {
        var out = CSVRelationshipRows()
        out.rows.reserveCapacity(expectedRows)
        let header = input.header
        var stop = false
        let startTable = input.startTable ?? CSVIDTable()
        let endTable = input.endTable ?? CSVIDTable()
        while let line = nextRow(position: out.rows.count, bad: &out.bad, stop: &stop) {
            let position = out.rows.count
            let startKey = scanner.bytes(of: fields[header.startColumn])
            let endKey = scanner.bytes(of: fields[header.endColumn])
            let (foundStart, foundEnd) = startTable.findPair(CSVIDTable.key(startKey), startKey,
                                                             endTable, CSVIDTable.key(endKey), endKey)
            guard let start = foundStart else {
                let message = "unknown :START_ID \(Self.quoted(startKey))\(Self.space(header.startGroup))"
                record(CSVBadRow(position: position, line: line, message: message), &out.bad, &stop)
                continue
            }
            guard let end = foundEnd else {
                let message = "unknown :END_ID \(Self.quoted(endKey))\(Self.space(header.endGroup))"
                record(CSVBadRow(position: position, line: line, message: message), &out.bad, &stop)
                continue
            }
            let typeBytes = scanner.bytes(of: fields[header.typeColumn])
            guard !typeBytes.isEmpty else {
                record(CSVBadRow(position: position, line: line, message: "the :TYPE field is empty"), &out.bad, &stop)
                continue
            }
            let type: Int32
            if let cached = typeCache.lookup(typeBytes) {
                type = cached
            } else {
                let name = String(decoding: typeBytes, as: UTF8.self)
                if let known = typeIndexes[name] {
                    type = known
                } else {
                    guard out.types.count < Int32.max else {
                        record(CSVBadRow(position: position, line: line, message: "too many relationship types in one file"), &out.bad, &stop)
                        continue
                    }
                    type = Int32(out.types.count)
                    out.types.append(name)
                    typeIndexes[name] = type
                }
                typeCache.remember(typeBytes, type)
            }
            switch maps.build(fields, scanner) {
            case .failure(let message):
                record(CSVBadRow(position: position, line: line, message: message.text), &out.bad, &stop)
            case .success(let properties):
                var index: Int32 = -1
                if !properties.isEmpty {
                    guard out.properties.count < Int32.max else {
                        record(CSVBadRow(position: position, line: line, message: "too many relationships with properties in one file"), &out.bad, &stop)
                        continue
                    }
                    index = Int32(out.properties.count)
                    out.properties.append(properties)
                }
                out.rows.append(CSVRelationshipRows.Row(start: start, end: end, type: type, propertyIndex: index))
            }
        }
        return out
    }

    static func splitLabels(_ cell: UnsafeBufferPointer<UInt8>) -> [String] {
        var labels: [String] = []
        var start = 0
        for k in 0...cell.count where k == cell.count || cell[k] == 0x3B {
            if k > start {
                let label = String(decoding: UnsafeBufferPointer(rebasing: cell[start..<k]), as: UTF8.self)
                if !labels.contains(label) { labels.append(label) }
            }
            start = k + 1
        }
        return labels
    }

    /// A field's text for a message, shortened when long.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(60), as: UTF8.self)
        return "'" + text + (bytes.count > 60 ? "…" : "") + "'"
    }

    static func space(_ group: String) -> String { group.isEmpty ? "" : " in id space \(group)" }
}

struct CSVRowMessage: Error {
    var text: String
}

/// Builds the property map of a row from its typed columns (see the file comment).
struct PropertyMapBuilder {
    let columns: [CSVPropertyColumn]
    private var values: [Value]
    private var templates: [(mask: UInt64, map: ValueMap)] = []

    init(columns: [CSVPropertyColumn]) {
        self.columns = columns
        self.values = Array(repeating: .null, count: columns.count)
    }

    /// An empty cell sets no property — except `""` in a string column, the empty string.
    @inline(__always)
    static func isMissing(_ field: CSVField, _ column: CSVPropertyColumn) -> Bool {
        field.isEmpty && (!field.quoted || column.type != .string || column.isArray)
    }

    mutating func build(_ fields: [CSVField], _ scanner: CSVScanner) -> Result<ValueMap, CSVRowMessage> {
        var mask: UInt64 = 0
        var present = 0
        for (i, column) in columns.enumerated() {
            let field = fields[column.index]
            if Self.isMissing(field, column) { continue }
            let bytes = scanner.bytes(of: field)
            let parsed = column.isArray ? CSVValueParsing.array(bytes, column.type) : CSVValueParsing.scalar(bytes, column.type)
            guard let value = parsed else {
                let what = column.isArray ? "a list of \(column.type.rawValue) separated by ';'" : "a valid \(column.type.rawValue)"
                return .failure(CSVRowMessage(text: "\(CSVRowParser.quoted(bytes)) in column '\(column.header)' is not \(what)"))
            }
            values[i] = value
            if i < 64 { mask |= 1 << UInt64(i) }
            present += 1
        }
        if present == 0 { return .success(ValueMap()) }
        guard columns.count <= 64 else {
            // Too many columns for a mask: build the map directly.
            var map = ValueMap()
            for (i, column) in columns.enumerated() where !Self.isMissing(fields[column.index], column) {
                map[column.key] = values[i]
            }
            return .success(map)
        }
        var map = template(mask)
        var k = map.values.startIndex
        var bits = mask
        while bits != 0 {
            let i = bits.trailingZeroBitCount
            map.values[k] = values[i]
            k += 1
            bits &= bits - 1
        }
        return .success(map)
    }

    private mutating func template(_ mask: UInt64) -> ValueMap {
        for t in templates where t.mask == mask { return t.map }
        var map = ValueMap()
        var bits = mask
        while bits != 0 {
            map[columns[bits.trailingZeroBitCount].key] = Value.null
            bits &= bits - 1
        }
        if templates.count < 64 { templates.append((mask, map)) }
        return map
    }
}
