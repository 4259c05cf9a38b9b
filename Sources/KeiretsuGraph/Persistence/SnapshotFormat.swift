// The snapshot file: the whole graph at one committed transaction, in checksummed blocks.
//
//   header (64 bytes)
//     0  magic "KRTSDB\r\n"     (the \r\n catches text-mode mangling, as PNG's signature does)
//     8  u32 format version      (1)
//    12  u32 header size         (64)
//    16  u64 database id         (random, fixed at creation; the log carries it too)
//    24  u64 transaction number  (the last committed transaction this snapshot includes)
//    32  u64 node slots          (the next node id: ids of deleted and rolled-back nodes stay
//    40  u64 relationship slots   unused, so ids never change meaning)
//    48  u64 file length         (a shorter file is truncated, a longer one damaged)
//    56  u32 block count
//    60  u32 CRC-32C of bytes 0..<60
//   blocks, each: u32 kind · u32 CRC-32C of (kind, length, payload) · u64 payload length · payload
//
// Block kinds, in file order: node and relationship blocks (each at most `recordsPerBlock`
// records, so that blocks decode in parallel), then the names block (every label, type and
// property key once, and the distinct label sets and key sets — "shapes" — that records refer
// to by number), the index block, and the end block (live node and relationship counts). Names
// come after the records because the writer learns them while streaming the records; the
// reader walks the block headers first anyway.
//
//   node record          gap (ids skipped since the previous record) · label set · key set ·
//                        one value per key (ValueCodec)
//   relationship record  gap · type name · start id · end id · key set · values
//   block prefix         first id · end id (exclusive) · record count
//
// Every integer in a payload is a varint (ByteCoding.swift). Element ids are stored, never
// renumbered; adjacency lists, the label index and property indexes are derived on load.

enum SnapshotFormat {
    static let magic: [UInt8] = Array("KRTSDB\r\n".utf8)
    static let version: UInt32 = 1
    static let headerSize = 64
    static let blockHeaderSize = 16
    static let recordsPerBlock = 65_536

    enum BlockKind: UInt32 {
        case names = 1, nodes = 2, relationships = 3, indexes = 4, end = 5
    }
}

struct SnapshotHeader: Equatable {
    var databaseID: UInt64
    var transaction: UInt64
    var nodeSlots: Int
    var relationshipSlots: Int
    var fileLength: Int
    var blockCount: Int

    func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: SnapshotFormat.headerSize)
        w.raw(SnapshotFormat.magic)
        w.u32(SnapshotFormat.version)
        w.u32(UInt32(SnapshotFormat.headerSize))
        w.u64(databaseID)
        w.u64(transaction)
        w.u64(UInt64(nodeSlots))
        w.u64(UInt64(relationshipSlots))
        w.u64(UInt64(fileLength))
        w.u32(UInt32(truncatingIfNeeded: blockCount))
        w.u32(CRC32C.checksum(w.bytes))
        return w.bytes
    }

    /// Parses and checks the header at the start of `bytes` (the whole file, `fileSize` long).
    static func decode(_ bytes: UnsafeRawBufferPointer, fileSize: Int, path: String) throws -> SnapshotHeader {
        let magic = SnapshotFormat.magic
        if fileSize == 0 { throw PersistenceError.notADatabase(path: path, detail: "the file is empty") }
        let prefix = min(bytes.count, magic.count)
        guard prefix > 0, zip(bytes.prefix(prefix), magic).allSatisfy({ $0 == $1 }) else {
            throw PersistenceError.notADatabase(path: path, detail: "it does not start with the keiretsu signature")
        }
        guard bytes.count >= SnapshotFormat.headerSize else {
            throw PersistenceError.truncated(path: path, detail: "\(fileSize) bytes, shorter than the \(SnapshotFormat.headerSize)-byte header")
        }
        var r = ByteReader(bytes, position: magic.count)
        do {
            let version = try r.u32()
            let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 60, as: UInt32.self))
            let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<60]))
            guard stored == actual else {
                throw PersistenceError.corrupted(path: path, offset: 0, detail: "header checksum mismatch")
            }
            guard version == SnapshotFormat.version else {
                throw PersistenceError.unsupportedVersion(path: path, found: version, supported: SnapshotFormat.version)
            }
            let headerSize = try r.u32()
            guard headerSize == UInt32(SnapshotFormat.headerSize) else {
                throw PersistenceError.corrupted(path: path, offset: 12, detail: "unexpected header size \(headerSize)")
            }
            let id = try r.u64(), tx = try r.u64()
            let nodeSlots = try r.u64(), relSlots = try r.u64(), length = try r.u64()
            let blocks = try r.u32()
            // Every slot costs at least one bit of a record or a gap; anything larger is damage.
            let limit = UInt64(Int32.max) * 64
            guard nodeSlots <= limit, relSlots <= limit, length <= UInt64(Int.max) else {
                throw PersistenceError.corrupted(path: path, offset: 32, detail: "impossible sizes in the header")
            }
            return SnapshotHeader(databaseID: id, transaction: tx, nodeSlots: Int(nodeSlots),
                                  relationshipSlots: Int(relSlots), fileLength: Int(length), blockCount: Int(blocks))
        } catch let e as DecodeFailure {
            throw PersistenceError.corrupted(path: path, offset: e.position, detail: e.message)
        }
    }
}

/// Where one block sits in the file.
struct SnapshotBlock {
    var kind: SnapshotFormat.BlockKind
    /// Offset of the payload (after the 16-byte block header).
    var offset: Int
    var length: Int
    var checksum: UInt32
}

extension SnapshotBlock {
    /// CRC-32C over kind, length and payload, as stored in the block header.
    static func checksum(kind: UInt32, payload: UnsafeRawBufferPointer) -> UInt32 {
        var w = ByteWriter(capacity: 12)
        w.u32(kind)
        w.u64(UInt64(payload.count))
        let head = w.bytes.withUnsafeBytes { CRC32C.checksum($0) }
        return CRC32C.checksum(payload, continuing: head)
    }
}
