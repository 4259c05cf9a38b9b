// CSVIDTable: the map from a CSV `:ID` to the node it created, keyed by the id's bytes.
//
// A relationship file names its endpoints by these ids, so loading 5M relationships costs 10M
// lookups at random places in a table far larger than the CPU caches: the table is laid out so
// that a lookup touches one cache line. It is open addressing with linear probing over a
// power-of-two array of 32-byte slots; each slot holds the key's 64-bit hash, the node id with
// the key length, and — for keys of up to 16 bytes, which ids nearly always are — the key bytes
// themselves, so a probe never leaves the slot. Longer keys live in a side arena the slot points
// to. The slot array is allocated on a 2 MiB boundary and, on Linux, marked for transparent huge
// pages, so random probes do not also miss the TLB at every step.
//
// No String is built per lookup: keys are hashed and compared straight from the file buffer.
// One table per id space (`:ID(Group)`).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

final class CSVIDTable {
    struct Slot {
        /// 0 marks an empty slot (hashes are never 0).
        var hash: UInt64
        /// The node id in the low 48 bits, the key length (capped at 0xFFFF) in the high 16.
        var meta: UInt64
        /// The key bytes (≤ 16, zero-padded) or, for longer keys, the arena offset and length.
        var a: UInt64
        var b: UInt64
    }

    /// A key prepared for probing: its hash and, when short, its bytes as two words.
    struct Key {
        var hash: UInt64
        var a: UInt64
        var b: UInt64
        var length: Int
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var mask: Int
    private(set) var count = 0
    private var arena: [UInt8] = []

    static let shortKey = 16
    static let nodeMask: UInt64 = (1 << 48) - 1

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity { size *= 2 }
        self.capacity = size
        self.mask = size - 1
        self.slots = Self.allocate(size)
    }

    deinit { UnsafeMutableRawPointer(slots).deallocate() }

    private static func allocate(_ n: Int) -> UnsafeMutablePointer<Slot> {
        let bytes = n * MemoryLayout<Slot>.stride
        let huge = bytes >= 1 << 21
        let base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge ? 1 << 21 : 64)
        #if os(Linux)
        if huge { _ = madvise(base, bytes, 14 /* MADV_HUGEPAGE */) }
        #endif
        memset(base, 0, bytes)
        return base.bindMemory(to: Slot.self, capacity: n)
    }

    /// Makes room for `n` more ids without growing.
    func reserve(_ n: Int) {
        var size = capacity
        while size < (count + n) * 2 { size *= 2 }
        if size != capacity { rehash(size) }
    }

    // MARK: Keys

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        // The finaliser of MurmurHash3: every input bit affects every output bit.
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return Key(hash: mix(0x9E37_79B9_7F4A_7C15), a: 0, b: 0, length: 0) }
        let raw = UnsafeRawPointer(base)
        if n <= shortKey {
            var a: UInt64 = 0, b: UInt64 = 0
            if n >= 8 {
                a = raw.loadUnaligned(as: UInt64.self)
                if n == 16 {
                    b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                } else {
                    for i in 8..<n { b |= UInt64(base[i]) << UInt64((i - 8) * 8) }
                }
            } else {
                for i in 0..<n { a |= UInt64(base[i]) << UInt64(i * 8) }
            }
            let h = mix(a &* 0x9E37_79B9_7F4A_7C15 ^ ((b &* 0xBF58_476D_1CE4_E5B9) << 31 | (b &* 0xBF58_476D_1CE4_E5B9) >> 33) ^ UInt64(n))
            return Key(hash: h == 0 ? 1 : h, a: a, b: b, length: n)
        }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h = (h << 31) | (h >> 33)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = mix(h ^ tail)
        return Key(hash: h == 0 ? 1 : h, a: 0, b: 0, length: n)
    }

    // MARK: Lookup and insertion

    /// The node created for the key, if any.
    @inline(__always)
    func find(_ key: Key, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var s = Int(truncatingIfNeeded: key.hash) & mask
        let lengthTag = UInt64(min(key.length, 0xFFFF)) << 48
        while true {
            let slot = slots[s]
            if slot.hash == 0 { return nil }
            if slot.hash == key.hash && slot.meta & ~Self.nodeMask == lengthTag {
                if key.length <= Self.shortKey {
                    if slot.a == key.a && slot.b == key.b { return Int(slot.meta & Self.nodeMask) }
                } else if Int(truncatingIfNeeded: slot.b) == key.length && longKeyEquals(Int(truncatingIfNeeded: slot.a), bytes) {
                    return Int(slot.meta & Self.nodeMask)
                }
            }
            s = (s + 1) & mask
        }
    }

    /// Looks up two keys, in this table and in `other` (the same table or another id space),
    /// loading both first slots before examining either, so that the two cache misses of a
    /// relationship's endpoints overlap instead of following one another.
    @inline(__always)
    func findPair(_ k1: Key, _ b1: UnsafeBufferPointer<UInt8>,
                  _ other: CSVIDTable, _ k2: Key, _ b2: UnsafeBufferPointer<UInt8>) -> (Int?, Int?) {
        let slot1 = slots[Int(truncatingIfNeeded: k1.hash) & mask]
        let slot2 = other.slots[Int(truncatingIfNeeded: k2.hash) & other.mask]
        let hit1 = Self.directHit(slot1, k1)
        let hit2 = Self.directHit(slot2, k2)
        return (hit1 ?? find(k1, b1), hit2 ?? other.find(k2, b2))
    }

    /// The node of `slot` when it holds exactly the short key `key`.
    @inline(__always)
    private static func directHit(_ slot: Slot, _ key: Key) -> Int? {
        let lengthTag = UInt64(min(key.length, 0xFFFF)) << 48
        guard key.length <= shortKey, slot.hash == key.hash, slot.meta & ~nodeMask == lengthTag,
              slot.a == key.a, slot.b == key.b else { return nil }
        return Int(slot.meta & nodeMask)
    }

    private func longKeyEquals(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            guard offset + bytes.count <= a.count else { return false }
            for k in 0..<bytes.count where a[offset + k] != bytes[k] { return false }
            return true
        }
    }

    /// Records key → node; the caller has checked with `find` that the key is new.
    func insert(_ key: Key, _ bytes: UnsafeBufferPointer<UInt8>, node: Int) {
        if (count + 1) * 2 > capacity { rehash(capacity * 2) }
        var slot = Slot(hash: key.hash, meta: UInt64(min(key.length, 0xFFFF)) << 48 | (UInt64(truncatingIfNeeded: node) & Self.nodeMask),
                        a: key.a, b: key.b)
        if key.length > Self.shortKey {
            slot.a = UInt64(arena.count)
            slot.b = UInt64(key.length)
            arena.append(contentsOf: bytes)
        }
        place(slot)
        count += 1
    }

    @inline(__always)
    private func place(_ slot: Slot) {
        var s = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[s].hash != 0 { s = (s + 1) & mask }
        slots[s] = slot
    }

    private func rehash(_ size: Int) {
        let old = slots
        let oldCapacity = capacity
        slots = Self.allocate(size)
        capacity = size
        mask = size - 1
        for i in 0..<oldCapacity where old[i].hash != 0 { place(old[i]) }
        UnsafeMutableRawPointer(old).deallocate()
    }
}
