// The errors a command reports, and the one place that turns any error into text on stderr
// and a process exit status.
//
// Exit statuses (DESIGN.md, "Command-line contract"):
//   0  ok
//   1  a saved-query check failed
//   2  a bad query, bad input or bad usage — including every usage error ArgumentParser finds,
//      which it would otherwise report with EX_USAGE (64)
//
// Query and script errors are rendered by `SourceText.render` (`file:line:col: error:
// Kind.Code: message`, the line, a caret); errors in input files that are not Cypher (a CSV row)
// are located by file and physical line only (`file:line: error: InputError.BadRow: …`).

import ArgumentParser
import KeiretsuCypher
import KeiretsuIngest

public enum CLIError: Error {
    /// An error in Cypher text, with the text it points into (a script path, `<query>`,
    /// `<stdin>`).
    case query(CypherError, SourceText)
    /// An error in an input file that is not Cypher, located by physical line when known.
    case input(CypherError, file: String, line: Int?)
    /// Bad usage that ArgumentParser cannot check by itself.
    case usage(String)
    /// Saved-query checks failed; their report has already been printed.
    case checksFailed(count: Int)
    /// Article ingest refused its input (under --strict, every warning; or a store failure).
    case ingest(IngestError)
}

extension CLIError {
    /// The text printed on stderr for this error (without a final newline).
    public var rendered: String {
        switch self {
        case .query(let error, let source):
            return source.render(error)
        case .input(let error, let file, let line):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): error: \(error.qualifiedCode): \(error.message)"
        case .usage(let message):
            return "error: \(message)"
        case .checksFailed(let count):
            return "error: \(count) saved-query \(count == 1 ? "check" : "checks") failed"
        case .ingest(let error):
            switch error {
            case .warnings(let warnings):
                return warnings.map(\.description).joined(separator: "\n")
                    + "\nerror: InputError.StrictIngest: \(warnings.count) article \(warnings.count == 1 ? "warning" : "warnings") under --strict; nothing was loaded"
            case .store(let message):
                return "error: DatabaseError.IngestFailed: \(message)"
            }
        }
    }
}

public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let checkFailed: Int32 = 1
    public static let badInput: Int32 = 2

    /// The exit status for `error` — the only mapping from errors to statuses in the program.
    public static func of(_ error: Error) -> Int32 {
        switch error {
        case CLIError.checksFailed: return checkFailed
        case is CLIError: return badInput
        case let e as CypherError: return e.exitStatus
        case let e as ExitCode: return e.rawValue == 0 || e.rawValue == 1 ? e.rawValue : badInput
        default:
            // ArgumentParser's own errors: help and version requests exit cleanly, every
            // parse or validation failure is bad usage.
            return KeiretsuCommand.exitCode(for: error).isSuccess ? ok : badInput
        }
    }

    /// The text for `error` and whether it belongs on stdout (help, version) rather than
    /// stderr. Nil when there is nothing to print.
    public static func message(for error: Error) -> (text: String, toStdout: Bool)? {
        switch error {
        case let e as CLIError:
            if case .checksFailed = e { return nil }
            return (e.rendered, false)
        case let e as CypherError:
            return ("error: \(e.qualifiedCode): \(e.message)", false)
        case is ExitCode:
            return nil
        default:
            let text = KeiretsuCommand.fullMessage(for: error)
            guard !text.isEmpty else { return nil }
            return (text, KeiretsuCommand.exitCode(for: error).isSuccess)
        }
    }
}
