// SeedFolderLoader: loads a seed folder into a Database.
//
// It walks the folder recursively (skipping hidden entries, names starting with `.`), sorts the
// files by their path inside the folder (bytewise on UTF-8, so the order is the same on every
// machine), and hands each handler the files of its kind, handlers in stage order. See
// SeedFileHandler.swift for the order and the hook.

import Foundation
import KeiretsuCypher

public struct SeedFolderLoader {
    public private(set) var handlers: [SeedFileHandler]

    public init(handlers: [SeedFileHandler] = SeedFileHandler.standard) {
        self.handlers = []
        for h in handlers { register(h) }
    }

    /// Adds `handler`. It takes over any extension an earlier handler claimed; handlers stay in
    /// stage order (registration order within a stage).
    public mutating func register(_ handler: SeedFileHandler) {
        for i in handlers.indices { handlers[i].extensions.subtract(handler.extensions) }
        handlers.removeAll { $0.extensions.isEmpty }
        let position = handlers.firstIndex { $0.stage > handler.stage } ?? handlers.endIndex
        handlers.insert(handler, at: position)
    }

    /// Loads every recognised file of `folder` into `database`.
    @discardableResult
    public func load(folder: String, into database: Database, options: SeedLoadOptions = SeedLoadOptions(),
                     warn: @escaping (String) -> Void = StandardError.line) throws -> SeedLoadReport {
        let files = try Self.files(in: folder)
        let context = SeedLoadContext(database: database, folder: folder, options: options, warn: warn)
        var claimed = Set<String>()
        for handler in handlers {
            let mine = files.filter { handler.extensions.contains($0.fileExtension) }
            claimed.formUnion(handler.extensions)
            guard !mine.isEmpty else { continue }
            try handler.load(mine, context)
            context.report.filesLoaded += mine.count
        }
        context.report.filesIgnored = files.filter { !claimed.contains($0.fileExtension) }.map(\.path)
        if context.report.rowsSkipped > 0 {
            let n = context.report.rowsSkipped
            warn("warning: skipped \(n) bad CSV \(n == 1 ? "row" : "rows") (--skip-bad-rows)")
        }
        return context.report
    }

    /// The regular files under `folder`, recursively, sorted by relative path.
    public static func files(in folder: String) throws -> [SeedFile] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            let what = folder == SourceOptions.defaultSeedFolder
                ? "no seed folder \(folder) here; pass --seeds DIR or --empty"
                : "the seed folder does not exist or is not a folder"
            throw CLIError.input(CypherError(.inputError, "NoSuchFolder", what), file: folder, line: nil)
        }
        var out: [SeedFile] = []
        func walk(_ relative: String, depth: Int) throws {
            guard depth < 64 else { return }  // a symlink loop ends here
            let dir = relative.isEmpty ? folder : folder + "/" + relative
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: dir)
            } catch {
                throw CLIError.input(CypherError(.inputError, "FileUnreadable", "cannot list the folder"), file: dir, line: nil)
            }
            for name in names where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let full = folder + "/" + rel
                var sub: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &sub) else { continue }
                if sub.boolValue {
                    try walk(rel, depth: depth + 1)
                } else {
                    let ext = name.split(separator: ".", omittingEmptySubsequences: false).count > 1
                        ? String(name[name.index(after: name.lastIndex(of: ".") ?? name.startIndex)...]).lowercased() : ""
                    out.append(SeedFile(path: displayPath(folder, rel), relativePath: rel, fileExtension: ext))
                }
            }
        }
        try walk("", depth: 0)
        out.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return out
    }

    static func displayPath(_ folder: String, _ relative: String) -> String {
        var base = folder
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        if base == "." { return relative }
        return base == "/" ? "/" + relative : base + "/" + relative
    }
}
