// PODBuffer: a growable buffer of plain values owned by the object that uses it.
//
// The pattern matcher keeps its per-sentence tables (items, mention labels, the literal groups of
// each token) and its scratch space in these, so that matching reads raw memory through stable
// pointers instead of Swift arrays — no reference counting, no exclusivity checks, no
// copy-on-write tests on the hot path. Only trivial types belong here: nothing is deinitialised.

/// A growable buffer of plain values (trivial types only: nothing is deinitialised) with a
/// stable pointer between growths, owned by its user.
final class PODBuffer<T> {
    @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<T>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        pointer = UnsafeMutablePointer<T>.allocate(capacity: self.capacity)
    }

    deinit { pointer.deallocate() }

    func removeAll() { count = 0 }

    /// Makes room for `n` values (contents are not kept).
    func reserve(_ n: Int) {
        guard n > capacity else { return }
        pointer.deallocate()
        capacity = max(n, capacity * 2)
        pointer = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        count = 0
    }

    func append(_ x: T) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: pointer, count: count)
            pointer.deallocate()
            pointer = bigger
            capacity *= 2
        }
        (pointer + count).initialize(to: x)
        count += 1
    }

    subscript(_ i: Int) -> T { pointer[i] }
}
