// Phase timings for the storage benchmark: with KEIRETSU_STORAGE_TIMING=1 in the environment,
// opening, checkpointing and bulk assembly print how long each phase took to stderr. Off by
// default; costs one getenv per use.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct PhaseTimer {
    static let enabled: Bool = getenv("KEIRETSU_STORAGE_TIMING") != nil
    let clock = ContinuousClock()
    var last: ContinuousClock.Instant
    let scope: String

    init(_ scope: String) {
        self.scope = scope
        last = clock.now
    }

    mutating func lap(_ phase: String) {
        guard Self.enabled else { return }
        let now = clock.now
        let d = last.duration(to: now)
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
        last = now
        let line = "timing: \(scope) \(phase) \(Int(ms.rounded())) ms\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
