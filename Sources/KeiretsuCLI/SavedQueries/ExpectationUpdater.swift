// `keiretsu test --update`: rewriting the expectations of failing records in place.
//
// Only the lines that hold an expectation change — a query's header and rows (or a new `----`
// block after a query that had none), a `statement ok` line's counters, an error directive's
// kind, code and position. Comments, blank lines, the Cypher text, the file's line breaks and
// every passing record stay byte for byte as they were. The new text is written to a temporary
// file beside the old one and renamed over it (rename(2) is atomic within a file system), so a
// crash or a full disk leaves either the old file or the new one, never half of each; the
// file's permission bits are kept. Without `--update` the runner never writes a `.cyt` file.

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

enum ExpectationUpdater {
    /// `text` with `edits` applied (line numbers refer to `text`; edits must not overlap).
    static func apply(_ edits: [LineEdit], to text: String, lineBreak: String) -> String {
        // Split on the byte: in Swift "\r\n" is one Character, which "\n" does not match.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> String in
            var l = String(decoding: line, as: UTF8.self)
            if l.hasSuffix("\r") { l.removeLast() }
            return l
        }
        let endsWithBreak = text.utf8.last == UInt8(ascii: "\n")
        if endsWithBreak { lines.removeLast() }
        // The same record may be rewritten twice (an included file run from two files): keep
        // the last rewrite of each range.
        var unique: [LineEdit] = []
        for edit in edits {
            unique.removeAll { $0.first == edit.first && $0.last == edit.last }
            unique.append(edit)
        }
        for edit in unique.sorted(by: { $0.first > $1.first }) {
            let first = max(1, min(edit.first, lines.count + 1))
            let last = max(first - 1, min(edit.last, lines.count))
            lines.replaceSubrange((first - 1)..<last, with: edit.lines)
        }
        return lines.joined(separator: lineBreak) + (endsWithBreak || lines.isEmpty ? lineBreak : "")
    }

    /// Writes `text` to `path` through a temporary file and a rename.
    static func writeAtomically(_ text: String, to path: String) throws {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory).\(name).keiretsu-update-\(getpid())"
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else { throw failure(path, "cannot create \(temporary)") }
        var ok = true
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count, let base = raw.baseAddress {
                let n = write(fd, base + done, raw.count - done)
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    ok = false
                    return
                }
            }
        }
        _ = fchmod(fd, mode)
        if fsync(fd) != 0 { ok = false }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure(path, "cannot write the updated file")
        }
    }

    static func failure(_ path: String, _ message: String) -> CLIError {
        let reason = String(cString: strerror(errno))
        return .input(CypherError(.databaseError, "WriteFailed", "\(message): \(reason)"), file: path, line: nil)
    }
}

extension SavedQueryRunner {
    /// Rewrites every file with pending edits, in path order.
    func applyUpdates() {
        for path in edits.keys.sorted(by: bytewiseLess) {
            guard let file = library.files[path], let fileEdits = edits[path], !fileEdits.isEmpty else { continue }
            let text = ExpectationUpdater.apply(fileEdits, to: file.source.text, lineBreak: file.lineBreak)
            do {
                try ExpectationUpdater.writeAtomically(text, to: path)
                report.updatedFiles.append(path)
                let n = fileEdits.count
                out.write("updated \(path) (\(n) \(n == 1 ? "expectation" : "expectations"))\n")
            } catch {
                let message = ExitStatus.message(for: error)?.text ?? "\(path): cannot write the updated file"
                out.write(message + "\n")
                report.problems.append(LoadProblem(path: path, line: nil, column: nil, rendered: message, summary: message))
            }
        }
    }
}
