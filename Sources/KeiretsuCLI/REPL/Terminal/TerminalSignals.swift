// Signals the interactive REPL handles, each kept to what a signal handler may safely do
// (POSIX async-signal-safe functions only: write(2), tcsetattr(3), raise(3), atomic stores).
//
//   SIGWINCH        the window was resized: a flag the editor checks when its wait for a key
//                   is interrupted, then it measures the window and redraws
//   SIGINT          Ctrl-C while a statement runs (the terminal is in query mode, ISIG on): one
//                   byte down a pipe; a watcher thread reading the pipe cancels the statement
//                   through its CancellationToken. The handler itself touches no Swift object.
//   SIGTERM/SIGHUP  put the terminal back as the shell gave it, then die of the same signal
//
// The watcher thread blocks SIGINT and SIGWINCH, so both are delivered to the main thread,
// whose poll(2) they interrupt.

import Foundation
import KeiretsuCypher
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

private let resizePending = Atomic<Bool>(false)
private let interruptPending = Atomic<Bool>(false)
private let interruptPipeWrite = Atomic<Int32>(-1)
private let originalSaved = Atomic<Bool>(false)
private let originalDescriptor = Atomic<Int32>(0)
// Written once, before any handler that reads it is installed.
nonisolated(unsafe) private var originalAttributes = termios()

enum TerminalSignals {
    static func rememberOriginal(_ attributes: termios, descriptor: Int32) {
        guard !originalSaved.load(ordering: .acquiring) else { return }
        originalAttributes = attributes
        originalDescriptor.store(descriptor, ordering: .relaxed)
        originalSaved.store(true, ordering: .releasing)
        installExitRestorers()
    }

    static func installResizeHandler() {
        _ = resizePending.load(ordering: .relaxed)
        signal(SIGWINCH) { _ in resizePending.store(true, ordering: .relaxed) }
    }

    /// Whether the window was resized since the last call.
    static func takeResize() -> Bool { resizePending.exchange(false, ordering: .relaxed) }

    /// Whether SIGINT arrived since the last call.
    static func takeInterrupt() -> Bool { interruptPending.exchange(false, ordering: .relaxed) }

    /// From now on SIGINT cancels whatever `token` guards instead of ending the process.
    static func forwardInterrupts(to token: CancellationToken) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        let readEnd = fds[0]
        interruptPipeWrite.store(fds[1], ordering: .releasing)
        _ = interruptPending.load(ordering: .relaxed)
        signal(SIGINT) { _ in
            interruptPending.store(true, ordering: .relaxed)
            var byte: UInt8 = 1
            let fd = interruptPipeWrite.load(ordering: .relaxed)
            if fd >= 0 { _ = POSIXIO.write(fd, &byte, 1) }
        }
        let watcher = Thread {
            var byte: UInt8 = 0
            while true {
                let n = POSIXIO.read(readEnd, &byte, 1)
                if n > 0 {
                    token.cancel()
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
        // The thread starts with these signals blocked, so they go to the main thread.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGWINCH)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        watcher.start()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    private static func installExitRestorers() {
        let handler: @convention(c) (Int32) -> Void = { sig in
            if originalSaved.load(ordering: .acquiring) {
                _ = tcsetattr(originalDescriptor.load(ordering: .relaxed), TCSAFLUSH, &originalAttributes)
            }
            signal(sig, SIG_DFL)
            raise(sig)
        }
        signal(SIGTERM, handler)
        signal(SIGHUP, handler)
    }
}
