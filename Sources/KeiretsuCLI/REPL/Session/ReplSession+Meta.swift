// Running the meta commands of MetaCommand's catalogue.
//
// Each returns false when it failed (an unknown command, a bad argument, an error in a
// :param expression or a :source file), so that a piped session can stop with status 2 at the
// first failure just as it does for a failed statement.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

extension ReplSession {
    /// Runs the meta command on `line` (which starts with `:`).
    @discardableResult
    func runMeta(_ line: String, origin: InputOrigin = .prompt, depth: Int = 0) -> Bool {
        guard let (name, argument) = MetaCommand.parse(line) else { return false }
        guard let command = MetaCommand.named(name) else {
            var text = "\(palette.errorLabel("error:")) unknown command :\(name)"
            if let s = MetaCommand.suggestion(for: name) { text += "; did you mean :\(s)?" }
            message(text + " (:help lists the commands)")
            return false
        }
        switch command.name {
        case "help": return help(argument)
        case "quit":
            quitRequested = true
            return true
        case "schema":
            schema()
            return true
        case "param": return param(argument, line: line, origin: origin)
        case "params":
            listParameters()
            return true
        case "format": return format(argument)
        case "timing": return timing(argument)
        case "source": return source(argument, depth: depth)
        case "maxrows":
            return setLimit(argument, name: "maxrows", minimum: 0) { settings.maxRows = $0 } current: { settings.maxRows }
        case "maxwidth":
            return setLimit(argument, name: "maxwidth", minimum: 0) { settings.maxWidth = $0 } current: { settings.maxWidth }
        case "export": return export(argument, line: line, origin: origin)
        case "history": return showHistory(argument)
        case "begin", "commit", "rollback": return transaction(command.name)
        default: return false
        }
    }

    /// :begin, :commit and :rollback, through the database file when there is one.
    private func transaction(_ name: String) -> Bool {
        let graph = database.graph
        do {
            switch name {
            case "begin":
                guard !graph.inTransaction else { return usageError("a transaction is already open (:commit or :rollback it)") }
                if let storage { try storage.beginTransaction() } else { graph.beginTransaction() }
                message("transaction open")
            case "commit":
                guard graph.inTransaction else { return usageError("no transaction is open (:begin starts one)") }
                if let storage { try storage.commitTransaction() } else { graph.commitTransaction() }
                message("transaction committed")
            default:
                guard graph.inTransaction else { return usageError("no transaction is open (:begin starts one)") }
                if let storage { storage.rollbackTransaction() } else { graph.rollbackTransaction() }
                message("transaction rolled back")
            }
            return true
        } catch let error as CypherError {
            return usageError("\(error.qualifiedCode): \(error.message)")
        } catch {
            return usageError("\(error)")
        }
    }

    func usageError(_ text: String) -> Bool {
        message("\(palette.errorLabel("error:")) \(text)")
        return false
    }

    // MARK: - :help

    private func help(_ argument: String) -> Bool {
        let topic = argument.hasPrefix(":") ? String(argument.dropFirst()) : argument
        if topic.isEmpty {
            var text = palette.bold("Commands") + " (one line, no `;`):\n"
            let width = MetaCommand.all.map { $0.usage.count }.max() ?? 0
            for c in MetaCommand.all {
                text += "  " + c.usage + String(repeating: " ", count: max(1, width - c.usage.count + 2)) + c.summary + "\n"
            }
            text += "\nStatements end with `;` and may span lines; Enter runs them once complete.\n"
            text += "Tab completes keywords, functions, labels (after `:`), relationship types (after `[:`),\n"
            text += "property keys (after `n.`) and parameters (after `$`). `:help keys` lists the editing keys."
            write(text)
            return true
        }
        if topic.lowercased() == "keys" {
            write(Self.keysHelp)
            return true
        }
        guard let command = MetaCommand.named(topic) else {
            var text = "unknown command :\(topic)"
            if let s = MetaCommand.suggestion(for: topic) { text += "; did you mean :\(s)?" }
            return usageError(text)
        }
        var text = palette.bold(command.usage) + "\n  " + command.summary + "\n  " + command.details
        if !command.aliases.isEmpty { text += "\n  Also: " + command.aliases.map { ":" + $0 }.joined(separator: ", ") }
        write(text)
        return true
    }

    static let keysHelp = """
        Editing keys (emacs style):
          Left/Right, Ctrl-B/F       move by character       Alt-B/F, Ctrl-Left/Right  move by word
          Home/End, Ctrl-A/E         line start/end (again: whole buffer)
          Up/Down                    previous/next line, then history
          Ctrl-P/N, PgUp/PgDn        previous/next history entry
          Ctrl-R, Ctrl-S             search history backward/forward (Ctrl-G cancels)
          Backspace, Delete, Ctrl-D  delete a character       Ctrl-D on an empty line  exit
          Ctrl-K, Ctrl-U             kill to line end/start   Ctrl-W, Alt-Backspace    kill previous word
          Alt-D                      kill next word           Ctrl-Y                   paste what was killed
          Ctrl-T                     swap characters          Ctrl-L                   clear the screen
          Tab                        complete                 Alt-Enter                new line
          Enter                      run a complete statement (ends with `;`) or a :command
          Ctrl-C                     cancel a running query; at the prompt, clear the line
        """

    // MARK: - :schema

    private func schema() {
        let parts = GraphSchema(graph: database.graph).parts
        if settings.format == .table {
            let table = ReplTable(maxRows: 0, maxCellWidth: settings.maxWidth == 0 ? 1 << 20 : settings.maxWidth,
                                  terminalWidth: outputWidth, palette: palette)
            var text = ""
            for (i, part) in parts.enumerated() {
                if i > 0 { text += "\n" }
                text += palette.bold(part.title) + "\n" + table.render(part.result, elapsed: nil)
            }
            write(text)
        } else {
            let renderer = settings.format.makeRenderer(sink: out)
            renderer.begin()
            for part in parts { renderer.write(part.result, title: part.title) }
            renderer.end()
        }
    }

    // MARK: - :param, :params

    private func param(_ argument: String, line: String, origin: InputOrigin) -> Bool {
        if argument.isEmpty {
            listParameters()
            return true
        }
        if argument.lowercased() == "clear" {
            parameters = [:]
            message(palette.dim("parameters cleared"))
            return true
        }
        guard let arrow = argument.firstRange(of: "=>") else {
            let name = Self.parameterName(argument)
            guard let name, let value = parameters[name] else {
                return usageError("no parameter \(argument); set one with :param name => expression")
            }
            write("\(name) => \(value.literal())")
            return true
        }
        guard let name = Self.parameterName(String(argument[..<arrow.lowerBound]).trimmed(of: " \t")) else {
            return usageError("expected :param name => expression, with a name such as year or `start date`")
        }
        let expression = String(argument[arrow.upperBound...]).trimmed(of: " \t")
        guard !expression.isEmpty else { return usageError("expected an expression after =>") }
        let prefix = "RETURN "
        let query = prefix + expression + " AS value"
        token.reset()
        do {
            let result = try database.execute(query, parameters: parameters,
                                              options: ExecutionOptions(timeout: timeout, cancellation: token))
            guard let value = result.rows.first?.first else { return usageError("the expression gave no value") }
            parameters[name] = value
            message(palette.dim("\(CypherVocabulary.quotedName(name)) => \(value.literal())"))
            return true
        } catch var error as CypherError {
            // Point into the command line as typed: the expression sits where it was written.
            if let offset = error.offset, let start = line.firstRange(of: expression)?.lowerBound {
                let exprStart = line.utf8.distance(from: line.utf8.startIndex, to: start)
                error.offset = exprStart + min(max(offset - prefix.utf8.count, 0), expression.utf8.count)
            }
            message(ReplErrorDisplay(palette: errorPalette).render(error, in: line, name: origin.name,
                                                                   firstLine: origin.firstLine))
            return false
        } catch {
            return usageError("\(error)")
        }
    }

    /// `year`, `$year` or `` `start date` `` → the parameter's name.
    static func parameterName(_ text: String) -> String? {
        var t = text
        if t.hasPrefix("$") { t.removeFirst() }
        if t.count >= 2, t.hasPrefix("`"), t.hasSuffix("`") {
            let inner = String(t.dropFirst().dropLast())
            return inner.isEmpty ? nil : inner.replacing("``", with: "`")
        }
        return CypherVocabulary.isPlainName(t) || (t.first?.isNumber == true && t.allSatisfy(\.isNumber)) ? t : nil
    }

    private func listParameters() {
        if parameters.isEmpty {
            message(palette.dim("(no parameters; set one with :param name => expression)"))
            return
        }
        let lines = parameters.keys.sorted().map { name -> String in
            "\(CypherVocabulary.quotedName(name)) => \(parameters[name]?.literal() ?? "null")"
        }
        write(lines.joined(separator: "\n"))
    }

    // MARK: - Settings

    private func format(_ argument: String) -> Bool {
        if argument.isEmpty {
            write("format: \(settings.format.rawValue)")
            return true
        }
        guard let format = ResultFormat(rawValue: argument.lowercased()) else {
            return usageError("unknown format \(argument); choose one of "
                              + ResultFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        settings.format = format
        return true
    }

    private func timing(_ argument: String) -> Bool {
        switch argument.lowercased() {
        case "": write("timing: \(settings.timing ? "on" : "off")")
        case "on": settings.timing = true
        case "off": settings.timing = false
        default: return usageError("expected :timing on or :timing off")
        }
        return true
    }

    private func setLimit(_ argument: String, name: String, minimum: Int, set: (Int) -> Void,
                          current: () -> Int) -> Bool {
        if argument.isEmpty {
            let value = current()
            write("\(name): \(value == 0 ? "no limit" : String(value))")
            return true
        }
        guard let n = Int(argument), n >= minimum, n <= 1_000_000_000 else {
            return usageError("expected :\(name) N with N a whole number (0 for no limit)")
        }
        set(n)
        return true
    }

    // MARK: - :source

    private func source(_ argument: String, depth: Int) -> Bool {
        guard !argument.isEmpty else { return usageError("expected :source FILE") }
        guard depth < 16 else { return usageError(":source files nest more than 16 deep") }
        let path = Self.expandingHome(Self.unquoted(argument))
        let text: String
        do {
            text = try FileBytes.readText(path)
        } catch let error as CLIError {
            message(error.rendered)
            return false
        } catch {
            return usageError("cannot read \(path)")
        }
        var feeder = ScriptFeeder()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if let item = feeder.feed(line: String(line)), !run(item, file: path, depth: depth) { return false }
            if quitRequested { return true }
        }
        if let item = feeder.finish() { return run(item, file: path, depth: depth) }
        return true
    }

    /// Runs one item of a script (a :source file, piped input).
    func run(_ item: ScriptFeeder.Item, file: String?, depth: Int = 0) -> Bool {
        switch item {
        case .meta(let line, let number):
            return runMeta(line, origin: InputOrigin(name: file, firstLine: number), depth: depth + 1)
        case .statements(let text, let first):
            return runStatements(text, origin: InputOrigin(name: file, firstLine: first))
        }
    }

    static func unquoted(_ text: String) -> String {
        if text.count >= 2, let f = text.first, f == text.last, f == "'" || f == "\"" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    static func expandingHome(_ path: String, environment: [String: String] = ProcessEnvironment.current) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    // MARK: - :history

    private func showHistory(_ argument: String) -> Bool {
        let count: Int
        if argument.isEmpty {
            count = 20
        } else if let n = Int(argument), n > 0 {
            count = n
        } else {
            return usageError("expected :history or :history N")
        }
        guard history.count > 0 else {
            message(palette.dim("(the history is empty)"))
            return true
        }
        let first = max(0, history.count - count)
        let digits = String(history.count).count
        var text = ""
        for i in first..<history.count {
            let number = String(i + 1)
            let pad = String(repeating: " ", count: digits - number.count)
            let body = history[i].split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + String(repeating: " ", count: digits + 2))
            text += palette.dim(pad + number) + "  " + body + "\n"
        }
        write(text)
        return true
    }
}
