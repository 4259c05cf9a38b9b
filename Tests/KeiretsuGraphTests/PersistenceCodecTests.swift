// The byte-level pieces of the file formats: CRC-32C, varints, the value and change codecs.
// Round trips must keep exact types and bits; damaged input must throw, never trap.

@testable import KeiretsuGraph
import XCTest

final class PersistenceCodecTests: XCTestCase {
    func testCRC32CCheckValue() {
        // RFC 3720, B.4: CRC-32C of the ASCII digits 1-9.
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        // Continuing over pieces gives the checksum of the whole.
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let whole = CRC32C.checksum(bytes)
        let first = bytes[0..<333].withUnsafeBytes { CRC32C.checksum($0) }
        let both = bytes[333...].withUnsafeBytes { CRC32C.checksum($0, continuing: first) }
        XCTAssertEqual(whole, both)
    }

    func testVarintsRoundTripAtTheExtremes() throws {
        let signed: [Int64] = [0, 1, -1, 63, -64, 64, 300, -300, .max, .min, .max - 1, .min + 1]
        let unsigned: [UInt64] = [0, 127, 128, 16_383, 16_384, .max, .max - 1, 1 << 63]
        var w = ByteWriter()
        for v in signed { w.zigzag(v) }
        for v in unsigned { w.varint(v) }
        try w.bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            for v in signed { XCTAssertEqual(try r.zigzag(), v) }
            for v in unsigned { XCTAssertEqual(try r.varint(), v) }
            XCTAssertTrue(r.atEnd)
        }
        // An eleven-byte varint and one whose tenth byte overflows are refused.
        for bad in [[UInt8](repeating: 0xFF, count: 11), [UInt8](repeating: 0xFF, count: 9) + [0x02]] {
            let decoded: UInt64? = bad.withUnsafeBytes { raw in
                var r = ByteReader(raw)
                return try? r.varint()
            }
            XCTAssertNil(decoded)
        }
    }

    func testValuesRoundTripWithExactTypes() throws {
        let node = Node(id: 7, labels: ["A", "B"], properties: ["x": 1])
        let rel = Relationship(id: 9, type: "T", start: 7, end: 8, properties: ["y": 2.0])
        let extra: [Value] = [
            .null, .node(node), .relationship(rel),
            .path(Path(nodes: [node, Node(id: 8, labels: [], properties: [:])], relationships: [rel])),
        ]
        for v in awkwardValues + extra {
            var w = ByteWriter()
            ValueCodec.encode(v, into: &w)
            let back = try w.bytes.withUnsafeBytes { raw -> Value in
                var r = ByteReader(raw)
                let v = try ValueCodec.decode(&r)
                XCTAssertTrue(r.atEnd)
                return v
            }
            XCTAssertEqual(back.exactKey, v.exactKey, "\(v)")
            XCTAssertEqual(back.typeName, v.typeName)
            XCTAssertEqual(back.literal(.sorted), v.literal(.sorted))
        }
        // 1 and 1.0 are equivalent values but must stay distinct types on disk.
        XCTAssertNotEqual(Value.int(1).exactKey, Value.float(1).exactKey)
        // NaN keeps its bits.
        let payloadNaN = Double(bitPattern: 0x7FF8_0000_0000_1234)
        var w = ByteWriter()
        ValueCodec.encode(.float(payloadNaN), into: &w)
        try w.bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            guard case .float(let d) = try ValueCodec.decode(&r) else { return XCTFail("not a float") }
            XCTAssertEqual(d.bitPattern, payloadNaN.bitPattern)
        }
    }

    func testDamagedValueBytesThrowAndNeverTrap() {
        var w = ByteWriter()
        for v in awkwardValues { ValueCodec.encode(v, into: &w) }
        let valid = w.bytes
        var generator = SplitMix(seed: 42)
        var failures = 0
        // Every truncation, and thousands of random single-byte changes.
        for cut in 0..<valid.count {
            if decodeAll(Array(valid[0..<cut])) == nil { failures += 1 }
        }
        for _ in 0..<5000 {
            var bytes = valid
            bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            _ = decodeAll(bytes)
        }
        XCTAssertGreaterThan(failures, valid.count / 2, "truncated input must mostly fail")
        // Out-of-range temporals and deep nesting are refused.
        XCTAssertNil(decodeAll([ValueTag.localTime.rawValue] + zigzagBytes(86_400_000_000_000)))
        XCTAssertNil(decodeAll([ValueTag.time.rawValue, 0] + zigzagBytes(18 * 3600 + 1)))
        XCTAssertNil(decodeAll([ValueTag.date.rawValue] + zigzagBytes(Int64.max)))
        XCTAssertNil(decodeAll([UInt8](repeating: ValueTag.list.rawValue, count: 2000).flatMap { [$0, 1] }))
        XCTAssertNil(decodeAll([ValueTag.map.rawValue, 2, 1, 0x61, 0, 1, 0x61, 0]), "repeated map key")
        XCTAssertNil(decodeAll([99]), "unknown tag")
    }

    func testGraphChangesRoundTrip() throws {
        var props = ValueMap()
        for (i, v) in awkwardValues.enumerated() { props["k\(i)"] = v }
        let changes: [GraphChange] = [
            .createNode(id: 0, labels: ["A", "B"], properties: props),
            .createRelationship(id: 5, type: "T", start: 0, end: 3, properties: ["w": 1.5]),
            .deleteNode(4), .deleteRelationship(2),
            .setNodeProperty(1, key: "k", value: .temporal(.duration(Duration(months: 1, days: 0, seconds: 0, nanoseconds: 0)))),
            .setNodeProperty(1, key: "k", value: .null),
            .setRelationshipProperty(5, key: "w", value: .list([1, 2])),
            .addLabel(1, label: "X"), .removeLabel(1, label: "Y"),
            .createIndex(IndexDescriptor(name: "i", label: "A", properties: ["p", "q"], unique: true)),
            .dropIndex(name: "i"),
        ]
        let bytes = GraphChangeCodec.encode(changes)
        let back = try bytes.withUnsafeBytes { try GraphChangeCodec.decode($0) }
        XCTAssertEqual(GraphChangeCodec.encode(back), bytes)
        XCTAssertEqual(back.count, changes.count)
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try Array(bytes[0..<cut]).withUnsafeBytes { try GraphChangeCodec.decode($0) })
        }
    }

    // MARK: Helpers

    func decodeAll(_ bytes: [UInt8]) -> [Value]? {
        bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            var out: [Value] = []
            do {
                while !r.atEnd { out.append(try ValueCodec.decode(&r)) }
                return out
            } catch {
                return nil
            }
        }
    }

    func zigzagBytes(_ v: Int64) -> [UInt8] {
        var w = ByteWriter()
        w.zigzag(v)
        return w.bytes
    }
}

/// A small deterministic generator (SplitMix64), so damage tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
