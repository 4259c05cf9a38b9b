// What `keiretsu test` prints while it runs. Passing and skipped records print nothing; a failure
// prints a block that starts with `file:line:` (so editors and terminals can jump to it), says
// why in one line, then shows the query and a unified diff of expected against actual (or the
// engine's error at its place in the file), then a blank line:
//
//   queries/stakes.cyt:14: FAIL: the result differs
//       MATCH (c:Company) RETURN c.name AS name ORDER BY name
//   --- expected
//   +++ actual
//   @@ -1,3 +1,3 @@
//    name
//   -'Ampere'
//   +'Ampère'
//
// A record rewritten by `--update` prints `file:line: updated`. With GITHUB_ACTIONS=true each
// failure and each unreadable file also becomes a workflow command
// `::error file=…,line=…,title=…::message`, which GitHub Actions shows on the pull request;
// its data is percent-encoded as the workflow-command syntax requires (`%`, CR, LF, and in
// properties also `:` and `,`).

import KeiretsuExport

extension SavedQueryRunner {
    func print(_ c: CaseReport) {
        switch c.outcome {
        case .passed, .skipped:
            return
        case .updated:
            out.write("\(c.file):\(c.line): updated\n")
        case .failed(let reason, let details):
            out.write("\(c.file):\(c.line): FAIL: \(reason)\n")
            if !details.isEmpty { out.write(details.hasSuffix("\n") ? details : details + "\n") }
            out.write("\n")
            if options.githubAnnotations {
                out.write(Self.annotation(file: c.file, line: c.line, title: "keiretsu test",
                                          message: reason + (details.isEmpty ? "" : "\n" + details)) + "\n")
            }
        }
        out.flush()
    }

    func annotate(_ problem: LoadProblem) {
        guard options.githubAnnotations else { return }
        out.write(Self.annotation(file: problem.path, line: problem.line, column: problem.column,
                                  title: "keiretsu test", message: problem.summary) + "\n")
    }

    /// `::error file=…,line=…,col=…,title=…::message`
    static func annotation(file: String, line: Int?, column: Int? = nil, title: String, message: String) -> String {
        var properties = ["file=" + escapeProperty(file)]
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=" + escapeProperty(title))
        return "::error " + properties.joined(separator: ",") + "::" + escapeData(message)
    }

    static func escapeData(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for ch in escapeData(s).unicodeScalars {
            switch ch {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
