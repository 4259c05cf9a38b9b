// Where exports go: a byte sink, and the buffered text writer the writers print through.
//
// Every exporter streams: it never holds the document it is writing, only a small buffer that
// goes to a `ByteSink` whenever it fills. Sinks are a file descriptor (stdout, a pipe), an
// `AtomicFileWriter` (`-o FILE`: nothing appears at the target until the whole export has
// succeeded) or memory (tests, and callers that want the text). A sink that fails throws a
// `CypherError` of kind `.databaseError` ("the file system failed"), which the writers pass on
// unchanged, so a full disk is reported as such and never as a broken graph.

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives the bytes of an export in order.
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes` or throws.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// Writes to an open file descriptor it does not own (standard output, a pipe, a file opened by
/// the caller). Short writes and `EINTR` are retried.
public final class FileDescriptorByteSink: ByteSink {
    public let fd: Int32
    /// Named in error messages, e.g. `<stdout>` or the path.
    public let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    public static func standardOutput() -> FileDescriptorByteSink { FileDescriptorByteSink(fd: 1, name: "<stdout>") }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = posixWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot write \(name)")
            }
            p += n
            left -= n
        }
    }
}

/// Collects an export in memory.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: buffer)
    }

    /// The bytes as UTF-8 text (invalid sequences, which the writers never produce, become U+FFFD).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A buffered text writer over a sink: the writers append strings and bytes, and the buffer goes
/// out in 256 KB pieces so that a million small appends cost a few thousand system calls.
struct TextOutput {
    let sink: any ByteSink
    private var buffer: [UInt8] = []
    private let limit: Int

    init(_ sink: any ByteSink, bufferSize: Int = 1 << 18) {
        self.sink = sink
        self.limit = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { try flush() }
    }

    mutating func write(_ text: StaticString) throws {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= limit { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

// MARK: - System call helpers shared by the sinks and the atomic writer

func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, p, count)
    #elseif canImport(Glibc)
    return Glibc.write(fd, p, count)
    #else
    return Musl.write(fd, p, count)
    #endif
}

/// The text of the current `errno`.
func errnoText() -> String {
    let code = errno
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s)
}

/// A file-system failure as the one user-facing error type.
func ioError(_ what: String) -> CypherError {
    CypherError(.databaseError, "WriteFailed", "\(what): \(errnoText())", phase: .runtime)
}
