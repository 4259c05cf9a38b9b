// Writing: the writer lock, statements (`perform`), explicit transactions, and the commit that
// appends one log record and fsyncs it.
//
// The rule that makes a commit durable: the statement's changes are appended as one record with
// `pwrite`, then `fdatasync` — and only when both return does `perform` return. The rule that
// makes a failed statement atomic: its changes live in a graph transaction that rolls back, and
// the recorder drops them, so nothing reaches the log. A failed append is cut back with
// `ftruncate` (and the graph transaction rolled back); if even that fails, the session stops
// accepting work (`unusable`) rather than risk diverging from the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphFile {
    // MARK: The writer lock

    /// Takes the writer lock and keeps it until `unlock()` (or `close()`), catching up with
    /// other writers first. While it is held, statements commit without any re-run. Waits up to
    /// `options.lockWait` seconds (or `wait`, when given).
    public func lock(wait: Double? = nil) throws {
        try checkUsable()
        guard !graph.inTransaction else {
            throw PersistenceError.unusable(path: path, detail: "cannot take the writer lock inside a transaction")
        }
        if holdsLock {
            lockHeldExplicitly = true
            return
        }
        try acquireLock(wait: wait ?? options.lockWait)
        do {
            try catchUp()
            try prepareForWriting()
        } catch {
            releaseLock()
            throw error
        }
        lockHeldExplicitly = true
    }

    /// Releases a lock taken with `lock()`. A no-op inside a transaction (the commit releases it).
    public func unlock() {
        guard !graph.inTransaction else { return }
        lockHeldExplicitly = false
        releaseLock()
    }

    func acquireLock(wait: Double) throws {
        if holdsLock { return }
        try Self.waitForLock(lockFile, path: path, wait: wait)
        holdsLock = true
    }

    /// Polls the flock every few milliseconds until it is free or `wait` seconds have passed.
    static func waitForLock(_ lockFile: POSIXFile, path: String, wait: Double) throws {
        let clock = ContinuousClock()
        let start = clock.now
        while !(try lockFile.tryLockExclusive()) {
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if !(seconds < wait) { throw PersistenceError.locked(path: path, waited: max(wait, 0)) }
            usleep(useconds_t(min(10_000, max(1_000, (wait - seconds) * 1e6))))
        }
    }

    func releaseLock() {
        guard holdsLock else { return }
        logWriter = nil
        lockFile.unlock()
        holdsLock = false
        lockHeldExplicitly = false
    }

    /// Under the lock and current: make sure the log continues the snapshot, and open it for
    /// appending.
    func prepareForWriting() throws {
        if state.logNeedsRewrite {
            guard state.lastTransaction == state.snapshotTransaction else {
                throw PersistenceError.corrupted(path: logPath, offset: 0, detail: "the log does not continue the snapshot")
            }
            try startFreshLog()
        }
        if logWriter == nil {
            guard let file = try POSIXFile.openForWriting(logPath, create: false),
                  try file.identity() == state.logIdentity
            else {
                throw PersistenceError.unusable(path: path, detail: "the log was replaced while the writer lock was held")
            }
            logWriter = file
        }
    }

    /// Cuts a torn tail off the log (under the lock), so the next record follows intact ones.
    func cutTornTail() throws {
        guard holdsLock, state.tornBytes > 0, let file = try POSIXFile.openForWriting(logPath, create: false),
              try file.identity() == state.logIdentity
        else { return }
        try file.truncate(to: state.logEnd)
        try file.sync()
        state.tornBytes = 0
    }

    // MARK: Statements

    /// Runs `body` — typically one `Database.execute` — as one transaction and makes its changes
    /// durable before returning. When `body` throws, the graph is rolled back and nothing is
    /// written. Inside an open transaction it just runs `body` (the transaction commits later).
    ///
    /// Without the writer lock held, `body` may run twice: a statement that changed something is
    /// run again after catching up when another process committed meanwhile. Keep side effects
    /// (printing) out of `body`, or take the lock first with `lock()`.
    @discardableResult
    public func perform<T>(_ body: () throws -> T) throws -> T {
        try checkUsable()
        if graph.inTransaction { return try body() }
        let hadLock = holdsLock
        if !hadLock { try catchUp() }
        graph.beginTransaction()
        var result: T
        do {
            result = try body()
        } catch {
            graph.rollbackTransaction()
            throw error
        }
        if recorder.isEmpty {
            graph.commitTransaction()
            return result
        }
        if !hadLock {
            do {
                try acquireLock(wait: options.lockWait)
            } catch {
                graph.rollbackTransaction()
                throw error
            }
        }
        defer { if !hadLock { releaseLock() } }
        do {
            let current = hadLock ? true : try isCurrent()
            if !current {
                graph.rollbackTransaction()
                try catchUp()
                graph.beginTransaction()
                result = try body()
            }
            try prepareForWriting()
            try appendRecorded()
            graph.commitTransaction()
        } catch {
            if graph.inTransaction { graph.rollbackTransaction() }
            throw error
        }
        checkpointIfDue()
        return result
    }

    // MARK: Explicit transactions

    /// Starts a transaction spanning several statements (`run --single-transaction`, the REPL's
    /// `:begin`): takes the writer lock (waiting up to `options.lockWait`), catches up, and opens
    /// a graph transaction. Statements run inside it with `perform` or directly.
    public func beginTransaction(wait: Double? = nil) throws {
        try checkUsable()
        guard !graph.inTransaction else {
            throw PersistenceError.unusable(path: path, detail: "a transaction is already open")
        }
        let hadLock = holdsLock
        try acquireLock(wait: wait ?? options.lockWait)
        do {
            try catchUp()
            try prepareForWriting()
        } catch {
            if !hadLock { releaseLock() }
            throw error
        }
        graph.beginTransaction()
    }

    /// Commits the open transaction as one log record (fsynced), then releases the lock unless
    /// `lock()` took it. On failure the transaction is rolled back and the error thrown.
    public func commitTransaction() throws {
        guard graph.inTransaction else { return }
        do {
            try checkUsable()
            if !recorder.isEmpty {
                try prepareForWriting()
                try appendRecorded()
            }
            graph.commitTransaction()
        } catch {
            graph.rollbackTransaction()
            if !lockHeldExplicitly { releaseLock() }
            throw error
        }
        checkpointIfDue()
        if !lockHeldExplicitly { releaseLock() }
    }

    /// Rolls back the open transaction; nothing of it reaches the file.
    public func rollbackTransaction() {
        graph.rollbackTransaction()
        if !lockHeldExplicitly { releaseLock() }
    }

    // MARK: The commit

    /// Appends everything recorded as the next transaction's record and fsyncs it.
    func appendRecorded() throws {
        let changes = recorder.drain()
        guard !changes.isEmpty else { return }
        let payload = GraphChangeCodec.encode(changes)
        guard payload.count <= LogRecordFormat.maxPayload else {
            throw PersistenceError.unsupported(path: path, detail: "one transaction changed too much for one log record (\(payload.count) bytes); split it")
        }
        guard let writer = logWriter else {
            throw PersistenceError.unusable(path: path, detail: "the log is not open for writing")
        }
        let transaction = state.lastTransaction + 1
        let record = LogRecordFormat.encode(transaction: transaction, payload: payload)
        do {
            try writer.write(record, at: state.logEnd)
            try writer.sync()
        } catch {
            // Cut the partial record off so the log ends with committed records only.
            do {
                try writer.truncate(to: state.logEnd)
                try writer.sync()
            } catch {
                unusableReason = "a failed log write could not be undone: \(error)"
            }
            throw error
        }
        state.logEnd += record.count
        state.lastTransaction = transaction
    }

    func checkpointIfDue() {
        guard holdsLock, !graph.inTransaction, state.logEnd >= checkpointThreshold else { return }
        // The commit is durable already; a checkpoint that fails leaves the previous snapshot
        // and the log in place, and the next commit tries again.
        try? checkpoint()
    }
}
