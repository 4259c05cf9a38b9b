// GraphFile: a database file — a MemoryGraph that keeps what it is given.
//
// On disk a database `FILE` is three files side by side:
//   FILE        the snapshot: the whole graph as of one committed transaction (SnapshotFormat)
//   FILE.wal    the write-ahead log: every transaction committed since, one record each
//   FILE.lock   an empty file whose flock marks the one writer (never renamed or removed)
// plus, briefly during a checkpoint, FILE.tmp and FILE.wal.tmp.
//
// Opening reads the snapshot and replays the log into a MemoryGraph, which stays the
// query-time representation. Writes go through `perform` (one statement) or an explicit
// transaction (`beginTransaction`/`commitTransaction`): the graph records what the statement
// changed (GraphChangeRecorder), and only after the statement succeeded is that appended to the
// log as one record and fsynced; a failed statement rolls back in memory and writes nothing. A
// checkpoint writes a new snapshot to FILE.tmp, fsyncs it, renames it over FILE, fsyncs the
// folder, then starts a fresh log the same way.
//
// Concurrency between processes: readers take no lock. A session that wants to write takes the
// writer lock only when a statement actually changed something (or up front, with `lock` or
// `beginTransaction`), then checks that the files are still as it last saw them; when another
// writer committed in between, it rolls its statement back, catches up with the new log records
// and runs the statement again, so no one ever commits on top of a stale graph. Before each
// statement a session that does not hold the lock picks up what others committed since.
//
// Usage by a front end:
//   let file = try GraphFile.open("alliance.db", options: .init(lockWait: 5))
//   let db = Database(graph: file.graph)
//   let result = try file.perform { try db.execute("CREATE (:Company {name: 'A'})") }
//   try file.close()

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class GraphFile: @unchecked Sendable {
    // @unchecked: like the MemoryGraph it owns, a GraphFile is used by one thread at a time.

    public struct Options: Sendable {
        /// How long to wait for another writer to finish before failing with `.locked`.
        public var lockWait: Double
        /// Create the database when `FILE` does not exist.
        public var create: Bool
        /// A checkpoint runs after a commit once the log is this large and at least as large as
        /// the snapshot (capped by `checkpointMaximumBytes`), so that opening stays fast.
        public var checkpointMinimumBytes: Int
        public var checkpointMaximumBytes: Int

        /// `KEIRETSU_CHECKPOINT_BYTES=N` in the environment replaces both checkpoint sizes by N
        /// when they are not given: the crash test uses it to make kills land in checkpoints.
        public init(lockWait: Double = 0, create: Bool = true, checkpointMinimumBytes: Int? = nil,
                    checkpointMaximumBytes: Int? = nil) {
            let forced = getenv("KEIRETSU_CHECKPOINT_BYTES").flatMap { Int(String(cString: $0)) }.map { max($0, 64) }
            self.lockWait = lockWait
            self.create = create
            self.checkpointMinimumBytes = checkpointMinimumBytes ?? forced ?? (1 << 20)
            self.checkpointMaximumBytes = checkpointMaximumBytes ?? forced ?? (64 << 20)
        }
    }

    /// What this session knows about the files: which snapshot and log it loaded, and how far.
    struct State {
        var databaseID: UInt64
        var snapshotTransaction: UInt64
        /// The snapshot and log this session follows, held open: while a descriptor is open its
        /// inode cannot be reused, so comparing a path's (device, inode) with these tells
        /// reliably whether the path still names the same file. (Closing them let a checkpoint's
        /// new log get the old log's inode number — caught by the crash test.)
        var snapshotHandle: POSIXFile
        var logHandle: POSIXFile?
        var snapshotIdentity: FileIdentity
        var snapshotBytes: Int
        /// nil when there is no log file yet.
        var logIdentity: FileIdentity?
        /// Just past the last record applied: where the next record goes.
        var logEnd: Int
        var logBase: UInt64
        var lastTransaction: UInt64
        var tornBytes: Int
        /// The log does not continue this snapshot (a crash between the two renames of a
        /// checkpoint) or is missing; the next writer starts a fresh one.
        var logNeedsRewrite: Bool { logIdentity == nil || logBase != snapshotTransaction }
    }

    public let path: String
    public let graph: MemoryGraph
    public let options: Options
    let logPath: String
    let lockPath: String
    let recorder = GraphChangeRecorder()
    let lockFile: POSIXFile
    var state: State
    var holdsLock = false
    /// The lock was taken by `lock()` or `beginTransaction()` and outlives single statements.
    var lockHeldExplicitly = false
    /// Open for appending while the lock is held.
    var logWriter: POSIXFile? = nil
    /// Set when a failed write left the session out of step with the files.
    var unusableReason: String? = nil
    var closed = false

    init(path: String, graph: MemoryGraph, state: State, lockFile: POSIXFile, options: Options) {
        self.path = path
        self.graph = graph
        self.state = state
        self.lockFile = lockFile
        self.options = options
        self.logPath = path + ".wal"
        self.lockPath = path + ".lock"
        graph.changeRecorder = recorder
    }

    deinit {
        if graph.changeRecorder === recorder { graph.changeRecorder = nil }
    }

    /// The number of the last committed transaction this session has seen (0: none yet).
    public var lastTransaction: UInt64 { state.lastTransaction }

    /// Whether this session holds the writer lock right now.
    public var isWriter: Bool { holdsLock }

    /// Bytes in the snapshot and in the log, as last seen.
    public var sizes: (snapshot: Int, log: Int) { (state.snapshotBytes, state.logEnd) }

    /// Opens the database at `path`, creating it when it does not exist (unless told not to).
    /// Throws `PersistenceError` for a file that is not a database, is damaged or unreadable.
    public static func open(_ path: String, options: Options = Options()) throws -> GraphFile {
        guard let lockFile = try POSIXFile.openForWriting(path + ".lock", create: true) else {
            throw POSIXFile.ioError(path + ".lock", "open", ENOENT)
        }
        if !POSIXFile.exists(path) {
            guard options.create else { throw POSIXFile.ioError(path, "open", ENOENT) }
            try create(path, lockFile: lockFile, options: options)
        }
        let (graph, state) = try load(path, holdingLock: false)
        return GraphFile(path: path, graph: graph, state: state, lockFile: lockFile, options: options)
    }

    /// Ends the session: rolls back an open transaction, checkpoints when the log has grown
    /// (only if no other writer is busy), releases the lock and detaches from the graph. The
    /// graph stays usable in memory.
    public func close() throws {
        guard !closed else { return }
        defer {
            closed = true
            releaseLock()
            if graph.changeRecorder === recorder { graph.changeRecorder = nil }
        }
        if graph.inTransaction { rollbackTransaction() }
        guard unusableReason == nil else { return }
        if state.logEnd - LogHeader.size >= checkpointThreshold / 4 {
            let hadLock = holdsLock
            let gotLock = hadLock ? true : try lockFile.tryLockExclusive()
            if gotLock {
                holdsLock = true
                // A checkpoint that fails leaves the snapshot and the log as they were: nothing
                // is lost, so closing does not fail over it.
                if (try? isCurrent()) == true { try? checkpoint() }
                if !hadLock { releaseLock() }
            }
        }
        try lockFile.close()
    }

    func checkUsable() throws {
        if closed { throw PersistenceError.unusable(path: path, detail: "the database was closed") }
        if let reason = unusableReason { throw PersistenceError.unusable(path: path, detail: reason) }
    }

    /// Log size that triggers a checkpoint after a commit.
    var checkpointThreshold: Int {
        max(options.checkpointMinimumBytes, min(state.snapshotBytes, options.checkpointMaximumBytes))
    }
}

