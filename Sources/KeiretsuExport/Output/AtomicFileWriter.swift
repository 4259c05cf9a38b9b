// AtomicFileWriter: `-o FILE` without ever leaving a half-written file behind.
//
// The export goes to a temporary file created next to the target (same directory, so the same
// file system and `rename(2)` is atomic). `commit()` flushes it to disk (`fsync`), renames it
// over the target and then syncs the directory so that the rename itself survives a crash. Until
// `commit()` succeeds the target is untouched: an error, a `cancel()` or simply dropping the
// writer removes the temporary file. A new file gets the permissions the process would give any
// file it creates (0666 minus the umask); replacing a file keeps that file's mode.

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class AtomicFileWriter: ByteSink {
    public let path: String
    public private(set) var temporaryPath: String
    private var fd: Int32
    private var finished = false

    /// Creates the temporary file next to `path`.
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let prefix = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else {
            throw CypherError(.databaseError, "WriteFailed", "cannot write \(path): not a file name", phase: .runtime)
        }
        // O_CREAT|O_EXCL with mode 0666 lets the kernel apply the umask, as for any new file;
        // a random name retried on collision plays the part of mkstemp.
        var generator = SystemRandomNumberGenerator()
        var opened: (Int32, String)? = nil
        for _ in 0..<100 {
            let suffix = String(generator.next() & 0xFFFF_FFFF, radix: 36)
            let candidate = prefix + ".\(base).tmp-\(suffix)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                opened = (fd, candidate)
                break
            }
            if errno != EEXIST { break }
        }
        guard let (fd, temporary) = opened else { throw ioError("cannot create a temporary file for \(path)") }
        self.fd = fd
        self.temporaryPath = temporary
        // Replacing a file keeps its permissions.
        var st = stat()
        if stat(path, &st) == 0 { _ = fchmod(fd, st.st_mode & 0o7777) }
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else {
            throw CypherError(.databaseError, "WriteFailed", "cannot write \(path): already closed", phase: .runtime)
        }
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = posixWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                let error = ioError("cannot write \(path)")
                discard()
                throw error
            }
            p += n
            left -= n
        }
    }

    /// Makes the written bytes the content of `path`: fsync, rename, fsync of the directory.
    public func commit() throws {
        guard !finished else { return }
        if fsync(fd) != 0 {
            let error = ioError("cannot flush \(path)")
            discard()
            throw error
        }
        if close(fd) != 0 {
            let error = ioError("cannot close \(path)")
            fd = -1
            discard()
            throw error
        }
        fd = -1
        if rename(temporaryPath, path) != 0 {
            let error = ioError("cannot replace \(path)")
            discard()
            throw error
        }
        finished = true
        // The rename is durable only once the directory entry is on disk. A directory that
        // cannot be opened or synced (some network file systems) does not undo the export.
        let dfd = open(AtomicFileWriter.directory(of: path), O_RDONLY)
        if dfd >= 0 {
            _ = fsync(dfd)
            _ = close(dfd)
        }
    }

    /// Abandons the export: the temporary file is removed and the target left as it was.
    public func cancel() {
        guard !finished else { return }
        discard()
    }

    private func discard() {
        if fd >= 0 {
            _ = close(fd)
            fd = -1
        }
        _ = unlink(temporaryPath)
        finished = true
    }

    /// The directory holding `path`: "." for a bare name, "/" for a file in the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
