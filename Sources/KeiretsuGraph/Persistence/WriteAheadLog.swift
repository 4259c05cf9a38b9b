// The write-ahead log: committed transactions since the snapshot, one checksummed record each.
//
//   header (40 bytes)
//     0  magic "KRTSWL\r\n" · 8 u32 version (1) · 12 u32 header size (40)
//    16  u64 database id (must match the snapshot's)
//    24  u64 base transaction (the snapshot transaction this log continues)
//    32  u32 reserved · 36 u32 CRC-32C of bytes 0..<36
//   record (24-byte header, then the payload: GraphChangeCodec)
//     0  u32 marker 0x4B52_4543 · 4 u32 payload length · 8 u64 transaction number
//    16  u32 CRC-32C of the payload · 20 u32 CRC-32C of bytes 0..<20 of this header
//
// Records carry consecutive transaction numbers starting at base + 1; a commit appends one
// record with `pwrite` and `fdatasync`s before the statement reports success.
//
// Reading tells a torn tail from damage. A crash during an append leaves at most one partial
// record at the very end (the writer appends one record at a time and waits for the disk). So
// when a record fails its checks, the reader looks further: if any intact record header
// follows, the failure is in the middle — damage, reported as an error; if nothing intact
// follows, the bytes are a torn tail, which holds no committed statement and is ignored (and
// cut off by the next writer). A record whose checksums hold but whose transaction number is
// out of sequence is always damage.

struct LogHeader: Equatable {
    static let magic: [UInt8] = Array("KRTSWL\r\n".utf8)
    static let version: UInt32 = 1
    static let size = 40

    var databaseID: UInt64
    var baseTransaction: UInt64

    func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: Self.size)
        w.raw(Self.magic)
        w.u32(Self.version)
        w.u32(UInt32(Self.size))
        w.u64(databaseID)
        w.u64(baseTransaction)
        w.u32(0)
        w.u32(CRC32C.checksum(w.bytes))
        return w.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws -> LogHeader {
        let prefix = min(bytes.count, magic.count)
        guard prefix > 0, zip(bytes.prefix(prefix), magic).allSatisfy({ $0 == $1 }) else {
            throw PersistenceError.notADatabase(path: path, detail: bytes.isEmpty ? "the log file is empty"
                                                : "it does not start with the keiretsu log signature")
        }
        guard bytes.count >= size else {
            throw PersistenceError.truncated(path: path, detail: "\(bytes.count) bytes, shorter than the \(size)-byte log header")
        }
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
        guard stored == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<36])) else {
            throw PersistenceError.corrupted(path: path, offset: 0, detail: "log header checksum mismatch")
        }
        var r = ByteReader(bytes, position: magic.count)
        do {
            let version = try r.u32()
            guard version == Self.version else {
                throw PersistenceError.unsupportedVersion(path: path, found: version, supported: Self.version)
            }
            guard try r.u32() == UInt32(size) else {
                throw PersistenceError.corrupted(path: path, offset: 12, detail: "unexpected log header size")
            }
            return LogHeader(databaseID: try r.u64(), baseTransaction: try r.u64())
        } catch let e as DecodeFailure {
            throw PersistenceError.corrupted(path: path, offset: e.position, detail: e.message)
        }
    }
}

/// One intact record found by a scan.
struct LogRecord {
    var transaction: UInt64
    /// Offset of the record header in the file.
    var offset: Int
    var changes: [GraphChange]
}

/// What a scan of (part of) a log found.
struct LogScan {
    var records: [LogRecord] = []
    /// The offset just past the last intact record: where the next append goes.
    var validEnd: Int
    /// Bytes after `validEnd` that form a torn tail (0 when the log ends cleanly).
    var tornBytes: Int = 0
}

enum LogRecordFormat {
    static let marker: UInt32 = 0x4B52_4543
    static let headerSize = 24
    /// A record's payload is at most 4 GiB - 1 (its length is a u32).
    static let maxPayload = Int(UInt32.max)

    static func encode(transaction: UInt64, payload: [UInt8]) -> [UInt8] {
        var w = ByteWriter(capacity: headerSize + payload.count)
        w.u32(marker)
        w.u32(UInt32(truncatingIfNeeded: payload.count))
        w.u64(transaction)
        w.u32(CRC32C.checksum(payload))
        w.u32(CRC32C.checksum(w.bytes))
        w.raw(payload)
        return w.bytes
    }

    /// The header at `offset` if its marker and checksum hold: (payload length, transaction,
    /// payload checksum).
    static func header(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (length: Int, transaction: UInt64, crc: UInt32)? {
        guard offset >= 0, bytes.count - offset >= headerSize else { return nil }
        func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + o, as: UInt32.self)) }
        guard u32(0) == marker else { return nil }
        let stored = u32(20)
        guard stored == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 20)])) else { return nil }
        let tx = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        return (Int(u32(4)), tx, u32(16))
    }

    /// Scans `bytes` (the log from file offset `base`) for records numbered from `next` on.
    /// Records numbered `skipThrough` or below are checked but not decoded (a stale log whose
    /// contents the snapshot already holds).
    static func scan(_ bytes: UnsafeRawBufferPointer, fileOffset base: Int, next: UInt64, skipThrough: UInt64 = 0,
                     path: String) throws -> LogScan {
        var scan = LogScan(validEnd: base)
        var offset = 0
        var expected = next
        while offset < bytes.count {
            guard let h = header(bytes, at: offset),
                  h.length <= bytes.count - offset - headerSize,
                  h.crc == CRC32C.checksum(UnsafeRawBufferPointer(rebasing:
                      bytes[(offset + headerSize)..<(offset + headerSize + h.length)]))
            else {
                // A failed record: damage if an intact record header follows, else a torn tail.
                if let later = firstIntactHeader(bytes, after: offset) {
                    throw PersistenceError.corrupted(path: path, offset: base + offset,
                                                     detail: "a damaged log record is followed by an intact one at byte \(base + later)")
                }
                scan.tornBytes = bytes.count - offset
                return scan
            }
            guard h.transaction == expected else {
                throw PersistenceError.corrupted(path: path, offset: base + offset,
                                                 detail: "log record for transaction \(h.transaction) where \(expected) was expected")
            }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[(offset + headerSize)..<(offset + headerSize + h.length)])
            if h.transaction > skipThrough {
                do {
                    scan.records.append(LogRecord(transaction: h.transaction, offset: base + offset,
                                                  changes: try GraphChangeCodec.decode(payload)))
                } catch let e as DecodeFailure {
                    throw PersistenceError.corrupted(path: path, offset: base + offset + headerSize + e.position,
                                                     detail: "\(e.message) in the record of transaction \(h.transaction)")
                }
            }
            offset += headerSize + h.length
            expected += 1
            scan.validEnd = base + offset
        }
        return scan
    }

    static func firstIntactHeader(_ bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        var o = offset + 1
        while o + headerSize <= bytes.count {
            if header(bytes, at: o) != nil { return o }
            o += 1
        }
        return nil
    }
}
