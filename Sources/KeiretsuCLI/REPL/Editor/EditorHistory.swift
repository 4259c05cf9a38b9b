// The statements a session has submitted, oldest first, as the editor browses them.
//
// Consecutive duplicates are skipped (typing the same query twice leaves one entry), blank
// entries are never kept, and the list is capped so that a long-lived history file cannot make
// start-up slow. Persistence lives elsewhere (HistoryFile); this is the in-memory list only.

struct EditorHistory: Equatable {
    /// The most entries kept in memory and in the file.
    static let defaultLimit = 2000

    private(set) var entries: [String] = []
    let limit: Int

    init(entries: [String] = [], limit: Int = EditorHistory.defaultLimit) {
        self.limit = max(limit, 1)
        for e in entries { add(e) }
    }

    var count: Int { entries.count }

    subscript(index: Int) -> String { entries[index] }

    /// Appends `entry` unless it is blank or repeats the newest entry; returns whether it was
    /// added.
    @discardableResult
    mutating func add(_ entry: String) -> Bool {
        guard entry.contains(where: { !$0.isWhitespace }) else { return false }
        if entries.last == entry { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The newest entry at or before `start` (searching toward older entries) that contains
    /// `query`, with the character offset of the match. Smart case: a query with no capitals
    /// matches regardless of case.
    func searchBackward(_ query: String, from start: Int) -> (index: Int, offset: Int)? {
        guard !entries.isEmpty else { return nil }
        var i = min(start, entries.count - 1)
        while i >= 0 {
            if let offset = Self.find(query, in: entries[i]) { return (i, offset) }
            i -= 1
        }
        return nil
    }

    /// The oldest entry at or after `start` that contains `query`.
    func searchForward(_ query: String, from start: Int) -> (index: Int, offset: Int)? {
        var i = max(start, 0)
        while i < entries.count {
            if let offset = Self.find(query, in: entries[i]) { return (i, offset) }
            i += 1
        }
        return nil
    }

    /// Character offset of the first occurrence of `query` in `text`.
    static func find(_ query: String, in text: String) -> Int? {
        if query.isEmpty { return text.count }
        let ignoreCase = !query.contains(where: { $0.isUppercase })
        let hay = Array(ignoreCase ? text.lowercased() : text)
        let needle = Array(ignoreCase ? query.lowercased() : query)
        guard needle.count <= hay.count else { return nil }
        // lowercased() keeps the number of characters for the scripts users type; if it ever
        // did not, the offset would only move the cursor, never corrupt the text.
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
