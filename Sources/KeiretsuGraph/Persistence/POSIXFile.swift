// POSIXFile: the few system calls the durable layer needs, each turning a failure into a
// PersistenceError.io with the file name, the operation and errno's text.
//
// Why not FileHandle: durability needs exact control — `pwrite` at a known offset (so a failed
// append can be cut back with `ftruncate`), `fdatasync` after every log append, `fsync` of the
// folder after a rename (POSIX only makes a rename durable once the directory entry is synced),
// `flock` for the writer lock. Interrupted calls (EINTR) are retried; short writes continue.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

final class POSIXFile {
    let path: String
    private(set) var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit {
        if fd >= 0 { _ = systemClose(fd) }
    }

    static func errorText(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s)
    }

    static func ioError(_ path: String, _ operation: String, _ code: Int32 = errno) -> PersistenceError {
        .io(path: path, operation: operation, errno: code, detail: errorText(code))
    }

    /// Opens `path` for reading only; nil when it does not exist.
    static func openForReading(_ path: String) throws -> POSIXFile? {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { return POSIXFile(path: path, fd: fd) }
            if errno == EINTR { continue }
            if errno == ENOENT { return nil }
            throw ioError(path, "open")
        }
    }

    /// Opens (creating when `create`) `path` for reading and writing; nil when it does not
    /// exist and `create` is false.
    static func openForWriting(_ path: String, create: Bool, exclusive: Bool = false) throws -> POSIXFile? {
        var flags = O_RDWR | O_CLOEXEC
        if create { flags |= O_CREAT }
        if exclusive { flags |= O_EXCL }
        while true {
            let fd = open(path, flags, 0o644)
            if fd >= 0 { return POSIXFile(path: path, fd: fd) }
            if errno == EINTR { continue }
            if errno == ENOENT && !create { return nil }
            throw ioError(path, "open")
        }
    }

    func close() throws {
        guard fd >= 0 else { return }
        let r = systemClose(fd)
        fd = -1
        if r != 0 && errno != EINTR { throw Self.ioError(path, "close") }
    }

    func size() throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Self.ioError(path, "fstat") }
        return Int(st.st_size)
    }

    /// Device and inode: which file this descriptor holds, to notice a rename over the path.
    func identity() throws -> FileIdentity {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Self.ioError(path, "fstat") }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Reads exactly `buffer.count` bytes at `offset`; returns how many were available (fewer
    /// only at the end of the file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.ioError(path, "read")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The bytes from `offset` to the end of the file.
    func readToEnd(from offset: Int = 0) throws -> [UInt8] {
        let total = try size()
        guard total > offset else { return [] }
        var bytes = [UInt8](repeating: 0, count: total - offset)
        let got = try bytes.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        if got < bytes.count { bytes.removeLast(bytes.count - got) }
        return bytes
    }

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.ioError(path, "write")
            }
            done += n
        }
    }

    func write(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try write($0, at: offset) }
    }

    /// Makes the file's data (and its size) durable.
    func sync() throws {
        while true {
            #if canImport(Darwin)
            // On macOS fsync only reaches the drive's cache; F_FULLFSYNC reaches the platter.
            let r = fcntl(fd, F_FULLFSYNC)
            #else
            let r = fdatasync(fd)
            #endif
            if r == 0 { return }
            if errno == EINTR { continue }
            throw Self.ioError(path, "fsync")
        }
    }

    func truncate(to length: Int) throws {
        while ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw Self.ioError(path, "ftruncate")
        }
    }

    /// Tries to take an exclusive flock; false when another open file description holds it.
    func tryLockExclusive() throws -> Bool {
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw Self.ioError(path, "flock")
        }
    }

    func unlock() {
        _ = flock(fd, LOCK_UN)
    }

    // MARK: Paths

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Identity and size of the file at `path`; nil when there is none.
    static func status(of path: String) -> (identity: FileIdentity, size: Int)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)), Int(st.st_size))
    }

    static func rename(_ from: String, _ to: String) throws {
        guard systemRename(from, to) == 0 else { throw ioError(to, "rename") }
    }

    static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// fsync of the folder holding `path`, so that a rename or a creation in it is durable.
    static func syncDirectory(of path: String) throws {
        let dir = directoryName(of: path)
        let fd = open(dir, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(dir, "open folder") }
        defer { _ = systemClose(fd) }
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            // Some file systems refuse fsync on a folder; nothing more can be done there.
            if errno == EINVAL || errno == EBADF { return }
            throw ioError(dir, "fsync folder")
        }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }
}

struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
}

// The C functions under names that do not clash with the methods above.
@inline(__always) private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func systemRename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
