// Bounded work: a deadline and a cancellation flag that operators poll.
//
// Operators call `check()` every so many rows; it throws a Timeout or Cancelled error, which
// unwinds the statement and rolls its changes back.

import Synchronization

/// Set from another thread (a signal handler's watcher, a test) to stop a running query.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

public struct ExecutionOptions: Sendable {
    /// Wall-clock limit for one statement, in seconds.
    public var timeout: Double?
    public var cancellation: CancellationToken?

    public init(timeout: Double? = nil, cancellation: CancellationToken? = nil) {
        self.timeout = timeout
        self.cancellation = cancellation
    }
}
