// The binary encoding of a Value, used for property values in snapshots and in log records.
//
// Every value keeps its exact type: an integer stays an Int64 (never a float), a float keeps its
// bit pattern (NaN payloads, -0.0), a string its UTF-8 bytes, and temporals their `Temporal` case
// with all fields (zone names included). One tag byte, then the payload:
//
//   0 null · 1 false · 2 true · 3 int (zigzag varint) · 4 float (8 bytes, IEEE bits)
//   5 string (length, UTF-8) · 6 list (count, values) · 7 map (count, (string key, value)…)
//   8 date (epoch day) · 9 localtime (nanos of day) · 10 time (nanos, offset seconds)
//   11 localdatetime (day, nanos) · 12 datetime (day, nanos, offset) · 13 datetime with a zone
//   name (day, nanos, offset, name) · 14 duration (months, days, seconds, nanos)
//   15 node · 16 relationship · 17 path (graph values nested in lists or maps; Cypher does not
//      store them as properties, but the store accepts any Value, so they round-trip too)
//
// Decoding validates ranges (a time of day below 24 h, an offset within ±18 h, a date within
// the ±999,999,999-year range LocalDate supports, bounded nesting) so that a crafted file can
// not make later arithmetic on the value trap.

enum ValueTag: UInt8 {
    case null = 0, falseValue, trueValue, int, float, string, list, map
    case date, localTime, time, localDateTime, dateTime, zonedDateTime, duration
    case node, relationship, path
}

enum ValueCodec {
    /// Lists and maps nest at most this deep in a stored value.
    static let maxDepth = 512
    static let nanosPerDay: Int64 = 86_400 * 1_000_000_000
    /// LocalDate allows years up to ±999,999,999: about 3.66e11 days either way.
    static let maxEpochDay: Int64 = 366 * 1_000_000_000
    static let maxOffset = 18 * 3600

    static func encode(_ value: Value, into w: inout ByteWriter) {
        switch value {
        case .null: w.u8(ValueTag.null.rawValue)
        case .bool(let b): w.u8(b ? ValueTag.trueValue.rawValue : ValueTag.falseValue.rawValue)
        case .int(let i):
            w.u8(ValueTag.int.rawValue)
            w.zigzag(i)
        case .float(let d):
            w.u8(ValueTag.float.rawValue)
            w.u64(d.bitPattern)
        case .string(let s):
            w.u8(ValueTag.string.rawValue)
            w.string(s)
        case .list(let items):
            w.u8(ValueTag.list.rawValue)
            w.count(items.count)
            for item in items { encode(item, into: &w) }
        case .map(let map):
            w.u8(ValueTag.map.rawValue)
            encodeMap(map, into: &w)
        case .temporal(let t):
            encodeTemporal(t, into: &w)
        case .node(let n):
            w.u8(ValueTag.node.rawValue)
            encodeNode(n, into: &w)
        case .relationship(let r):
            w.u8(ValueTag.relationship.rawValue)
            encodeRelationship(r, into: &w)
        case .path(let p):
            w.u8(ValueTag.path.rawValue)
            w.count(p.nodes.count)
            for n in p.nodes { encodeNode(n, into: &w) }
            w.count(p.relationships.count)
            for r in p.relationships { encodeRelationship(r, into: &w) }
        }
    }

    static func encodeMap(_ map: ValueMap, into w: inout ByteWriter) {
        w.count(map.count)
        for (k, v) in map {
            w.string(k)
            encode(v, into: &w)
        }
    }

    static func encodeTemporal(_ t: Temporal, into w: inout ByteWriter) {
        switch t {
        case .date(let d):
            w.u8(ValueTag.date.rawValue)
            w.zigzag(d.epochDay)
        case .localTime(let t):
            w.u8(ValueTag.localTime.rawValue)
            w.zigzag(t.nanosOfDay)
        case .time(let t, let offset):
            w.u8(ValueTag.time.rawValue)
            w.zigzag(t.nanosOfDay)
            w.zigzag(Int64(offset))
        case .localDateTime(let d, let t):
            w.u8(ValueTag.localDateTime.rawValue)
            w.zigzag(d.epochDay)
            w.zigzag(t.nanosOfDay)
        case .dateTime(let d, let t, let offset, let zone):
            w.u8(zone == nil ? ValueTag.dateTime.rawValue : ValueTag.zonedDateTime.rawValue)
            w.zigzag(d.epochDay)
            w.zigzag(t.nanosOfDay)
            w.zigzag(Int64(offset))
            if let zone { w.string(zone) }
        case .duration(let d):
            w.u8(ValueTag.duration.rawValue)
            w.zigzag(d.months)
            w.zigzag(d.days)
            w.zigzag(d.seconds)
            w.zigzag(d.nanoseconds)
        }
    }

    static func encodeNode(_ n: Node, into w: inout ByteWriter) {
        w.zigzag(Int64(n.id))
        w.count(n.labels.count)
        for l in n.labels { w.string(l) }
        encodeMap(n.properties, into: &w)
    }

    static func encodeRelationship(_ r: Relationship, into w: inout ByteWriter) {
        w.zigzag(Int64(r.id))
        w.string(r.type)
        w.zigzag(Int64(r.start))
        w.zigzag(Int64(r.end))
        encodeMap(r.properties, into: &w)
    }

    // MARK: Decoding

    static func decode(_ r: inout ByteReader, depth: Int = 0) throws -> Value {
        let tagByte = try r.u8()
        guard let tag = ValueTag(rawValue: tagByte) else { throw r.fail("unknown value tag \(tagByte)") }
        switch tag {
        case .null: return .null
        case .falseValue: return .bool(false)
        case .trueValue: return .bool(true)
        case .int: return .int(try r.zigzag())
        case .float: return .float(Double(bitPattern: try r.u64()))
        case .string: return .string(try r.string())
        case .list:
            guard depth < maxDepth else { throw r.fail("values nested too deeply") }
            // Each element takes at least one byte, which bounds the reservation.
            let n = try r.count(limit: r.remaining)
            var items: [Value] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try decode(&r, depth: depth + 1)) }
            return .list(items)
        case .map:
            guard depth < maxDepth else { throw r.fail("values nested too deeply") }
            return .map(try decodeMap(&r, depth: depth + 1))
        case .date:
            return .temporal(.date(try date(&r)))
        case .localTime:
            return .temporal(.localTime(try time(&r)))
        case .time:
            let t = try time(&r)
            return .temporal(.time(t, offset: try offset(&r)))
        case .localDateTime:
            let d = try date(&r)
            return .temporal(.localDateTime(d, try time(&r)))
        case .dateTime, .zonedDateTime:
            let d = try date(&r)
            let t = try time(&r)
            let o = try offset(&r)
            let zone = tag == .zonedDateTime ? try r.string() : nil
            return .temporal(.dateTime(d, t, offset: o, zone: zone))
        case .duration:
            let months = try r.zigzag(), days = try r.zigzag(), seconds = try r.zigzag(), nanos = try r.zigzag()
            guard nanos >= 0 && nanos < 1_000_000_000 else { throw r.fail("duration nanoseconds out of range") }
            return .temporal(.duration(Duration(months: months, days: days, seconds: seconds, nanoseconds: nanos)))
        case .node:
            guard depth < maxDepth else { throw r.fail("values nested too deeply") }
            return .node(try decodeNode(&r, depth: depth + 1))
        case .relationship:
            guard depth < maxDepth else { throw r.fail("values nested too deeply") }
            return .relationship(try decodeRelationship(&r, depth: depth + 1))
        case .path:
            guard depth < maxDepth else { throw r.fail("values nested too deeply") }
            let nodeCount = try r.count(limit: r.remaining)
            var nodes: [Node] = []
            for _ in 0..<nodeCount { nodes.append(try decodeNode(&r, depth: depth + 1)) }
            let relCount = try r.count(limit: r.remaining)
            var rels: [Relationship] = []
            for _ in 0..<relCount { rels.append(try decodeRelationship(&r, depth: depth + 1)) }
            guard nodes.count == rels.count + 1 else { throw r.fail("a path needs one more node than relationships") }
            return .path(Path(nodes: nodes, relationships: rels))
        }
    }

    static func decodeMap(_ r: inout ByteReader, depth: Int) throws -> ValueMap {
        let n = try r.count(limit: r.remaining)
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        for _ in 0..<n {
            keys.append(try r.string())
            values.append(try decode(&r, depth: depth))
        }
        return try makeMap(keys: keys, values: values, r)
    }

    /// A map from keys that should be distinct; a repeated key is damage, not a trap.
    static func makeMap(keys: [String], values: [Value], _ r: ByteReader) throws -> ValueMap {
        var map = ValueMap(minimumCapacity: keys.count)
        for (k, v) in zip(keys, values) {
            guard map.updateValue(v, forKey: k) == nil else { throw r.fail("repeated map key '\(k)'") }
        }
        return map
    }

    static func date(_ r: inout ByteReader) throws -> LocalDate {
        let day = try r.zigzag()
        guard day >= -maxEpochDay && day <= maxEpochDay else { throw r.fail("date out of range") }
        return LocalDate(epochDay: day)
    }

    static func time(_ r: inout ByteReader) throws -> LocalTime {
        let nanos = try r.zigzag()
        guard nanos >= 0 && nanos < nanosPerDay else { throw r.fail("time of day out of range") }
        return LocalTime(nanosOfDay: nanos)
    }

    static func offset(_ r: inout ByteReader) throws -> Int {
        let o = try r.zigzag()
        guard o >= Int64(-maxOffset) && o <= Int64(maxOffset) else { throw r.fail("UTC offset out of range") }
        return Int(o)
    }

    static func decodeNode(_ r: inout ByteReader, depth: Int) throws -> Node {
        let id = try r.zigzag()
        let labelCount = try r.count(limit: r.remaining)
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try r.string()) }
        return Node(id: ElementID(id), labels: labels, properties: try decodeMap(&r, depth: depth))
    }

    static func decodeRelationship(_ r: inout ByteReader, depth: Int) throws -> Relationship {
        let id = try r.zigzag()
        let type = try r.string()
        let start = try r.zigzag(), end = try r.zigzag()
        return Relationship(id: ElementID(id), type: type, start: ElementID(start), end: ElementID(end),
                            properties: try decodeMap(&r, depth: depth))
    }
}
