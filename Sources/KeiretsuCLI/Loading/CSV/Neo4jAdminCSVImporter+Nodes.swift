// Loading one node file: parse its chunks in parallel, then create the nodes in file order,
// registering each `:ID` in its id space.
//
// Duplicate ids and uniqueness-constraint violations can only be seen here, in order, so they
// are reported as bad rows at the point they occur; the parse-time bad rows of each chunk are
// interleaved at their positions, so every message comes in file order.

import KeiretsuCypher
import KeiretsuGraph

extension Neo4jAdminCSVImporter {
    func loadNodes(_ file: String, _ header: CSVHeader) throws {
        var bytes = try FileBytes.read(file)
        let table = idSpaces[header.idGroup] ?? CSVIDTable()
        idSpaces[header.idGroup] = table
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var fields: [CSVField] = []
            _ = scanner.next(into: &fields)  // the header
            let (chunks, lineBreaks) = CSVChunking.chunks(buffer, range: scanner.position..<buffer.count, line: scanner.line)
            graph.reserve(nodes: graph.nodeCount + lineBreaks, relationships: 0)
            table.reserve(lineBreaks)
            let input = CSVParseInput(bytes: buffer, header: header, skipBadRows: options.skipBadRows,
                                      startTable: nil, endTable: nil)
            let parsed = CSVChunking.parallelMap(chunks) { chunk in
                var parser = CSVRowParser(input, chunk: chunk)
                return parser.parseNodes(expectedRows: chunk.lineBreaks + 1)
            }
            var shown = 0
            for rows in parsed {
                var nextBad = 0
                for i in rows.keyStarts.indices {
                    try reportBadRows(rows.bad, upTo: i, next: &nextBad, file: file, shown: &shown)
                    let key = UnsafeBufferPointer(rebasing: buffer[rows.keyStarts[i]..<rows.keyEnds[i]])
                    let probe = CSVIDTable.key(key)
                    if table.find(probe, key) != nil {
                        let message = "duplicate node id \(CSVRowParser.quoted(key))\(CSVRowParser.space(header.idGroup))"
                        try badRow(file, rows.lines[i], message, shown: &shown)
                        continue
                    }
                    let id: Int
                    do {
                        id = try graph.createNode(labels: rows.labels[i], properties: rows.properties[i])
                    } catch let GraphStoreError.uniquenessViolated(label, property, value) {
                        let message = "the node violates the uniqueness constraint on :\(label)(\(property)) with value \(value.literal())"
                        try badRow(file, rows.lines[i], message, shown: &shown)
                        continue
                    }
                    noteNode(id)
                    table.insert(probe, key, node: id)
                }
                try reportBadRows(rows.bad, upTo: Int.max, next: &nextBad, file: file, shown: &shown)
            }
        }
    }
}
