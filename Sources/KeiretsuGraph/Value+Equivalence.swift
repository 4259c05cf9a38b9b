// Swift equality and hashing on Value mean openCypher *equivalence* (openCypher 9, "Equality
// and equivalence"): the relation behind DISTINCT, grouping keys, UNION and `IN` de-duplication.
//
//   null ≡ null            (unlike `null = null`, which is null)
//   NaN ≡ NaN              (unlike `NaN = NaN`, which is false)
//   1 ≡ 1.0                (numbers compare by value across integer and float)
//   lists: element-wise;   maps: same keys, equivalent values, key order ignored
//   nodes, relationships, paths: by element ids
//
// Hashing agrees with this: an integer, and a float holding an integral value inside Int64's
// range, both hash as that Int64; any other float hashes its bit pattern (with every NaN folded
// to one). Maps hash order-independently.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Value: Equatable {
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.int(x), .float(y)), let (.float(y), .int(x)): return numericallyEqual(x, y)
        case let (.string(x), .string(y)): return sameScalars(x, y)
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], v == w else { return false }
            }
            return true
        case let (.node(x), .node(y)): return x.id == y.id
        case let (.relationship(x), .relationship(y)): return x.id == y.id
        case let (.path(x), .path(y)): return x == y
        case let (.temporal(x), .temporal(y)): return x == y
        default: return false
        }
    }
}

/// String equality by code points. Swift's `==` on String applies canonical equivalence
/// ("é" == "e\u{301}"); Cypher, like Java, compares the code points themselves. Equal UTF-8
/// bytes mean equal code points.
@inline(__always)
public func sameScalars(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { pa in
        b.withUTF8 { pb in
            guard pa.count == pb.count else { return false }
            guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }  // both empty
            return memcmp(x, y, pa.count) == 0
        }
    }
}

@inline(__always)
func hashScalars(_ s: String, into h: inout Hasher) {
    var s = s
    s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
}

/// True when the float holds exactly the integer's value.
@inline(__always)
func numericallyEqual(_ i: Int64, _ d: Double) -> Bool {
    guard let exact = Int64(exactly: d) else { return false }
    return exact == i
}

extension Value: Hashable {
    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0 as UInt8)
        case .bool(let b):
            h.combine(1 as UInt8)
            h.combine(b)
        case .int(let i):
            h.combine(2 as UInt8)
            h.combine(i)
        case .float(let d):
            if let i = Int64(exactly: d) {
                h.combine(2 as UInt8)
                h.combine(i)
            } else {
                h.combine(3 as UInt8)
                h.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
            }
        case .string(let s):
            h.combine(4 as UInt8)
            hashScalars(s, into: &h)
        case .list(let l):
            h.combine(5 as UInt8)
            h.combine(l.count)
            for v in l { v.hash(into: &h) }
        case .map(let m):
            h.combine(6 as UInt8)
            h.combine(m.count)
            // Order-independent: combine the entries' own hashes commutatively.
            var acc = 0
            for (k, v) in m {
                var eh = Hasher()
                eh.combine(k)
                v.hash(into: &eh)
                acc ^= eh.finalize()
            }
            h.combine(acc)
        case .node(let n):
            h.combine(7 as UInt8)
            h.combine(n.id)
        case .relationship(let r):
            h.combine(8 as UInt8)
            h.combine(r.id)
        case .path(let p):
            h.combine(9 as UInt8)
            p.hash(into: &h)
        case .temporal(let t):
            h.combine(10 as UInt8)
            h.combine(t)
        }
    }
}
