// The one-line summary of what a statement changed, printed by the table format (and the REPL)
// for updates, in the order of DESIGN.md's stats object: `Created 3 nodes, set 6 properties.`

import KeiretsuCypher

extension QueryStatistics {
    /// A one-line summary of what a statement changed, as the table format prints it for
    /// updates: `Created 3 nodes, set 6 properties.`; `(no changes, no records)` when nothing.
    public var summary: String {
        func count(_ n: Int, _ singular: String, _ plural: String) -> String {
            "\(n) \(n == 1 ? singular : plural)"
        }
        var parts: [String] = []
        if nodesCreated > 0 { parts.append("created " + count(nodesCreated, "node", "nodes")) }
        if nodesDeleted > 0 { parts.append("deleted " + count(nodesDeleted, "node", "nodes")) }
        if relationshipsCreated > 0 {
            parts.append("created " + count(relationshipsCreated, "relationship", "relationships"))
        }
        if relationshipsDeleted > 0 {
            parts.append("deleted " + count(relationshipsDeleted, "relationship", "relationships"))
        }
        if labelsAdded > 0 { parts.append("added " + count(labelsAdded, "label", "labels")) }
        if labelsRemoved > 0 { parts.append("removed " + count(labelsRemoved, "label", "labels")) }
        if propertiesSet > 0 { parts.append("set " + count(propertiesSet, "property", "properties")) }
        guard let first = parts.first else { return "(no changes, no records)" }
        parts[0] = first.prefix(1).uppercased() + first.dropFirst()
        return parts.joined(separator: ", ") + "."
    }
}
