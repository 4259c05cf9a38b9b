// GraphvizRunner: DOT in, SVG or PNG out, through Graphviz's `dot` program.
//
// The layout engine is picked by size unless the caller names one, from what was measured on
// dense graphs (DESIGN.md "Exports"): the `dot` layout with edge labels takes ~11 s at 100 nodes
// and does not finish at 200, while `sfdp` lays out 1,000 nodes in ~1.6 s and 3,000 in ~17 s.
//
//   up to 60 nodes          dot, edge labels on
//   61 … 300 nodes          sfdp, edge labels on
//   more than 300 nodes     sfdp, edge labels off (they only add clutter and time)
//
// The choice comes back as a note for the CLI to print on stderr. `dot` runs as a child process
// on a temporary DOT file with its output and diagnostics in temporary files (no pipe can fill
// up and stall it); a run that fails, or prints anything on stderr, is reported.

import Foundation
import KeiretsuCypher

public enum GraphvizLayout: String, CaseIterable, Sendable {
    case dot, neato, sfdp, fdp, circo, twopi
}

public enum GraphvizFormat: String, CaseIterable, Sendable {
    case svg, png
}

/// The layout engine and edge-label decision for a drawing.
public struct GraphvizPlan: Sendable, Equatable {
    public var layout: GraphvizLayout
    public var edgeLabels: Bool
    /// What was chosen and why, for stderr: `layout: sfdp without edge labels (1,204 nodes, …)`.
    public var note: String
}

public enum GraphvizRunner {
    public static let dotLayoutNodeLimit = 60
    public static let edgeLabelNodeLimit = 300

    /// Picks the engine and whether to draw edge labels; explicit choices win.
    public static func plan(nodes: Int, relationships: Int, layout requested: GraphvizLayout?,
                            edgeLabels requestedLabels: Bool?) -> GraphvizPlan {
        let layout = requested ?? (nodes <= dotLayoutNodeLimit ? .dot : .sfdp)
        let labels = requestedLabels ?? (nodes <= edgeLabelNodeLimit && (layout != .dot || nodes <= dotLayoutNodeLimit))
        let how = requested == nil ? "chosen by size" : "as requested"
        let note = "layout: \(layout.rawValue) \(labels ? "with" : "without") edge labels "
            + "(\(nodes) nodes, \(relationships) relationships; \(how))"
        return GraphvizPlan(layout: layout, edgeLabels: labels, note: note)
    }

    /// The path of the `dot` program on PATH, or nil.
    public static func findDot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders the DOT file at `dotPath` and streams the result into `sink`. Returns Graphviz's
    /// warnings (normally none). Throws `ArgumentError.GraphvizNotFound` when `dot` is not on
    /// PATH, `InputError.GraphvizFailed` when it fails, `Timeout.GraphvizTimeout` past `timeout`
    /// seconds.
    @discardableResult
    public static func render(dotPath: String, format: GraphvizFormat, layout: GraphvizLayout,
                              to sink: any ByteSink, timeout: Double? = nil) throws -> [String] {
        guard let dot = findDot() else {
            throw CypherError(.argumentError, "GraphvizNotFound",
                              "--format \(format.rawValue) needs Graphviz's `dot` program, which is not on PATH "
                                  + "(install graphviz, or export --format dot and render it elsewhere)",
                              phase: .runtime)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-graphviz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outPath = dir.appendingPathComponent("out.\(format.rawValue)").path
        let errPath = dir.appendingPathComponent("stderr.txt").path
        guard FileManager.default.createFile(atPath: errPath, contents: nil),
            let errHandle = FileHandle(forWritingAtPath: errPath)
        else {
            throw CypherError(.databaseError, "WriteFailed", "cannot create a temporary file in \(dir.path)", phase: .runtime)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format.rawValue)", "-K\(layout.rawValue)", "-o", outPath, dotPath]
        process.standardError = errHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CypherError(.inputError, "GraphvizFailed", "cannot run \(dot): \(error)", phase: .runtime)
        }
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() >= deadline {
                    process.terminate()
                    timedOut = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        process.waitUntilExit()
        try? errHandle.close()
        let stderrText = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let diagnostics = stderrText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        if timedOut {
            throw CypherError(.timeout, "GraphvizTimeout",
                              "Graphviz (\(layout.rawValue) layout) did not finish within \(timeout ?? 0) s; try --layout sfdp or a smaller subgraph",
                              phase: .runtime)
        }
        guard process.terminationStatus == 0 else {
            let reason = diagnostics.first ?? "exit status \(process.terminationStatus)"
            throw CypherError(.inputError, "GraphvizFailed", "Graphviz failed: \(reason)", phase: .runtime)
        }
        try stream(file: outPath, to: sink)
        return diagnostics
    }

    /// Renders DOT text (written to a temporary file first).
    @discardableResult
    public static func render(dotText: String, format: GraphvizFormat, layout: GraphvizLayout,
                              to sink: any ByteSink, timeout: Double? = nil) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-\(UUID().uuidString).dot").path
        guard FileManager.default.createFile(atPath: path, contents: Data(dotText.utf8)) else {
            throw CypherError(.databaseError, "WriteFailed", "cannot write a temporary file \(path)", phase: .runtime)
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try render(dotPath: path, format: format, layout: layout, to: sink, timeout: timeout)
    }

    /// Copies a file into the sink in 1 MB pieces.
    static func stream(file path: String, to sink: any ByteSink) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CypherError(.inputError, "GraphvizFailed", "Graphviz produced no output", phase: .runtime)
        }
        defer { try? handle.close() }
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { try sink.write($0) }
        }
    }
}
