// Neo4jAdminCSVImporter: loads CSV files in the neo4j-admin import layout into a MemoryGraph.
//
// Each file is recognised by its header (CSVHeader): node files (`:ID`) and relationship files
// (`:START_ID`, `:END_ID`, `:TYPE`). All node files load first, then all relationship files,
// each group in the order given (the seed loader passes sorted paths), because a relationship
// may name a node from any node file of its id space. A CSV file that is neither kind is
// skipped with a warning.
//
// A bad row — wrong number of fields, a value its column's type cannot hold, an unknown or
// duplicate id, an unterminated quote — is an `InputError.BadRow` at `file:line` (the physical
// line the row starts on). Without `skipBadRows` the first one fails the load and everything
// this importer created is removed again, so nothing is half-loaded: ids are allocated
// monotonically, so what it created is exactly the id ranges between its first and last
// creations, deleted newest first. With `skipBadRows` each bad row is reported as a warning
// (the first `maxWarningsPerFile` of each file) and counted.
//
// Speed matters (the benchmark loads 1M nodes and 5M relationships). Each file is read with one
// read(2) and its rows are cut into chunks (CSVChunking) that CSVRowParser turns into columns in
// parallel: fields are scanned as bytes, numbers parsed from bytes, labels and types interned,
// ids resolved by their bytes (CSVIDTable). Creating the elements is sequential. Relationships
// are created grouped by start node (a stable counting sort), so the store appends to one
// node's adjacency after another instead of jumping across memory; their ids are therefore in
// start-node order, not file order — still the same on every run.

import KeiretsuCypher
import KeiretsuGraph

public final class Neo4jAdminCSVImporter {
    public struct Options: Sendable {
        public var skipBadRows: Bool
        /// Warnings printed per file under skipBadRows before the rest are only counted.
        public var maxWarningsPerFile: Int

        public init(skipBadRows: Bool = false, maxWarningsPerFile: Int = 100) {
            self.skipBadRows = skipBadRows
            self.maxWarningsPerFile = maxWarningsPerFile
        }
    }

    public struct Report: Sendable, Equatable {
        public var nodesCreated = 0
        public var relationshipsCreated = 0
        public var rowsSkipped = 0
        public var nodeFiles: [String] = []
        public var relationshipFiles: [String] = []
        /// CSV files that are not in the import layout.
        public var otherFiles: [String] = []

        public init() {}
    }

    let graph: MemoryGraph
    let options: Options
    let warn: (String) -> Void
    var idSpaces: [String: CSVIDTable] = [:]
    var report = Report()
    var createdNodes: ClosedRange<Int>? = nil
    var createdRelationships: ClosedRange<Int>? = nil

    public init(graph: MemoryGraph, options: Options = Options(), warn: @escaping (String) -> Void = { _ in }) {
        self.graph = graph
        self.options = options
        self.warn = warn
    }

    /// Loads `files`: node files first, then relationship files. All or nothing.
    @discardableResult
    public func load(files: [String]) throws -> Report {
        var nodeFiles: [(String, CSVHeader)] = []
        var relationshipFiles: [(String, CSVHeader)] = []
        for file in files {
            guard let header = try readHeader(file) else {
                report.otherFiles.append(file)
                warn("\(file): warning: not a neo4j-admin import file (no :ID column and no :START_ID/:END_ID columns); ignored")
                continue
            }
            switch header.kind {
            case .nodes: nodeFiles.append((file, header))
            case .relationships: relationshipFiles.append((file, header))
            }
        }
        do {
            for (file, header) in nodeFiles {
                try loadNodes(file, header)
                report.nodeFiles.append(file)
            }
            for (file, header) in relationshipFiles {
                try loadRelationships(file, header)
                report.relationshipFiles.append(file)
            }
        } catch {
            rollback()
            throw error
        }
        return report
    }

    /// The header of `file`, read from the start of the file only; nil when the file is not
    /// an import file (or is empty).
    func readHeader(_ file: String) throws -> CSVHeader? {
        let limit = 1 << 20
        var bytes = try FileBytes.readPrefix(file, limit: limit)
        var cells: [String]? = nil
        var complete = false
        bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var fields: [CSVField] = []
            if case .row = scanner.next(into: &fields) {
                cells = fields.map { scanner.string(of: $0) }
                complete = scanner.position < buffer.count || buffer.count < limit
            } else {
                complete = buffer.count < limit
            }
        }
        if !complete {
            // A header longer than the prefix: read the whole file.
            bytes = try FileBytes.read(file)
            bytes.withUnsafeMutableBufferPointer { buffer in
                var scanner = CSVScanner(bytes: buffer)
                var fields: [CSVField] = []
                if case .row = scanner.next(into: &fields) { cells = fields.map { scanner.string(of: $0) } }
            }
        }
        guard let cells else { return nil }
        return try CSVHeader.parse(cells, file: file)
    }

    /// Reports a bad row: throws without skipBadRows, otherwise warns and counts.
    func badRow(_ file: String, _ line: Int, _ message: String, shown: inout Int) throws {
        guard options.skipBadRows else {
            throw CLIError.input(CypherError(.inputError, "BadRow", message), file: file, line: line)
        }
        report.rowsSkipped += 1
        if shown < options.maxWarningsPerFile {
            warn("\(file):\(line): warning: InputError.BadRow: \(message); row skipped")
        } else if shown == options.maxWarningsPerFile {
            warn("\(file): warning: further bad rows in this file are skipped without a message")
        }
        shown += 1
    }

    /// Removes everything this importer created, newest first.
    func rollback() {
        if let range = createdRelationships {
            for id in range.reversed() { graph.deleteRelationship(id) }
        }
        if let range = createdNodes {
            for id in range.reversed() { try? graph.deleteNode(id) }
        }
        createdNodes = nil
        createdRelationships = nil
        report.nodesCreated = 0
        report.relationshipsCreated = 0
    }

    func noteNode(_ id: Int) {
        createdNodes = (createdNodes?.lowerBound ?? id)...id
        report.nodesCreated += 1
    }

    func noteRelationship(_ id: Int) {
        createdRelationships = (createdRelationships?.lowerBound ?? id)...id
        report.relationshipsCreated += 1
    }

    /// Reports the bad rows of a chunk at `position`, in order, starting from `next`.
    func reportBadRows(_ bad: [CSVBadRow], upTo position: Int, next: inout Int, file: String, shown: inout Int) throws {
        while next < bad.count && bad[next].position <= position {
            try badRow(file, bad[next].line, bad[next].message, shown: &shown)
            next += 1
        }
    }
}

/// A small cache from field bytes to an interned value (a label list, a type name): most rows
/// of a file repeat a handful of them, so a linear search over a few entries beats building a
/// String per row. Past `limit` distinct keys it stops caching.
struct InternCache<T> {
    private var keys: [[UInt8]] = []
    private var values: [T] = []
    private var last = 0
    let limit = 256

    @inline(__always)
    mutating func value(for key: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let v = lookup(key) { return v }
        let v = make(key)
        remember(key, v)
        return v
    }

    @inline(__always)
    mutating func lookup(_ key: UnsafeBufferPointer<UInt8>) -> T? {
        if last < keys.count, Self.equal(keys[last], key) { return values[last] }
        for i in keys.indices where Self.equal(keys[i], key) {
            last = i
            return values[i]
        }
        return nil
    }

    mutating func remember(_ key: UnsafeBufferPointer<UInt8>, _ value: T) {
        guard keys.count < limit else { return }
        keys.append(Array(key))
        values.append(value)
        last = keys.count - 1
    }

    @inline(__always)
    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { pa in
            for k in 0..<b.count where pa[k] != b[k] { return false }
            return true
        }
    }
}
