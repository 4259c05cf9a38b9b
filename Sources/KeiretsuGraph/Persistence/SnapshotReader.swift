// Reads a snapshot file into a MemoryGraph, checking everything on the way.
//
// The file is read whole, its header and block headers are checked (signature, version,
// checksums, lengths — a short file is "truncated", anything inconsistent "corrupted"), then the
// record blocks are verified and decoded in parallel: each worker takes every n-th block and
// writes records straight into their id slots (block id ranges are checked to be disjoint
// first, so no two workers touch one slot). Labels and property-key sets are shared between
// records with the same shape (Swift arrays are copy-on-write, so a million `[:Company]` label
// lists are one allocation). MemoryGraph.assemble then derives adjacency, the label index and
// property indexes.
//
// Nothing in a damaged file can make this trap: every read is bounds-checked (ByteCoding.swift),
// every count is limited by the bytes left, every id by the slot count in the header.

import Dispatch
import OrderedCollections
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value handed to worker threads that write disjoint parts of it.
struct SharedMutable<T>: @unchecked Sendable {
    // @unchecked: each worker touches only the slots (or its own result entry) assigned to it.
    var value: T
}

struct SnapshotContents {
    var header: SnapshotHeader
    var graph: MemoryGraph
}

enum SnapshotReader {
    /// Decodes the snapshot held by `file`.
    static func read(_ file: POSIXFile) throws -> SnapshotContents {
        let decoded = try decode(file)
        return SnapshotContents(header: decoded.header, graph: decoded.graph)
    }

    /// Reads the whole file and decodes its blocks into a graph.
    static func decode(_ file: POSIXFile) throws -> DecodedSnapshot {
        let path = file.path
        let size = try file.size()
        let buffer = LargeArrays.bytes(size)
        defer { buffer.deallocate() }
        let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]), at: 0)
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
        let header = try SnapshotHeader.decode(bytes, fileSize: got, path: path)
        if got < header.fileLength {
            throw PersistenceError.truncated(path: path, detail: "\(got) of \(header.fileLength) bytes present")
        }
        if got > header.fileLength {
            throw PersistenceError.corrupted(path: path, offset: header.fileLength,
                                             detail: "\(got - header.fileLength) unexpected bytes after the end")
        }
        let blocks = try blockTable(bytes, header: header, path: path)
        var decoder = try SnapshotDecoder(bytes: bytes, header: header, blocks: blocks, path: path)
        return try decoder.decode()
    }

    /// Walks the block headers: every block must lie inside the file, the last must be the end
    /// block, and their number must match the header.
    static func blockTable(_ bytes: UnsafeRawBufferPointer, header: SnapshotHeader, path: String) throws -> [SnapshotBlock] {
        var blocks: [SnapshotBlock] = []
        var offset = SnapshotFormat.headerSize
        while offset < header.fileLength {
            guard header.fileLength - offset >= SnapshotFormat.blockHeaderSize else {
                throw PersistenceError.corrupted(path: path, offset: offset, detail: "a block header runs past the end")
            }
            var r = ByteReader(bytes, position: offset)
            do {
                let kindValue = try r.u32(), crc = try r.u32(), length = try r.u64()
                guard let kind = SnapshotFormat.BlockKind(rawValue: kindValue) else {
                    throw PersistenceError.corrupted(path: path, offset: offset, detail: "unknown block kind \(kindValue)")
                }
                let payload = offset + SnapshotFormat.blockHeaderSize
                guard length <= UInt64(header.fileLength - payload) else {
                    throw PersistenceError.corrupted(path: path, offset: offset, detail: "a block's length runs past the end")
                }
                blocks.append(SnapshotBlock(kind: kind, offset: payload, length: Int(length), checksum: crc))
                offset = payload + Int(length)
            } catch let e as DecodeFailure {
                throw PersistenceError.corrupted(path: path, offset: e.position, detail: e.message)
            }
        }
        guard blocks.count == header.blockCount, blocks.last?.kind == .end else {
            throw PersistenceError.corrupted(path: path, offset: offset,
                                             detail: "expected \(header.blockCount) blocks ending with the end block, found \(blocks.count)")
        }
        guard blocks.filter({ $0.kind == .names }).count == 1, blocks.filter({ $0.kind == .indexes }).count == 1,
              blocks.filter({ $0.kind == .end }).count == 1
        else {
            throw PersistenceError.corrupted(path: path, offset: SnapshotFormat.headerSize, detail: "missing or repeated catalogue blocks")
        }
        return blocks
    }

    static func verify(_ block: SnapshotBlock, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        let payload = UnsafeRawBufferPointer(rebasing: bytes[block.offset..<(block.offset + block.length)])
        guard SnapshotBlock.checksum(kind: block.kind.rawValue, payload: payload) == block.checksum else {
            throw PersistenceError.corrupted(path: path, offset: block.offset - SnapshotFormat.blockHeaderSize,
                                             detail: "checksum mismatch in a \(block.kind) block")
        }
    }

    static var workerCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(Int(n), 8))
    }
}
