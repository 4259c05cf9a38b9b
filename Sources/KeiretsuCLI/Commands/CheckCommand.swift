// `keiretsu check --db FILE`
//
// Verifies a database file without changing it (GraphFile.check): every checksum, every record
// of the snapshot and the log, then the invariants of the loaded graph. A healthy file prints a
// summary on stdout and exits 0; damage or a broken invariant is reported on stderr as
// `FILE: error: DatabaseError.<Code>: …` with exit status 2. An interrupted append at the end of
// the log is not damage (it holds no committed statement) and is mentioned as a note.

import ArgumentParser
import KeiretsuCypher
import KeiretsuGraph

public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify a database file: checksums, records and graph invariants."
    )

    @Option(name: .long, help: ArgumentHelp("The database file to check.", valueName: "FILE"))
    public var db: String

    public init() {}

    public func run() throws {
        let report: GraphFile.CheckReport
        do {
            report = try GraphFile.check(db)
        } catch let e as PersistenceError {
            throw DatabaseSession.fileError(e)
        }
        for problem in report.problems {
            StandardError.line("\(db): error: DatabaseError.Inconsistent: \(problem)")
        }
        guard report.isClean else { throw ExitCode(ExitStatus.badInput) }
        var lines = [
            "\(db): ok",
            "  \(report.nodes) nodes, \(report.relationships) relationships, \(report.indexes) indexes and constraints",
            "  transaction \(report.transaction); snapshot \(report.snapshotBytes) bytes, log \(report.logBytes) bytes"
                + " (\(report.logTransactions) transactions since the snapshot)",
        ]
        if report.tornTailBytes > 0 {
            lines.append("  note: an interrupted write left \(report.tornTailBytes) bytes at the end of the log;"
                         + " they hold no committed statement and the next writer removes them")
        }
        print(lines.joined(separator: "\n"))
    }
}
