// The binary encoding of GraphChange lists: the payload of one log record (one transaction).
//
//   varint count, then per change a tag byte and its fields:
//   1 create node (id, labels, properties) · 2 create relationship (id, type, start, end,
//   properties) · 3 delete node (id) · 4 delete relationship (id) · 5 set node property (id,
//   key, value; null removes) · 6 set relationship property · 7 add label (id, label) ·
//   8 remove label · 9 create index (name, label, properties, unique) · 10 drop index (name)
//
// Names are written inline (a log record is small; interning would not pay). Values use
// ValueCodec, so types round-trip exactly.

enum GraphChangeCodec {
    static func encode(_ changes: [GraphChange]) -> [UInt8] {
        var w = ByteWriter(capacity: 64 * changes.count + 16)
        w.count(changes.count)
        for change in changes { encode(change, into: &w) }
        return w.bytes
    }

    static func encode(_ change: GraphChange, into w: inout ByteWriter) {
        switch change {
        case .createNode(let id, let labels, let properties):
            w.u8(1)
            w.count(id)
            w.count(labels.count)
            for l in labels { w.string(l) }
            ValueCodec.encodeMap(properties, into: &w)
        case .createRelationship(let id, let type, let start, let end, let properties):
            w.u8(2)
            w.count(id)
            w.string(type)
            w.count(start)
            w.count(end)
            ValueCodec.encodeMap(properties, into: &w)
        case .deleteNode(let id):
            w.u8(3)
            w.count(id)
        case .deleteRelationship(let id):
            w.u8(4)
            w.count(id)
        case .setNodeProperty(let id, let key, let value):
            w.u8(5)
            w.count(id)
            w.string(key)
            ValueCodec.encode(value, into: &w)
        case .setRelationshipProperty(let id, let key, let value):
            w.u8(6)
            w.count(id)
            w.string(key)
            ValueCodec.encode(value, into: &w)
        case .addLabel(let id, let label):
            w.u8(7)
            w.count(id)
            w.string(label)
        case .removeLabel(let id, let label):
            w.u8(8)
            w.count(id)
            w.string(label)
        case .createIndex(let index):
            w.u8(9)
            w.string(index.name)
            w.string(index.label)
            w.count(index.properties.count)
            for p in index.properties { w.string(p) }
            w.u8(index.unique ? 1 : 0)
        case .dropIndex(let name):
            w.u8(10)
            w.string(name)
        }
    }

    /// Element ids in a log stay below this (2^48): far beyond any graph that fits in memory,
    /// and small enough that id arithmetic can never overflow.
    static let maxID = 1 << 48

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> [GraphChange] {
        var r = ByteReader(bytes)
        // Every change takes at least two bytes.
        let n = try r.count(limit: r.remaining / 2)
        var out: [GraphChange] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try decodeOne(&r)) }
        guard r.atEnd else { throw r.fail("unexpected bytes after the last change") }
        return out
    }

    static func decodeOne(_ r: inout ByteReader) throws -> GraphChange {
        let tag = try r.u8()
        switch tag {
        case 1:
            let id = try r.count(limit: maxID)
            let k = try r.count(limit: r.remaining)
            var labels: [String] = []
            for _ in 0..<k { labels.append(try r.string()) }
            return .createNode(id: id, labels: labels, properties: try ValueCodec.decodeMap(&r, depth: 1))
        case 2:
            let id = try r.count(limit: maxID)
            let type = try r.string()
            let start = try r.count(limit: maxID), end = try r.count(limit: maxID)
            return .createRelationship(id: id, type: type, start: start, end: end,
                                       properties: try ValueCodec.decodeMap(&r, depth: 1))
        case 3: return .deleteNode(try r.count(limit: maxID))
        case 4: return .deleteRelationship(try r.count(limit: maxID))
        case 5, 6:
            let id = try r.count(limit: maxID)
            let key = try r.string()
            let value = try ValueCodec.decode(&r)
            return tag == 5 ? .setNodeProperty(id, key: key, value: value)
                : .setRelationshipProperty(id, key: key, value: value)
        case 7, 8:
            let id = try r.count(limit: maxID)
            let label = try r.string()
            return tag == 7 ? .addLabel(id, label: label) : .removeLabel(id, label: label)
        case 9:
            let name = try r.string(), label = try r.string()
            let k = try r.count(limit: r.remaining)
            var props: [String] = []
            for _ in 0..<k { props.append(try r.string()) }
            let unique = try r.u8()
            guard unique <= 1 else { throw r.fail("bad unique flag") }
            return .createIndex(IndexDescriptor(name: name, label: label, properties: props, unique: unique == 1))
        case 10:
            return .dropIndex(name: try r.string())
        default:
            throw r.fail("unknown change tag \(tag)")
        }
    }
}
