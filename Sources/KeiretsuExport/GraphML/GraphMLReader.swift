// GraphMLReader: loads a GraphML file into a graph store, all or nothing.
//
// The file is streamed through libxml2's xmlTextReader (XMLEventReader) and GraphMLLoader
// creates each node and relationship in the target as its element ends, so memory holds the
// graph being built and little else. The load runs in a transaction of the target, rolled back
// on any error (malformed XML, a structure violation, a uniqueness constraint the data breaks):
// a failed load leaves the target as it was. When the caller already holds a transaction (a
// seeds folder loaded as one unit), the load joins it and the caller's rollback undoes it.

import KeiretsuCypher
import KeiretsuGraph

public enum GraphMLReader {
    /// Loads the GraphML file at `path` into `graph`. Returns warnings (`path:line: warning: …`)
    /// about data that was read in a lossy or defaulted way. Throws `InputError.MalformedXML`,
    /// `InputError.InvalidGraphML` or `InputError.FileNotReadable` with file and line in the
    /// message (or `ConstraintVerificationFailed.GraphMLLoadRefused` when the target's
    /// constraints refuse the data); nothing is loaded then.
    @discardableResult
    public static func load(path: String, into graph: any GraphStore) throws -> [String] {
        try load(into: graph, name: path) { loader in
            try XMLEventReader.read(path: path, name: path, handler: &loader)
        }
    }

    /// Loads a GraphML document held in memory; `name` stands for the file in messages.
    @discardableResult
    public static func load(text: String, name: String, into graph: any GraphStore) throws -> [String] {
        try load(into: graph, name: name) { loader in
            try XMLEventReader.read(bytes: Array(text.utf8), name: name, handler: &loader)
        }
    }

    private static func load(into graph: any GraphStore, name: String,
                             read: (inout GraphMLLoader) throws -> [String]) throws -> [String] {
        let ownTransaction = !graph.inTransaction
        if ownTransaction { graph.beginTransaction() }
        var loader = GraphMLLoader(name: name, graph: graph)
        do {
            let xmlWarnings = try read(&loader)
            try loader.finish()
            if ownTransaction { graph.commitTransaction() }
            return xmlWarnings + loader.warnings
        } catch {
            if ownTransaction { graph.rollbackTransaction() }
            throw error
        }
    }
}
