// The `keiretsu-tck` command line: options, the run, the report and the exit status.
//
//   keiretsu-tck [--tck DIR] [--filter TEXT] [--verbose] [--causes N] [--lenient-phase]
//                [--timeout SECONDS] [--ratchet FILE] [--check-ratchet] [--update-ratchet]
//                [--jsonl-binary PATH]
//
// Exit status: 0 done (failing scenarios alone do not fail the run), 1 a ratchet-listed scenario
// no longer passes (with --check-ratchet), 2 bad usage or an unwritable ratchet file. When the
// TCK is absent the command says so and exits 0, so the package builds and tests anywhere.

import Foundation

public struct TCKOptions: Sendable, Equatable {
    public var tck: String?
    public var filter: String?
    public var verbose = false
    public var causes = 0
    public var strictPhase = true
    public var timeout = 10.0
    public var ratchet: String?
    public var checkRatchet = false
    public var updateRatchet = false
    public var jsonlBinary: String?
    public var help = false

    public init() {}

    public static let usage = """
        usage: keiretsu-tck [options]
          --tck DIR            the TCK folder (holding features/); default ../shared/tck beside the package
          --filter TEXT        run only scenarios whose id (path:name) contains TEXT
          --verbose            print query, expected and actual for each failing scenario
          --causes N           print the N most common failure causes and engine messages
          --lenient-phase      accept a right error raised in the other phase (compile time/runtime)
          --timeout SECONDS    per-query time limit (default 10)
          --ratchet FILE       the list of passing scenarios (default Tests/TCK/ratchet.txt)
          --check-ratchet      exit 1 when a listed scenario no longer passes
          --update-ratchet     rewrite the ratchet file with the current passes
          --jsonl-binary PATH  run queries through `PATH run --empty --format jsonl` instead of in-process
        """

    public static func parse(_ args: [String]) throws -> TCKOptions {
        var o = TCKOptions()
        var i = 0
        func value(_ flag: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(message: "\(flag) needs a value") }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--tck": o.tck = try value(a)
            case "--filter": o.filter = try value(a)
            case "--verbose", "-v": o.verbose = true
            case "--causes":
                let v = try value(a)
                guard let n = Int(v), n >= 0 else { throw UsageError(message: "--causes needs a count, got '\(v)'") }
                o.causes = n
            case "--lenient-phase": o.strictPhase = false
            case "--timeout":
                let v = try value(a)
                guard let t = Double(v), t > 0, t.isFinite else { throw UsageError(message: "--timeout needs seconds, got '\(v)'") }
                o.timeout = t
            case "--ratchet": o.ratchet = try value(a)
            case "--check-ratchet": o.checkRatchet = true
            case "--update-ratchet": o.updateRatchet = true
            case "--jsonl-binary": o.jsonlBinary = try value(a)
            case "--help", "-h": o.help = true
            default: throw UsageError(message: "unknown argument '\(a)'")
            }
            i += 1
        }
        return o
    }
}

public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum TCKCommand {
    /// Runs the command; returns the process exit status.
    public static func main(_ args: [String]) -> Int32 {
        let options: TCKOptions
        do {
            options = try TCKOptions.parse(args)
        } catch {
            FileHandle.standardError.write(Data("keiretsu-tck: \(error)\n\(TCKOptions.usage)\n".utf8))
            return 2
        }
        if options.help {
            print(TCKOptions.usage)
            return 0
        }
        // Deeply nested queries recurse deeply in a parser; a large stack keeps such a scenario
        // a failure of its own instead of a crash of the whole run.
        return runOnLargeStack { run(options) }
    }

    static func run(_ options: TCKOptions) -> Int32 {
        let cwd = FileManager.default.currentDirectoryPath
        let located = TCKLocator.locate(from: cwd)
        let tckRoot: String
        if let explicit = options.tck {
            guard TCKLocator.isTCK(explicit) else {
                print("keiretsu-tck: skipping: no features/ folder in \(explicit)")
                return 0
            }
            tckRoot = explicit
        } else if let found = located.tck {
            tckRoot = found
        } else {
            let where_ = located.packageRoot.map { "\($0)/../shared/tck" } ?? "../shared/tck beside the package (no Package.swift above \(cwd))"
            print("keiretsu-tck: skipping: the openCypher TCK is not at \(where_); pass --tck DIR to run it")
            return 0
        }
        let ratchetPath = options.ratchet
            ?? ((located.packageRoot ?? cwd) as NSString).appendingPathComponent("Tests/TCK/ratchet.txt")

        let suite = TCKSuite(root: tckRoot)
        let makeBackend: () -> any TCKBackend
        if let binary = options.jsonlBinary {
            makeBackend = { JSONLBackend(binary: binary, timeout: options.timeout) }
        } else {
            makeBackend = { InProcessBackend(timeout: options.timeout) }
        }
        let runner = ScenarioRunner(tckRoot: tckRoot, strictPhase: options.strictPhase, makeBackend: makeBackend,
                                    readGraph: suite.graphScript)
        let records = suite.run(filter: options.filter, runner: runner) { r in
            if options.verbose, r.outcome.status == .failed {
                print("FAIL \(r.id) (line \(r.line)): \(r.outcome.cause)")
                print(r.outcome.details)
            }
        }

        print(Report.folderTable(records), terminator: "")
        let phaseOnly = records.filter { $0.outcome.phaseOnlyMismatch }.count
        if phaseOnly > 0 {
            print("phase-only mismatches (right error, other phase): \(phaseOnly) — they pass with --lenient-phase")
        }
        if options.causes > 0 { print(Report.causes(records, limit: options.causes), terminator: "") }

        var status: Int32 = 0
        let selected: (String) -> Bool = { id in options.filter.map { id.contains($0) } ?? true }
        if options.checkRatchet || options.updateRatchet {
            let ratchet: Ratchet
            do {
                ratchet = try Ratchet.load(ratchetPath)
            } catch {
                print("keiretsu-tck: cannot read \(ratchetPath): \(error)")
                return 2
            }
            let fresh = ratchet.newPasses(records: records)
            if !fresh.isEmpty {
                print("new passes not in the ratchet: \(fresh.count)" + (options.updateRatchet ? "" : " (add them with --update-ratchet)"))
                if options.verbose || fresh.count <= 20 { for id in fresh { print("  + \(id)") } }
            }
            if options.checkRatchet {
                let lost = ratchet.regressions(records: records, selected: selected)
                if lost.isEmpty {
                    print("ratchet: all \(ratchet.ids.filter(selected).count) listed scenarios pass")
                } else {
                    print("ratchet: \(lost.count) listed scenarios no longer pass:")
                    for id in lost { print("  - \(id)") }
                    status = 1
                }
            }
            if options.updateRatchet {
                let next = ratchet.updated(records: records, selected: selected)
                do {
                    try next.save(ratchetPath)
                    print("ratchet: wrote \(next.ids.count) scenarios to \(ratchetPath)")
                } catch {
                    print("keiretsu-tck: cannot write \(ratchetPath): \(error)")
                    return 2
                }
            }
        }
        print(Report.closingLine(Report.totals(records)))
        return status
    }
}

/// Runs `body` on a thread with a 512 MiB stack and waits for it.
func runOnLargeStack(_ body: @escaping @Sendable () -> Int32) -> Int32 {
    final class Box: @unchecked Sendable {
        // @unchecked: written once by the worker before it signals, read after the wait.
        var value: Int32 = 0
    }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    done.wait()
    return box.value
}
