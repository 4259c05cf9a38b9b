// Finding and reading the files `keiretsu test PATH…` names, before anything runs.
//
// A PATH is a `.cyt` file, a folder (searched recursively for `*.cyt`, in sorted path order, as
// the seed loader walks folders), or `FILE:LINE` to run the one record holding that line. Every
// file is parsed up front, together with the files it includes, so that a file that does not
// parse is reported — and makes the run exit 2 — however late it would have run. Includes are
// resolved beside the including file; an include cycle is an error at the `include` line.

import Foundation
import KeiretsuCypher
import KeiretsuGraph

/// One file to run, or one record of it (by any line inside the record).
public struct TestTarget: Sendable, Equatable {
    public var path: String
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }
}

/// A problem found before running: a file that cannot be read or parsed, a bad `FILE:LINE`.
public struct LoadProblem: Sendable {
    public var path: String
    public var line: Int?
    public var column: Int?
    /// The full message, as printed on stderr (`file:line:col: error: …` and a caret when
    /// known).
    public var rendered: String
    /// The first line of `rendered` without its location, for annotations and JUnit.
    public var summary: String
}

/// The parsed files of a run, by path, with the problems found while reading them.
public struct SavedQueryLibrary {
    public private(set) var files: [String: SavedQueryFile] = [:]
    /// Plain Cypher scripts pulled in by `include`, by path.
    public private(set) var scripts: [String: String] = [:]
    public private(set) var problems: [LoadProblem] = []
    let evaluate: (String) -> Value?

    public init(evaluate: @escaping (String) -> Value?) {
        self.evaluate = evaluate
    }

    /// The targets `arguments` name; a missing path throws a usage error.
    public static func targets(_ arguments: [String]) throws -> [TestTarget] {
        var out: [TestTarget] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    out += try SeedFolderLoader.files(in: argument).filter { $0.fileExtension == "cyt" }.map { TestTarget(path: $0.path) }
                } else {
                    out.append(TestTarget(path: argument))
                }
                continue
            }
            if let colon = argument.lastIndex(of: ":"), let line = Int(argument[argument.index(after: colon)...]), line >= 1 {
                let path = String(argument[..<colon])
                if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    out.append(TestTarget(path: path, line: line))
                    continue
                }
            }
            throw CLIError.input(CypherError(.inputError, "NoSuchFile", "no such file or folder"), file: argument, line: nil)
        }
        return out
    }

    /// Reads and parses `path` and everything it includes. Problems are collected, not thrown.
    public mutating func load(_ path: String) {
        var stack: [String] = []
        load(path, stack: &stack)
    }

    /// Whether `path` was read and parsed.
    @discardableResult
    mutating func load(_ path: String, stack: inout [String]) -> Bool {
        if files[path] != nil { return true }
        if problems.contains(where: { $0.path == path && $0.line == nil }) { return false }
        let text: String
        do {
            text = try FileBytes.readText(path)
        } catch {
            record(error, path: path)
            return false
        }
        let file: SavedQueryFile
        do {
            file = try SavedQueryParser.parse(path: path, text: text, evaluate: evaluate)
        } catch let e as SavedQueryParseError {
            problems.append(Self.problem(e, path: path))
            return false
        } catch {
            record(error, path: path)
            return false
        }
        files[path] = file
        stack.append(path)
        defer { stack.removeLast() }
        for record in file.records {
            guard case .include(_, let resolved) = record.kind else { continue }
            if stack.contains(resolved) {
                problems.append(includeProblem(file, record, "IncludeCycle",
                                               "including \(resolved) here makes a cycle: \((stack + [resolved]).joined(separator: " → "))"))
                continue
            }
            guard FileManager.default.fileExists(atPath: resolved) else {
                problems.append(includeProblem(file, record, "IncludeNotFound", "no such file: \(resolved)"))
                continue
            }
            if resolved.hasSuffix(".cyt") {
                load(resolved, stack: &stack)
            } else if scripts[resolved] == nil {
                do {
                    scripts[resolved] = try FileBytes.readText(resolved)
                } catch {
                    self.record(error, path: resolved)
                }
            }
        }
        return true
    }

    /// Checks that `target.line` falls inside a statement or query record of its file.
    mutating func checkLine(of target: TestTarget) {
        guard let line = target.line, let file = files[target.path] else { return }
        guard let record = file.record(containing: line), record.isCheck else {
            let message = "line \(line) is not inside a statement or query record"
            problems.append(LoadProblem(path: target.path, line: line, column: nil,
                                        rendered: "\(target.path):\(line): error: InputError.NoRecordAtLine: \(message)",
                                        summary: "InputError.NoRecordAtLine: \(message)"))
            return
        }
    }

    mutating func record(_ error: Error, path: String) {
        let rendered = (ExitStatus.message(for: error)?.text) ?? "\(path): error: \(error)"
        let summary: String
        if case CLIError.input(let e, _, _) = error { summary = "\(e.qualifiedCode): \(e.message)" } else { summary = rendered }
        problems.append(LoadProblem(path: path, line: nil, column: nil, rendered: rendered, summary: summary))
    }

    static func problem(_ e: SavedQueryParseError, path: String) -> LoadProblem {
        let location = e.location
        return LoadProblem(path: path, line: location?.line, column: location?.column, rendered: e.rendered,
                           summary: "\(e.error.qualifiedCode): \(e.error.message)")
    }

    func includeProblem(_ file: SavedQueryFile, _ record: SavedRecord, _ code: String, _ message: String) -> LoadProblem {
        let t = file.line(record.line)
        let column = t.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let e = CypherError(.inputError, code, message, offset: file.offset(line: record.line, byteColumn: column),
                            length: max(1, t.utf8.count - column))
        return Self.problem(SavedQueryParseError(error: e, source: file.source), path: file.path)
    }
}
