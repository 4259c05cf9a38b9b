// PersistenceError: everything that can go wrong with a database file, as one error type.
//
// Each case has a stable `code` (what tests and the CLI's `DatabaseError.<Code>` messages use)
// and a `message` that names the file and, for damage, the byte offset where it was found. The
// CLI maps every case to exit status 2. Damage is never repaired silently: the only thing the
// store discards on its own is a torn tail of the log (an append cut short by a crash), which by
// construction holds no statement that was reported committed.

public enum PersistenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a keiretsu database (wrong magic bytes, or empty).
    case notADatabase(path: String, detail: String)
    /// Written by a newer (or unknown) version of the format.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The file ends before its last block.
    case truncated(path: String, detail: String)
    /// A checksum mismatch or an impossible structure at `offset`.
    case corrupted(path: String, offset: Int, detail: String)
    /// Another process holds the writer lock (after waiting `waited` seconds, when asked to).
    case locked(path: String, waited: Double)
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32, detail: String)
    /// Snapshot and log kept changing under a reader (concurrent checkpoints); try again.
    case busy(path: String)
    /// An earlier write failed halfway and the handle no longer matches the file.
    case unusable(path: String, detail: String)
    /// A value the format cannot hold, or a record larger than the log allows.
    case unsupported(path: String, detail: String)

    /// The detail code, as in `DatabaseError.Corrupted`.
    public var code: String {
        switch self {
        case .notADatabase: return "NotADatabase"
        case .unsupportedVersion: return "UnsupportedVersion"
        case .truncated: return "Truncated"
        case .corrupted: return "Corrupted"
        case .locked: return "Locked"
        case .io: return "IOError"
        case .busy: return "Busy"
        case .unusable: return "Unusable"
        case .unsupported: return "Unsupported"
        }
    }

    public var path: String {
        switch self {
        case .notADatabase(let p, _), .unsupportedVersion(let p, _, _), .truncated(let p, _),
             .corrupted(let p, _, _), .locked(let p, _), .io(let p, _, _, _), .busy(let p),
             .unusable(let p, _), .unsupported(let p, _):
            return p
        }
    }

    /// The message without the code, starting with the file name.
    public var message: String { "\(path): \(reason)" }

    /// The message without the file name and the code.
    public var reason: String {
        switch self {
        case .notADatabase(_, let detail):
            return "not a keiretsu database (\(detail))"
        case .unsupportedVersion(_, let found, let supported):
            return "format version \(found) is not supported (this build reads version \(supported))"
        case .truncated(_, let detail):
            return "the file is truncated (\(detail))"
        case .corrupted(_, let offset, let detail):
            return "damaged at byte \(offset): \(detail)"
        case .locked(_, let waited):
            let tail = waited > 0 ? " after waiting \(formatSeconds(waited)) s" : "; use --wait SECONDS to wait for it"
            return "another process is writing to this database\(tail)"
        case .io(_, let op, let errno, let detail):
            return "\(op) failed: \(detail) (errno \(errno))"
        case .busy:
            return "the database kept changing while it was being read; try again"
        case .unusable(_, let detail), .unsupported(_, let detail):
            return detail
        }
    }

    public var description: String { "DatabaseError.\(code): \(message)" }
}

func formatSeconds(_ s: Double) -> String {
    let tenths = (s * 10).rounded()
    guard tenths.isFinite, abs(tenths) < 1e15 else { return "\(s)" }
    let t = Int64(tenths)
    return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(abs(t % 10))"
}
