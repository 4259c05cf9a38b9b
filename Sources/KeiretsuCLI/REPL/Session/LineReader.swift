// Lines from standard input, for piped sessions and terminals the editor cannot drive.
//
// Reads in large chunks and hands out one line at a time (without its `\n`; a last line
// without one still counts). It waits in poll(2) before each read so that a signal — Ctrl-C at
// a plain prompt — interrupts the wait even though glibc restarts an interrupted read(2).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

struct LineReader {
    enum Next: Equatable {
        case line(String)
        case interrupted
        case end
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`.
    private var start = 0
    private var atEnd = false

    init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    mutating func next() -> Next {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return .line(line)
            }
            if atEnd {
                guard start < buffer.count else { return .end }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return .line(line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var fds = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, -1) < 0 {
                if errno == EINTR { return .interrupted }
                atEnd = true
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return POSIXIO.read(descriptor, base, raw.count)
            }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n < 0 && errno == EINTR {
                return .interrupted
            } else {
                atEnd = true
            }
        }
    }
}
