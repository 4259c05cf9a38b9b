// Checkpoints, fresh logs, creation and bulk loads: every way a whole file is (re)written.
//
// Each follows the same discipline, so that a crash at any instant leaves either the old state
// or the new one, never a mix: write to a temporary name, fsync the file, rename it over the
// real name, fsync the folder (a rename is only durable once its directory entry is). A
// checkpoint renames the snapshot first and the log second; a crash between the two leaves a
// log older than the snapshot, which loading recognises and skips (GraphFile+Loading.swift).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphFile {
    var snapshotTempPath: String { path + ".tmp" }
    var logTempPath: String { logPath + ".tmp" }

    /// Writes the graph as a new snapshot and starts an empty log. Needs the writer lock (taken
    /// here, waiting up to `options.lockWait`, when not held) and no open transaction.
    public func checkpoint() throws {
        try checkUsable()
        guard !graph.inTransaction else {
            throw PersistenceError.unusable(path: path, detail: "cannot checkpoint inside a transaction")
        }
        let hadLock = holdsLock
        try acquireLock(wait: options.lockWait)
        defer { if !hadLock { releaseLock() } }
        if !hadLock { try catchUp() }
        try writeSnapshot()
        try startFreshLog()
    }

    func writeSnapshot() throws {
        var timer = PhaseTimer("checkpoint")
        defer { timer.lap("write snapshot") }
        var writer = SnapshotWriter(graph: graph, databaseID: state.databaseID, transaction: state.lastTransaction)
        let length: Int
        do {
            length = try writer.write(to: snapshotTempPath)
            try POSIXFile.rename(snapshotTempPath, path)
        } catch {
            POSIXFile.remove(snapshotTempPath)
            throw error
        }
        try POSIXFile.syncDirectory(of: path)
        // Hold the new snapshot open (see State); under the writer lock nothing can replace it
        // between the rename and this open.
        guard let handle = try POSIXFile.openForReading(path) else { throw POSIXFile.ioError(path, "open", ENOENT) }
        state.snapshotHandle = handle
        state.snapshotIdentity = try handle.identity()
        state.snapshotTransaction = state.lastTransaction
        state.snapshotBytes = length
        // The old log is now stale (its records are all in the snapshot) until replaced.
    }

    /// Replaces the log with an empty one continuing the current snapshot, and opens it.
    func startFreshLog() throws {
        logWriter = nil
        let header = LogHeader(databaseID: state.databaseID, baseTransaction: state.snapshotTransaction)
        try Self.writeFile(header.encoded(), to: logPath, via: logTempPath)
        guard let file = try POSIXFile.openForWriting(logPath, create: false) else {
            throw POSIXFile.ioError(logPath, "open", ENOENT)
        }
        state.logIdentity = try file.identity()
        state.logHandle = file
        state.logBase = state.snapshotTransaction
        state.logEnd = LogHeader.size
        state.tornBytes = 0
        logWriter = file
    }

    /// Writes `bytes` to `path` through `temp`: write, fsync, rename, fsync the folder.
    static func writeFile(_ bytes: [UInt8], to path: String, via temp: String) throws {
        do {
            guard let file = try POSIXFile.openForWriting(temp, create: true) else {
                throw POSIXFile.ioError(temp, "open", ENOENT)
            }
            try file.truncate(to: 0)
            try file.write(bytes, at: 0)
            try file.sync()
            try file.close()
            try POSIXFile.rename(temp, path)
        } catch {
            POSIXFile.remove(temp)
            throw error
        }
        try POSIXFile.syncDirectory(of: path)
    }

    /// Creates an empty database at `path` under the writer lock (another process may be
    /// creating it at the same moment; the lock makes one of them do it).
    static func create(_ path: String, lockFile: POSIXFile, options: Options) throws {
        try waitForLock(lockFile, path: path, wait: options.lockWait)
        defer { lockFile.unlock() }
        if POSIXFile.exists(path) { return }
        let logPath = path + ".wal"
        if POSIXFile.exists(logPath) {
            throw PersistenceError.corrupted(path: logPath, offset: 0,
                                             detail: "a log without its snapshot \(path); restore \(path) or remove the log")
        }
        let id = UInt64.random(in: 1...UInt64.max)
        var writer = SnapshotWriter(graph: MemoryGraph(), databaseID: id, transaction: 0)
        do {
            _ = try writer.write(to: path + ".tmp")
            try POSIXFile.rename(path + ".tmp", path)
        } catch {
            POSIXFile.remove(path + ".tmp")
            throw error
        }
        try POSIXFile.syncDirectory(of: path)
        try writeFile(LogHeader(databaseID: id, baseTransaction: 0).encoded(), to: logPath, via: logPath + ".tmp")
    }

    // MARK: Bulk loads

    /// Runs a bulk load — an import, an ingest — as one all-or-nothing unit: `body` changes the
    /// graph freely (nothing is logged change by change), then the result is written as a new
    /// snapshot. Holds the writer lock throughout. When `body` throws, the graph is reloaded
    /// from the file, so it matches what is stored again.
    public func load(_ body: (MemoryGraph) throws -> Void) throws {
        try checkUsable()
        guard !graph.inTransaction else {
            throw PersistenceError.unusable(path: path, detail: "cannot bulk-load inside a transaction")
        }
        let hadLock = holdsLock
        try acquireLock(wait: options.lockWait)
        defer { if !hadLock { releaseLock() } }
        try catchUp()
        graph.changeRecorder = nil
        defer { graph.changeRecorder = recorder }
        do {
            try body(graph)
            if graph.inTransaction { graph.rollbackTransaction() }
            _ = recorder.drain()
            state.lastTransaction += 1
            try writeSnapshot()
            try startFreshLog()
        } catch {
            _ = recorder.drain()
            do {
                try reload()
            } catch {
                unusableReason = "the graph could not be restored after a failed load: \(error)"
            }
            throw error
        }
    }
}
