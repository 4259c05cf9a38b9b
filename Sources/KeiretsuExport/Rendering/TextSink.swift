// Where rendered text goes: a file descriptor such as standard output (buffered, pushed out on
// every flush) or a string (tests, the REPL's pager).
//
// Output goes straight to the descriptor with write(2) rather than through `print` or stdio, so
// that a flush is a real write the renderers control: DESIGN.md asks that each statement's
// result reach a reader of the pipe as soon as that statement has finished.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

public protocol TextSink: AnyObject {
    func write(_ text: String)
    /// Pushes everything written so far to its destination.
    func flush()
}

/// A file descriptor (standard output by default), through a buffer that is written out when
/// it grows large and on every flush.
public final class FileDescriptorSink: TextSink {
    private var buffer: [UInt8] = []
    private let threshold = 1 << 16
    public let descriptor: Int32
    /// Set when a write failed (a closed pipe, a full disk); later output is dropped.
    public private(set) var failed = false

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(threshold)
    }

    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: 1) }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= threshold { drain() }
    }

    public func flush() { drain() }

    private func drain() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !failed else { return }
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count, let base = raw.baseAddress {
                let n = systemWrite(descriptor, base + done, raw.count - done)
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    failed = true
                    return
                }
            }
        }
    }

    deinit { drain() }

    /// Whether the descriptor is a terminal (decides the default format).
    public var isTerminal: Bool { isatty(descriptor) != 0 }
}

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, p, n)
    #elseif canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Musl.write(fd, p, n)
    #endif
}

/// Collects text in memory; `flushedLengths` lets tests check that renderers flush per
/// statement.
public final class StringSink: TextSink {
    public private(set) var text = ""
    /// The length in bytes of `text` at each flush.
    public private(set) var flushedLengths: [Int] = []

    public init() {}

    public func write(_ text: String) { self.text += text }

    public func flush() { flushedLengths.append(text.utf8.count) }
}
