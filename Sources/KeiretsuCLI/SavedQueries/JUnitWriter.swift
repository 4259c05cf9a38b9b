// `keiretsu test --junit FILE`: the run as JUnit XML, the format CI systems (Jenkins, GitLab,
// the GitHub test-report actions) read.
//
//   <testsuites name="keiretsu test" tests= failures= errors= skipped= time=>
//     <testsuite name="queries/stakes.cyt" file="queries/stakes.cyt" tests= failures= errors= skipped= time=>
//       <testcase name="line 14: who holds stakes" classname="queries.stakes" file= line= time=>
//         <failure message="the result differs" type="mismatch">query and diff</failure>
//       </testcase>
//       <testcase …><skipped message="skipif env CI"/></testcase>
//     </testsuite>
//   </testsuites>
//
// A file that cannot be read or parsed is a suite with one `<error>` case. Text is escaped for
// XML 1.0, and characters XML 1.0 cannot hold at all (most control characters, U+FFFE, U+FFFF)
// become U+FFFD, since a report that no parser accepts helps nobody.

enum JUnitWriter {
    static func xml(_ report: TestReport) -> String {
        var suites = report.suites
        // Problems no suite reports (a FILE:LINE outside any record, a file that could not be
        // written back) get a suite of their own, so that the XML tells everything stderr did.
        for problem in report.problems where !suites.contains(where: { $0.problem?.rendered == problem.rendered }) {
            suites.append(SuiteReport(path: problem.path, problem: problem))
        }
        let tests = suites.reduce(0) { $0 + max($1.cases.count, $1.problem == nil ? 0 : 1) }
        let errors = suites.filter { $0.problem != nil }.count
        let time = suites.reduce(0) { $0 + $1.seconds }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"keiretsu test\" tests=\"\(tests)\" failures=\"\(report.failed)\" errors=\"\(errors)\""
            + " skipped=\"\(report.skipped)\" time=\"\(seconds(time))\">\n"
        for suite in suites {
            let classname = className(suite.path)
            if let problem = suite.problem {
                out += "  <testsuite name=\"\(escape(suite.path))\" file=\"\(escape(suite.path))\" tests=\"1\" failures=\"0\""
                    + " errors=\"1\" skipped=\"0\" time=\"0\">\n"
                let line = problem.line.map { " line=\"\($0)\"" } ?? ""
                out += "    <testcase name=\"\(escape(problem.path)) cannot be run\" classname=\"\(escape(classname))\""
                    + " file=\"\(escape(problem.path))\"\(line) time=\"0\">\n"
                out += "      <error message=\"\(escape(problem.summary))\" type=\"InputError\">\(escape(problem.rendered))</error>\n"
                out += "    </testcase>\n  </testsuite>\n"
                continue
            }
            out += "  <testsuite name=\"\(escape(suite.path))\" file=\"\(escape(suite.path))\" tests=\"\(suite.cases.count)\""
                + " failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skips)\" time=\"\(seconds(suite.seconds))\">\n"
            for c in suite.cases {
                out += "    <testcase name=\"\(escape("line \(c.line): \(c.name)"))\" classname=\"\(escape(className(c.file)))\""
                    + " file=\"\(escape(c.file))\" line=\"\(c.line)\" time=\"\(seconds(c.seconds))\""
                switch c.outcome {
                case .passed, .updated:
                    out += "/>\n"
                case .skipped(let reason):
                    out += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
                case .failed(let reason, let details):
                    out += ">\n      <failure message=\"\(escape(reason))\" type=\"mismatch\">\(escape(details))</failure>\n"
                        + "    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func write(_ report: TestReport, to path: String) throws {
        try ExpectationUpdater.writeAtomically(xml(report), to: path)
    }

    /// `queries/stakes.cyt` → `queries.stakes`, the dotted name JUnit readers group by.
    static func className(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasSuffix(".cyt") { p.removeLast(4) }
        return String(p.map { $0 == "/" ? "." : $0 })
    }

    static func seconds(_ s: Double) -> String {
        let micro = (s * 1_000_000).rounded()
        guard micro.isFinite, micro >= 0, micro < 1e15 else { return "0" }
        let whole = Int64(micro) / 1_000_000
        let fraction = Int64(micro) % 1_000_000
        let digits = String(fraction)
        return "\(whole).\(String(repeating: "0", count: 6 - digits.count))\(digits)"
    }

    /// Text for an XML attribute or element: the five special characters escaped, characters
    /// XML 1.0 forbids replaced by U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(ch)
            case "\r": out += "&#13;"
            default:
                let v = ch.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }
}
