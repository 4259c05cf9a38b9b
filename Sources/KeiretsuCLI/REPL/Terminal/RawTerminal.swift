// The terminal the REPL edits on: raw mode through termios, the window size, and reads that
// wait for a key, a signal or a timeout.
//
// Three modes (POSIX termios, XBD chapter 11):
//
//   raw      while the user types: no canonical line editing, no echo, no signals from keys
//            (Ctrl-C, Ctrl-Z, Ctrl-\ arrive as bytes and the editor decides), no CR→NL or
//            flow-control translation on input. Output processing (OPOST) stays on so that
//            results can be written with plain "\n".
//   query    while a statement runs: still no echo and no line editing, so keys typed ahead
//            wait in the kernel for the next prompt instead of being printed over the results,
//            but ISIG is on, so Ctrl-C raises SIGINT, which cancels the statement.
//   original what the shell gave us, restored on exit, on Ctrl-Z and on SIGTERM/SIGHUP.
//
// Bracketed paste (xterm's mode 2004) is switched on with raw mode and off with it.

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

final class RawTerminal {
    let input: Int32
    let output: Int32
    private let original: termios
    private var mode = Mode.original

    enum Mode { case original, raw, query }

    /// Nil when `input` is not a terminal whose attributes can be read.
    init?(input: Int32 = 0, output: Int32 = 1) {
        var attributes = termios()
        guard isatty(input) != 0, tcgetattr(input, &attributes) == 0 else { return nil }
        self.input = input
        self.output = output
        self.original = attributes
        TerminalSignals.rememberOriginal(attributes, descriptor: input)
    }

    deinit { restore() }

    func enterRaw() {
        guard mode != .raw else { return }
        var t = original
        t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        t.c_cflag |= tcflag_t(CS8)
        t.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        Self.setReadOneByte(&t)
        apply(t)
        if mode == .original { write("\u{1B}[?2004h") }
        mode = .raw
    }

    func enterQueryMode() {
        guard mode != .query else { return }
        var t = original
        t.c_iflag &= ~tcflag_t(ICRNL | IXON)
        t.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN)
        t.c_lflag |= tcflag_t(ISIG)
        Self.setReadOneByte(&t)
        apply(t)
        mode = .query
    }

    func restore() {
        guard mode != .original else { return }
        if mode == .raw || mode == .query { write("\u{1B}[?2004l") }
        var t = original
        _ = tcsetattr(input, TCSAFLUSH, &t)
        mode = .original
    }

    private func apply(_ t: termios) {
        var t = t
        _ = tcsetattr(input, TCSADRAIN, &t)
    }

    /// VMIN 1, VTIME 0: a read returns as soon as one byte is there.
    private static func setReadOneByte(_ t: inout termios) {
        withUnsafeMutableBytes(of: &t.c_cc) { raw in
            let cc = raw.bindMemory(to: cc_t.self)
            if Int(VMIN) < cc.count { cc[Int(VMIN)] = 1 }
            if Int(VTIME) < cc.count { cc[Int(VTIME)] = 0 }
        }
    }

    /// Writes `text` at once (one write(2) call unless the kernel takes less).
    func write(_ text: String) {
        POSIXIO.writeAll(output, Array(text.utf8))
    }

    /// Columns and rows of the window (80×24 when the terminal does not say).
    var size: (columns: Int, rows: Int) {
        Self.windowSize(of: output) ?? Self.windowSize(of: input) ?? (80, 24)
    }

    /// The window size of the terminal on `fd` (TIOCGWINSZ), nil when it is not a terminal.
    static func windowSize(of fd: Int32) -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    enum ReadResult {
        case bytes([UInt8])
        /// Nothing arrived within the timeout.
        case timeout
        /// A signal interrupted the wait (a resize, an interrupt).
        case interrupted
        /// The input was closed.
        case endOfInput
    }

    /// Waits up to `timeout` milliseconds (forever when nil) for input and reads what is there.
    func read(timeout: Int?) -> ReadResult {
        var fds = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, Int32(timeout ?? -1))
        if ready < 0 { return errno == EINTR ? .interrupted : .endOfInput }
        if ready == 0 { return .timeout }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return POSIXIO.read(input, base, raw.count)
        }
        if n > 0 { return .bytes(Array(chunk[0..<n])) }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return .interrupted }
        return .endOfInput
    }
}

/// write(2) and read(2) under one name on every platform.
enum POSIXIO {
    static func write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, p, n)
        #elseif canImport(Glibc)
        return Glibc.write(fd, p, n)
        #else
        return Musl.write(fd, p, n)
        #endif
    }

    static func read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.read(fd, p, n)
        #elseif canImport(Glibc)
        return Glibc.read(fd, p, n)
        #else
        return Musl.read(fd, p, n)
        #endif
    }

    /// Writes all of `bytes` to `fd`, retrying after interruptions; false when it failed.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + done, raw.count - done)
            }
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
