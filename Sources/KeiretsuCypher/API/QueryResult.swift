// What one statement returns: named columns, rows of values, and the counts of what it changed.

import KeiretsuGraph

public struct QueryStatistics: Sendable, Equatable {
    public var nodesCreated = 0
    public var nodesDeleted = 0
    public var relationshipsCreated = 0
    public var relationshipsDeleted = 0
    public var labelsAdded = 0
    public var labelsRemoved = 0
    public var propertiesSet = 0

    public init() {}

    public var containsUpdates: Bool { self != QueryStatistics() }

    /// The counters in the fixed order of DESIGN.md's JSON contract.
    public var fields: [(name: String, value: Int)] {
        [
            ("nodesCreated", nodesCreated), ("nodesDeleted", nodesDeleted),
            ("relationshipsCreated", relationshipsCreated), ("relationshipsDeleted", relationshipsDeleted),
            ("labelsAdded", labelsAdded), ("labelsRemoved", labelsRemoved), ("propertiesSet", propertiesSet),
        ]
    }

    public static func += (a: inout QueryStatistics, b: QueryStatistics) {
        a.nodesCreated += b.nodesCreated
        a.nodesDeleted += b.nodesDeleted
        a.relationshipsCreated += b.relationshipsCreated
        a.relationshipsDeleted += b.relationshipsDeleted
        a.labelsAdded += b.labelsAdded
        a.labelsRemoved += b.labelsRemoved
        a.propertiesSet += b.propertiesSet
    }
}

public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    public var stats: QueryStatistics
    /// For EXPLAIN and PROFILE: the plan, one operator per line (PROFILE adds rows and time).
    public var plan: String?

    public init(columns: [String], rows: [[Value]], stats: QueryStatistics = QueryStatistics(), plan: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.stats = stats
        self.plan = plan
    }
}
