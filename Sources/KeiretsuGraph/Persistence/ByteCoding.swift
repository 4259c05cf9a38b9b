// Little-endian byte writing and bounds-checked reading, shared by the snapshot and the log.
//
// Integers that are usually small (ids, counts, string lengths, interned-name numbers) are
// LEB128 varints; signed ones are zigzag-mapped first so that -1 costs one byte, not ten.
// Fixed-width fields (checksums, lengths in headers, float bits) are little-endian.
//
// The reader never traps: every read checks the bytes left and throws `DecodeFailure` with the
// position it stopped at, which the snapshot and log readers turn into a `PersistenceError`
// naming the file and its byte offset. A damaged file is therefore reported, never a crash.

/// A read past the end of a block or a malformed encoding inside it.
struct DecodeFailure: Error {
    var message: String
    /// Offset from the start of the buffer being decoded.
    var position: Int
}

struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always) mutating func u8(_ v: UInt8) { bytes.append(v) }

    @inline(__always) mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A non-negative Int (ids, counts) as an unsigned varint.
    @inline(__always) mutating func count(_ v: Int) { varint(UInt64(UInt(bitPattern: v))) }

    @inline(__always) mutating func zigzag(_ v: Int64) {
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Overwrites four bytes at `offset` (a length or checksum filled in after the fact).
    mutating func patchU32(_ v: UInt32, at offset: Int) {
        let le = v.littleEndian
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: le >> (8 * UInt32(k))) }
    }

    mutating func patchU64(_ v: UInt64, at offset: Int) {
        let le = v.littleEndian
        for k in 0..<8 { bytes[offset + k] = UInt8(truncatingIfNeeded: le >> (8 * UInt64(k))) }
    }
}

struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var position: Int

    init(_ buffer: UnsafeRawBufferPointer, position: Int = 0) {
        self.buffer = buffer
        self.position = position
    }

    var remaining: Int { buffer.count - position }
    var atEnd: Bool { position >= buffer.count }

    func fail(_ message: String) -> DecodeFailure { DecodeFailure(message: message, position: position) }

    @inline(__always) mutating func need(_ n: Int) throws {
        guard n >= 0, n <= buffer.count - position else { throw fail("unexpected end of data (needed \(n) bytes)") }
    }

    @inline(__always) mutating func u8() throws -> UInt8 {
        guard position < buffer.count else { throw fail("unexpected end of data") }
        let v = buffer[position]
        position += 1
        return v
    }

    @inline(__always) mutating func u32() throws -> UInt32 {
        try need(4)
        let v = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        return v
    }

    @inline(__always) mutating func u64() throws -> UInt64 {
        try need(8)
        let v = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        position += 8
        return v
    }

    @inline(__always) mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw fail("unexpected end of data inside a number") }
            let b = buffer[position]
            position += 1
            // The tenth byte may only carry the top bit of a 64-bit value.
            if shift == 63 && b > 1 { throw fail("number too large") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    @inline(__always) mutating func zigzag() throws -> Int64 {
        let u = try varint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// A count or id: a varint that must fit a non-negative Int and not exceed `limit`.
    @inline(__always) mutating func count(limit: Int = Int.max) throws -> Int {
        let u = try varint()
        // A negative limit (an index into an empty table) admits nothing.
        guard limit >= 0, u <= UInt64(limit) else { throw fail("number \(u) out of range (at most \(limit))") }
        return Int(u)
    }

    mutating func string() throws -> String {
        let n = try count()
        try need(n)
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<(position + n)]), as: UTF8.self)
        position += n
        return s
    }

    mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer {
        try need(n)
        let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + n)])
        position += n
        return slice
    }
}
