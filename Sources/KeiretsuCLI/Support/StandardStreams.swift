// Standard error and standard input for the commands.
//
// Diagnostics (errors, warnings, load reports) go to stderr line by line and unbuffered, so
// they interleave correctly with results that are flushed to stdout per statement.

import KeiretsuExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

public enum StandardError {
    /// Writes `text` and a line break to stderr at once.
    public static func line(_ text: String) {
        let sink = FileDescriptorSink(descriptor: 2)
        sink.write(text.hasSuffix("\n") ? text : text + "\n")
        sink.flush()
    }
}

enum StandardInput {
    /// All of standard input, as bytes.
    static func readAll() -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(0, base, raw.count)
            }
            if n > 0 {
                out.append(contentsOf: chunk[0..<n])
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return out
    }
}
