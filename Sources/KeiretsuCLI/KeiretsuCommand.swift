// The `keiretsu` command and the program's entry point.
//
// `KeiretsuCommand.main(arguments:)` parses the arguments, runs the chosen subcommand and maps
// whatever it throws — ArgumentParser's usage errors included — through `ExitStatus`, the one
// error-to-status function, instead of ArgumentParser's own `exit(withError:)` (which would
// exit 64 on usage errors where DESIGN.md wants 2).

import ArgumentParser

public struct KeiretsuCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "keiretsu",
        abstract: "A graph database of corporate alliances, queried with openCypher.",
        discussion: """
            Every command reads a graph from a source: --seeds DIR (a seed folder), --db FILE or \
            --empty; with none, ./seeds is loaded.
            Exit status: 0 ok, 1 a saved-query check failed, 2 bad query, bad input or bad usage.
            """,
        subcommands: [QueryCommand.self, RunCommand.self, SchemaCommand.self, TestCommand.self, ExportCommand.self,
                      IngestCommand.self, ImportCommand.self, CheckCommand.self, ReplCommand.self]
    )

    public init() {}

    /// Runs keiretsu with `arguments` (without the program name) and returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        do {
            let arguments = ReplCommand.startsByDefault(arguments) ? ["repl"] + arguments : arguments
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitStatus.ok
        } catch {
            if let (text, toStdout) = ExitStatus.message(for: error) {
                if toStdout {
                    print(text)
                } else {
                    StandardError.line(text)
                }
            }
            return ExitStatus.of(error)
        }
    }
}
