// Where the REPL keeps its history between sessions, and the file's format.
//
// Location, first match wins:
//   --no-history                    no file
//   KEIRETSU_HISTORY=""             no file (set but empty disables it)
//   KEIRETSU_HISTORY=PATH           PATH
//   $XDG_STATE_HOME/keiretsu/history   (XDG Base Directory: only an absolute XDG_STATE_HOME
//                                      counts; relative ones are ignored)
//   $HOME/.local/state/keiretsu/history
//
// One entry per line, so that a whole multi-line statement stays one entry: a line break
// inside an entry is written `\n`, a carriage return `\r` and a backslash `\\`. Each submitted
// entry is appended with one write(2) to a file opened O_APPEND, so two sessions running at
// once interleave whole entries and lose none. When the file grows past twice the in-memory
// limit it is rewritten (to a temporary file, then renamed over) with the newest entries.
// The folder is created 0700 and the file 0600: queries may hold names users consider private.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

struct HistoryFile {
    let path: String

    /// The history file for this environment, or nil when history is disabled or there is
    /// nowhere to put it.
    static func location(environment: [String: String], disabled: Bool) -> String? {
        if disabled { return nil }
        if let explicit = environment["KEIRETSU_HISTORY"] {
            return explicit.isEmpty ? nil : explicit
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "keiretsu/history")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".local/state/keiretsu/history")
        }
        return nil
    }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }

    // MARK: - Format

    static func encode(_ entry: String) -> String {
        var out = ""
        for s in entry.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func decode(_ line: Substring) -> String {
        guard line.contains("\\") else { return String(line) }
        var out = ""
        var escaped = false
        for s in line.unicodeScalars {
            if escaped {
                switch s {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(s)
                }
                escaped = false
            } else if s == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(s)
            }
        }
        if escaped { out += "\\" }
        return out
    }

    // MARK: - Reading and writing

    /// The entries in the file, oldest first (none when it does not exist or cannot be read).
    /// Compacts the file when it has grown past twice `limit`.
    func load(limit: Int = EditorHistory.defaultLimit) -> [String] {
        guard let bytes = try? FileBytes.read(path) else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var entries = text.split(separator: "\n", omittingEmptySubsequences: true).map(Self.decode)
        if entries.count > 2 * max(limit, 1) {
            entries.removeFirst(entries.count - limit)
            rewrite(entries)
        } else if entries.count > limit {
            entries.removeFirst(entries.count - limit)
        }
        return entries
    }

    /// Appends one entry; returns false when the file could not be written.
    @discardableResult
    func append(_ entry: String) -> Bool {
        guard makeParentFolder() else { return false }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return POSIXIO.writeAll(fd, Array((Self.encode(entry) + "\n").utf8))
    }

    /// Replaces the file's contents with `entries`.
    @discardableResult
    func rewrite(_ entries: [String]) -> Bool {
        guard makeParentFolder() else { return false }
        let temporary = path + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        let text = entries.map { Self.encode($0) + "\n" }.joined()
        let written = POSIXIO.writeAll(fd, Array(text.utf8))
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Creates the folders above the file (0700) that do not exist yet.
    private func makeParentFolder() -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if folder.isEmpty { return true }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
