// GraphMLReader: loads a GraphML file into a graph store, all or nothing.
//
// The file is streamed through libxml2's xmlTextReader (XMLEventReader) into a scratch graph by
// GraphMLLoader; only when the whole file has been read and checked are its nodes and
// relationships copied into the target. The copy runs inside a transaction of the target when
// the target has none open (a uniqueness constraint can still refuse a node there), and rolls
// back on failure; when the caller already holds a transaction, the caller's rollback covers it.
// Either way a failed load leaves the target as it was.

import KeiretsuCypher
import KeiretsuGraph

public enum GraphMLReader {
    /// Loads the GraphML file at `path` into `graph`. Returns warnings (`path:line: warning: …`)
    /// about data that was read in a lossy or defaulted way. Throws `InputError.MalformedXML`,
    /// `InputError.InvalidGraphML` or `InputError.FileNotReadable` with file and line in the
    /// message; nothing is loaded then.
    @discardableResult
    public static func load(path: String, into graph: any GraphStore) throws -> [String] {
        var loader = GraphMLLoader(name: path)
        let xmlWarnings = try XMLEventReader.read(path: path, name: path, handler: &loader)
        try loader.finish()
        try copy(loader.graph, into: graph, name: path)
        return xmlWarnings + loader.warnings
    }

    /// Loads a GraphML document held in memory; `name` stands for the file in messages.
    @discardableResult
    public static func load(text: String, name: String, into graph: any GraphStore) throws -> [String] {
        var loader = GraphMLLoader(name: name)
        let xmlWarnings = try XMLEventReader.read(bytes: Array(text.utf8), name: name, handler: &loader)
        try loader.finish()
        try copy(loader.graph, into: graph, name: name)
        return xmlWarnings + loader.warnings
    }

    /// Copies every node and relationship of `scratch` into `target`, or nothing.
    static func copy(_ scratch: MemoryGraph, into target: any GraphStore, name: String) throws {
        let ownTransaction = !target.inTransaction
        if ownTransaction { target.beginTransaction() }
        do {
            var ids: [ElementID: ElementID] = [:]
            ids.reserveCapacity(scratch.nodeCount)
            for id in scratch.allNodeIDs() {
                ids[id] = try target.createNode(labels: scratch.nodeLabels(id), properties: scratch.nodeProperties(id))
            }
            for id in scratch.allRelationshipIDs() {
                guard let (s, e) = scratch.relationshipEndpoints(id), let start = ids[s], let end = ids[e] else { continue }
                try target.createRelationship(type: scratch.relationshipType(id) ?? GraphMLLoader.defaultRelationshipType,
                                              start: start, end: end, properties: scratch.relationshipProperties(id))
            }
        } catch {
            if ownTransaction { target.rollbackTransaction() }
            if let e = error as? CypherError { throw e }
            throw CypherError(.constraintVerificationFailed, "GraphMLLoadRefused",
                              "\(name): the graph refused the loaded data: \(error)", phase: .runtime)
        }
        if ownTransaction { target.commitTransaction() }
    }
}
