// CRC-32C (Castagnoli), the checksum on every snapshot block and every log record.
//
// CRC-32C is what ext4, iSCSI, LevelDB and RocksDB use for the same job: it detects every burst
// error up to 32 bits and, unlike a plain sum, catches swapped and zeroed ranges. Reflected
// polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF; the check value of the ASCII
// bytes "123456789" is 0xE3069283 (RFC 3720, appendix B.4), pinned in the tests.
//
// Slicing-by-8 (eight 256-entry tables, one 64-bit load per step) runs at well over 1 GB/s in
// Swift, so checksumming a few hundred megabytes of snapshot costs a fraction of its decoding.

enum CRC32C {
    /// Eight 256-entry tables laid end to end: entry `k * 256 + b` is the CRC contribution of
    /// byte `b` followed by `k` zero bytes.
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var c = UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            t[b] = c
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let prev = t[(k - 1) * 256 + b]
                t[k * 256 + b] = (prev >> 8) ^ t[Int(prev & 0xFF)]
            }
        }
        return t
    }()

    /// The checksum of `bytes`, continuing from `crc` (the result of an earlier call) when the
    /// data comes in pieces.
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        let n = bytes.count
        return table.withUnsafeBufferPointer { t -> UInt32 in
            var c = ~crc
            var i = 0
            while i + 8 <= n {
                let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ UInt64(c)
                c = t[7 * 256 + Int(x & 0xFF)] ^ t[6 * 256 + Int((x >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((x >> 16) & 0xFF)] ^ t[4 * 256 + Int((x >> 24) & 0xFF)]
                    ^ t[3 * 256 + Int((x >> 32) & 0xFF)] ^ t[2 * 256 + Int((x >> 40) & 0xFF)]
                    ^ t[1 * 256 + Int((x >> 48) & 0xFF)] ^ t[Int(x >> 56)]
                i += 8
            }
            while i < n {
                c = (c >> 8) ^ t[Int((c ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)]
                i += 1
            }
            return ~c
        }
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
