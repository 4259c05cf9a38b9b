// Cypher equality, comparability and orderability (openCypher 9, "Comparability and
// equality", "Ordering and comparison of values").
//
// Three relations, three functions:
//
//   cypherEquals(a, b) -> Bool?      the `=` operator. null when either side is null or when a
//                                    list/map comparison meets a null it cannot decide past;
//                                    values of different types are simply unequal (false).
//   cypherCompare(a, b) -> Int?      the `<`, `<=`, `>`, `>=` operators. nil (→ null) for
//                                    incomparable pairs: different types, null, NaN, maps,
//                                    graph elements, durations.
//   orderCompare(a, b) -> Int        ORDER BY: a total order over all values. Ascending goes
//                                    MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME <
//                                    LOCALDATETIME < DATE < TIME < LOCALTIME < DURATION <
//                                    STRING < BOOLEAN < NUMBER < NULL, with NaN after every
//                                    other number.

extension Value {
    public static func cypherEquals(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.int(x), .float(y)), let (.float(y), .int(x)): return numericallyEqual(x, y)
        case let (.string(x), .string(y)): return sameScalars(x, y)
        case let (.list(x), .list(y)):
            guard x.count == y.count else { return false }
            var sawNull = false
            for (u, v) in zip(x, y) {
                switch cypherEquals(u, v) {
                case .some(false): return false
                case .none: sawNull = true
                case .some(true): break
                }
            }
            return sawNull ? nil : true
        case let (.map(x), .map(y)):
            guard x.count == y.count else { return false }
            var sawNull = false
            for (k, v) in x {
                guard let w = y[k] else { return false }
                switch cypherEquals(v, w) {
                case .some(false): return false
                case .none: sawNull = true
                case .some(true): break
                }
            }
            return sawNull ? nil : true
        case let (.node(x), .node(y)): return x.id == y.id
        case let (.relationship(x), .relationship(y)): return x.id == y.id
        case let (.path(x), .path(y)): return x == y
        case let (.temporal(x), .temporal(y)): return temporalEquals(x, y)
        default: return false
        }
    }

    /// Negative, zero or positive when `a` sorts before, with or after `b`; nil when `<` is
    /// undefined on the pair.
    public static func cypherCompare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.float(x), .float(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .float(y)):
            if y.isNaN { return nil }
            return compareIntDouble(x, y)
        case let (.float(x), .int(y)):
            if x.isNaN { return nil }
            return -compareIntDouble(y, x)
        case let (.string(x), .string(y)): return compareStrings(x, y)
        case let (.bool(x), .bool(y)): return x == y ? 0 : (x ? 1 : -1)
        case let (.list(x), .list(y)):
            for (u, v) in zip(x, y) {
                guard let c = cypherCompare(u, v) else { return nil }
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case let (.temporal(x), .temporal(y)): return temporalCompare(x, y)
        default: return nil
        }
    }

    /// The ORDER BY total order.
    public static func orderCompare(_ a: Value, _ b: Value) -> Int {
        let ra = a.orderRank, rb = b.orderRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case let (.bool(x), .bool(y)): return x == y ? 0 : (x ? 1 : -1)
        case let (.string(x), .string(y)): return compareStrings(x, y)
        case (.int, _), (.float, _):
            let an = a.isNaN, bn = b.isNaN
            if an || bn { return an == bn ? 0 : (an ? 1 : -1) }
            return cypherCompare(a, b) ?? 0
        case let (.list(x), .list(y)):
            for (u, v) in zip(x, y) {
                let c = orderCompare(u, v)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case let (.map(x), .map(y)):
            // Maps order by their sorted keys, then by the values under those keys.
            let kx = x.keys.sorted(by: { compareStrings($0, $1) < 0 })
            let ky = y.keys.sorted(by: { compareStrings($0, $1) < 0 })
            for (p, q) in zip(kx, ky) {
                let c = compareStrings(p, q)
                if c != 0 { return c }
            }
            if kx.count != ky.count { return kx.count < ky.count ? -1 : 1 }
            for k in kx {
                let c = orderCompare(x[k] ?? .null, y[k] ?? .null)
                if c != 0 { return c }
            }
            return 0
        case let (.node(x), .node(y)): return x.id < y.id ? -1 : (x.id == y.id ? 0 : 1)
        case let (.relationship(x), .relationship(y)): return x.id < y.id ? -1 : (x.id == y.id ? 0 : 1)
        case let (.path(x), .path(y)):
            for (u, v) in zip(x.nodes, y.nodes) where u.id != v.id { return u.id < v.id ? -1 : 1 }
            for (u, v) in zip(x.relationships, y.relationships) where u.id != v.id { return u.id < v.id ? -1 : 1 }
            return x.length < y.length ? -1 : (x.length == y.length ? 0 : 1)
        case let (.temporal(x), .temporal(y)):
            if let c = temporalCompare(x, y) { return c }
            return temporalOrderFallback(x, y)
        default: return 0
        }
    }

    var isNaN: Bool {
        if case .float(let d) = self { return d.isNaN }
        return false
    }

    /// Position of the value's type in the ORDER BY sequence.
    var orderRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .temporal(let t):
            switch t {
            case .dateTime: return 5
            case .localDateTime: return 6
            case .date: return 7
            case .time: return 8
            case .localTime: return 9
            case .duration: return 10
            }
        case .string: return 11
        case .bool: return 12
        case .int, .float: return 13
        case .null: return 14
        }
    }
}

/// Strings compare by Unicode scalar values, which is what Neo4j and the TCK expect (Swift's
/// own `<` on String applies canonical equivalence, which differs for some inputs).
@inline(__always)
public func compareStrings(_ a: String, _ b: String) -> Int {
    var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
    while true {
        switch (i.next(), j.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (x?, y?): if x != y { return x.value < y.value ? -1 : 1 }
        }
    }
}

/// Exact comparison of an Int64 with a finite or infinite Double, without the rounding a
/// conversion of either side would introduce.
func compareIntDouble(_ i: Int64, _ d: Double) -> Int {
    if d >= 9_223_372_036_854_775_808.0 { return -1 }
    if d < -9_223_372_036_854_775_808.0 { return 1 }
    let t = d.rounded(.towardZero)
    let ti = Int64(t)
    if i != ti { return i < ti ? -1 : 1 }
    let frac = d - t
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0)
}

// MARK: - Temporal comparison

/// Zoned values compare as instants; local values by their fields; values of different kinds
/// are incomparable. Durations are never comparable with `<`.
func temporalCompare(_ a: Temporal, _ b: Temporal) -> Int? {
    func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
    switch (a, b) {
    case let (.date(x), .date(y)): return cmp(x, y)
    case let (.localTime(x), .localTime(y)): return cmp(x, y)
    case let (.time(x, ox), .time(y, oy)):
        return cmp(x.nanosOfDay - Int64(ox) * 1_000_000_000, y.nanosOfDay - Int64(oy) * 1_000_000_000)
    case let (.localDateTime(dx, tx), .localDateTime(dy, ty)):
        let c = cmp(dx, dy)
        return c != 0 ? c : cmp(tx, ty)
    case let (.dateTime(dx, tx, ox, _), .dateTime(dy, ty, oy, _)):
        let sx = dx.epochDay * 86_400 + tx.nanosOfDay / 1_000_000_000 - Int64(ox)
        let sy = dy.epochDay * 86_400 + ty.nanosOfDay / 1_000_000_000 - Int64(oy)
        let c = cmp(sx, sy)
        return c != 0 ? c : cmp(tx.nanosOfDay % 1_000_000_000, ty.nanosOfDay % 1_000_000_000)
    default: return nil
    }
}

/// Equality of temporals: instants for zoned values, components for durations.
func temporalEquals(_ a: Temporal, _ b: Temporal) -> Bool {
    switch (a, b) {
    case let (.duration(x), .duration(y)): return x == y
    default: return temporalCompare(a, b) == 0
    }
}

/// ORDER BY among values that `<` cannot compare (durations; equal instants in other zones).
func temporalOrderFallback(_ a: Temporal, _ b: Temporal) -> Int {
    if case let .duration(x) = a, case let .duration(y) = b {
        let kx = (x.months, x.days, x.seconds, x.nanoseconds), ky = (y.months, y.days, y.seconds, y.nanoseconds)
        return kx < ky ? -1 : (kx == ky ? 0 : 1)
    }
    return compareStrings(a.isoString, b.isoString)
}
