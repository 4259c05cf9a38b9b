// Reading whole files as bytes, with one read(2) per file where the system allows.
//
// Loaders parse bytes directly (the CSV importer never builds a String per line), so files come
// in as `[UInt8]` of exactly their size. Failures become `InputError.FileUnreadable` naming the
// file and the system's reason.

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(path) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var done = 0
        let ok = bytes.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            while done < raw.count {
                let n = systemRead(fd, base + done, raw.count - done)
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return n == 0
                }
            }
            return true
        }
        guard ok else { throw unreadable(path) }
        if done < bytes.count { bytes.removeLast(bytes.count - done) }
        return bytes
    }

    /// The first `limit` bytes of a file (or the whole file when shorter).
    static func readPrefix(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(path) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var done = 0
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while done < raw.count {
                let n = systemRead(fd, base + done, raw.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
        bytes.removeLast(bytes.count - done)
        return bytes
    }

    /// Reads `path` as UTF-8 text; invalid UTF-8 is an input error rather than silently
    /// replaced, since a Cypher script with a damaged name would load the wrong entity.
    static func readText(_ path: String) throws -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError.input(
                CypherError(.inputError, "BadEncoding", "the file is not valid UTF-8"), file: path, line: nil)
        }
        return text
    }

    static func unreadable(_ path: String) -> CLIError {
        let reason = String(cString: strerror(errno))
        return .input(CypherError(.inputError, "FileUnreadable", "cannot read the file: \(reason)"), file: path, line: nil)
    }
}

private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, p, n)
    #elseif canImport(Glibc)
    return Glibc.read(fd, p, n)
    #else
    return Musl.read(fd, p, n)
    #endif
}
