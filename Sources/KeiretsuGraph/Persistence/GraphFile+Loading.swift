// Loading a database: snapshot plus log replay, and catching up with other writers' commits.
//
// A reader takes no lock, so a writer may checkpoint while it reads. The snapshot and the log
// are each replaced by rename, so every file a reader opens is complete and consistent in
// itself; what can go wrong is pairing an old snapshot with a newer log. The log header names
// the snapshot transaction it continues, which makes that visible: a log based on a *later*
// transaction than the snapshot means a checkpoint happened in between, and the reader simply
// starts again (bounded; then `.busy`). A log based on an *earlier* transaction is the leftover
// of a crash between a checkpoint's two renames: its records are all in the snapshot already.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphFile {
    static let loadAttempts = 200

    /// Reads the snapshot and replays the log. With the lock held nothing can change underneath,
    /// so an inconsistency is damage; without it, it may be a concurrent checkpoint and is retried.
    static func load(_ path: String, holdingLock: Bool) throws -> (MemoryGraph, State) {
        let logPath = path + ".wal"
        for attempt in 0..<loadAttempts {
            guard let snapshotFile = try POSIXFile.openForReading(path) else {
                throw POSIXFile.ioError(path, "open", ENOENT)
            }
            let snapshotIdentity = try snapshotFile.identity()
            let contents = try SnapshotReader.read(snapshotFile)
            let header = contents.header
            var state = State(databaseID: header.databaseID, snapshotTransaction: header.transaction,
                              snapshotHandle: snapshotFile, logHandle: nil,
                              snapshotIdentity: snapshotIdentity, snapshotBytes: header.fileLength,
                              logIdentity: nil, logEnd: 0, logBase: header.transaction,
                              lastTransaction: header.transaction, tornBytes: 0)
            guard let logFile = try POSIXFile.openForReading(logPath) else {
                return (contents.graph, state)
            }
            let logIdentity = try logFile.identity()
            let bytes = try logFile.readToEnd()
            let raced = !holdingLock && attempt + 1 < loadAttempts
            let retry: Bool = try bytes.withUnsafeBytes { raw in
                let logHeader = try LogHeader.decode(raw, path: logPath)
                if logHeader.databaseID != header.databaseID || logHeader.baseTransaction > header.transaction {
                    // Either a checkpoint ran between our two opens, or the files do not belong
                    // together; only a changed snapshot tells them apart.
                    if raced && POSIXFile.identity(of: path) != snapshotIdentity { return true }
                    if logHeader.databaseID != header.databaseID {
                        throw PersistenceError.corrupted(path: logPath, offset: 16,
                                                         detail: "the log belongs to another database than \(path)")
                    }
                    throw PersistenceError.corrupted(path: logPath, offset: 24,
                                                     detail: "the log continues transaction \(logHeader.baseTransaction) but the snapshot holds only \(header.transaction)")
                }
                let body = UnsafeRawBufferPointer(rebasing: raw[LogHeader.size...])
                let scan = try LogRecordFormat.scan(body, fileOffset: LogHeader.size, next: logHeader.baseTransaction + 1,
                                                    skipThrough: header.transaction, path: logPath)
                if logHeader.baseTransaction < header.transaction, let first = scan.records.first {
                    throw PersistenceError.corrupted(path: logPath, offset: first.offset,
                                                     detail: "an old log holds transaction \(first.transaction), which the snapshot lacks")
                }
                try replay(scan.records, into: contents.graph, path: logPath)
                state.logIdentity = logIdentity
                state.logHandle = logFile
                state.logBase = logHeader.baseTransaction
                state.logEnd = scan.validEnd
                state.tornBytes = scan.tornBytes
                state.lastTransaction = scan.records.last?.transaction ?? header.transaction
                return false
            }
            if retry {
                usleep(5_000)
                continue
            }
            return (contents.graph, state)
        }
        throw PersistenceError.busy(path: path)
    }

    /// Applies log records, each as one transaction. A record that does not apply means the
    /// log and the snapshot disagree: damage.
    static func replay(_ records: [LogRecord], into graph: MemoryGraph, path: String) throws {
        let recorder = graph.changeRecorder
        graph.changeRecorder = nil
        defer { graph.changeRecorder = recorder }
        for record in records {
            graph.beginTransaction()
            do {
                for change in record.changes { try graph.apply(change) }
            } catch {
                graph.rollbackTransaction()
                throw PersistenceError.corrupted(path: path, offset: record.offset,
                                                 detail: "transaction \(record.transaction) does not apply to the graph: \(error)")
            }
            graph.commitTransaction()
        }
    }

    /// Whether the files are exactly as this session last saw them. Meaningful under the lock.
    func isCurrent() throws -> Bool {
        guard POSIXFile.identity(of: path) == state.snapshotIdentity else { return false }
        let log = POSIXFile.status(of: logPath)
        guard log?.identity == state.logIdentity else { return false }
        if let log, log.size != state.logEnd { return false }
        return true
    }

    /// Brings the graph up to date with what other writers committed: new log records are
    /// applied; a replaced snapshot or log means a full reload. Must not run inside a transaction.
    func catchUp() throws {
        let snapshotNow = POSIXFile.identity(of: path)
        let log = POSIXFile.status(of: logPath)
        if snapshotNow != state.snapshotIdentity || log?.identity != state.logIdentity {
            try reload()
            return
        }
        guard let log, log.size != state.logEnd else { return }
        if log.size < state.logEnd {
            // Only damage (or a hand edit) shortens a log below what was committed.
            try reload()
            return
        }
        // Read from the log this session follows (held open), never from whatever the path names.
        guard let file = state.logHandle else {
            try reload()
            return
        }
        let bytes = try file.readToEnd(from: state.logEnd)
        let scan = try bytes.withUnsafeBytes { raw in
            try LogRecordFormat.scan(raw, fileOffset: state.logEnd, next: state.lastTransaction + 1,
                                     skipThrough: state.snapshotTransaction, path: logPath)
        }
        do {
            try Self.replay(scan.records, into: graph, path: logPath)
        } catch {
            unusableReason = "the log could not be followed: \(error)"
            throw error
        }
        state.logEnd = scan.validEnd
        state.tornBytes = scan.tornBytes
        if let last = scan.records.last { state.lastTransaction = last.transaction }
        if holdsLock && scan.tornBytes > 0 { try cutTornTail() }
    }

    /// Reads everything again into the same MemoryGraph object (a Database may hold it).
    func reload() throws {
        let (fresh, newState) = try Self.load(path, holdingLock: holdsLock)
        graph.replaceContents(with: fresh)
        state = newState
        logWriter = nil
        if holdsLock && state.tornBytes > 0 { try cutTornTail() }
    }

    /// Public refresh for sessions that only read: picks up other writers' commits.
    public func refresh() throws {
        try checkUsable()
        guard !graph.inTransaction, !holdsLock else { return }
        try catchUp()
    }
}
