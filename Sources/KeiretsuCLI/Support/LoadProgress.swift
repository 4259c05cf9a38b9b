// LoadProgress: a one-line progress bar by bytes on stderr (`import`), drawn only when stderr is
// a terminal (a log file or a pipe gets nothing but the final summary the command prints itself).

import KeiretsuExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

final class LoadProgress {
    let total: Int
    let enabled: Bool
    private(set) var done = 0
    private var drawn = false
    private let width = 30

    init(total: Int, enabled: Bool = isatty(2) != 0) {
        self.total = max(total, 1)
        self.enabled = enabled
    }

    /// Shows `label` with the bar at `done` units of `total`.
    func show(_ label: String) {
        guard enabled else { return }
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        write("\r[\(bar)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(label)\u{1B}[K")
        drawn = true
    }

    func advance(by units: Int, _ label: String) {
        done += units
        show(label)
    }

    /// Clears the line so that a warning or the summary starts at column 0.
    func clear() {
        guard enabled, drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func write(_ text: String) {
        let sink = FileDescriptorSink(descriptor: 2)
        sink.write(text)
        sink.flush()
    }
}
