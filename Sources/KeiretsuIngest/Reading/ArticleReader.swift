// ArticleReader: a file's bytes → an Article, or warnings saying why not.
//
// Three formats (DESIGN.md, "Articles"):
//   ` date 2023-01-28 The search for …`   the seeds' header: the word `date`, an ISO date, and
//                                          the body on the same line;
//   `---\ndate: …\ntitle: …\nsource: …\n---\nbody`   Markdown front matter (values may be quoted);
//   anything else                          plain text with no date (a warning, not an error).
// A file that is empty, binary (a NUL byte, or many control bytes) or not UTF-8 yields no article
// and a warning that names it; a missing date yields the article and a warning. The title comes
// from front matter, else the first Markdown heading, else the first sentence of the body.

import Foundation
import KeiretsuGraph

public struct ArticleReader: Sendable {
    public struct Result: Sendable {
        public var article: Article?
        public var warnings: [IngestWarning]
    }

    /// Titles taken from the first sentence are cut at this many characters (on a word boundary).
    public var maxTitleLength = 160

    public init() {}

    /// Reads the file at `path` (`displayPath` is what provenance and warnings call it).
    public func read(path: String, displayPath: String? = nil) -> Result {
        let name = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(article: nil, warnings: [IngestWarning(path: name, code: .unreadable, message: "cannot read the file")])
        }
        return parse(bytes: [UInt8](data), path: name)
    }

    /// Reads an article from bytes already in memory.
    public func parse(bytes: [UInt8], path: String) -> Result {
        func fail(_ code: IngestWarning.Code, _ message: String) -> Result {
            Result(article: nil, warnings: [IngestWarning(path: path, code: code, message: message)])
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // a UTF-8 byte-order mark
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return fail(.empty, "the file is empty")
        }
        if looksBinary(bytes) { return fail(.binary, "the file is binary, not text") }
        if let bad = firstInvalidUTF8(bytes) {
            return fail(.invalidUTF8, "invalid UTF-8 at byte \(bad)")
        }
        var warnings: [IngestWarning] = []
        var article: Article
        if let fm = frontMatter(bytes, from: start) {
            switch fm {
            case .failure(let w):
                return Result(article: nil, warnings: [IngestWarning(path: path, code: w.0, message: w.1)])
            case .success(let (fields, body)):
                var date: LocalDate? = nil
                if let d = fields["date"] {
                    date = Self.parseDate(d)
                    if date == nil { warnings.append(IngestWarning(path: path, code: .badDate, message: "'\(d)' is not a YYYY-MM-DD date")) }
                }
                article = Article(path: path, format: .frontMatter, title: fields["title"] ?? "", date: date,
                                  source: fields["source"], bytes: bytes, body: body)
            }
        } else if let (date, body) = dateHeader(bytes, from: start) {
            article = Article(path: path, format: .dateHeader, title: "", date: date, source: nil, bytes: bytes, body: body)
        } else {
            article = Article(path: path, format: .plain, title: "", date: nil, source: nil, bytes: bytes, body: start..<bytes.count)
        }
        if article.date == nil && !warnings.contains(where: { $0.code == .badDate }) {
            warnings.append(IngestWarning(path: path, code: .missingDate, message: "no date: facts will carry no asOf"))
        }
        if article.title.isEmpty { article.title = deriveTitle(article) }
        return Result(article: article, warnings: warnings)
    }

    // MARK: Format detection

    /// ` date YYYY-MM-DD ` at the start (leading spaces allowed): the date and the body after it.
    func dateHeader(_ b: [UInt8], from start: Int) -> (LocalDate, Range<Int>)? {
        var i = start
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        let word: [UInt8] = Array("date".utf8)
        guard i + 4 < b.count, Array(b[i..<(i + 4)]).map({ $0 | 0x20 }) == word else { return nil }
        i += 4
        guard i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x3A else { return nil }
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x3A) { i += 1 }
        guard i + 10 <= b.count, let date = Self.parseDate(String(decoding: b[i..<(i + 10)], as: UTF8.self)) else { return nil }
        i += 10
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
        return (date, i..<b.count)
    }

    enum FrontMatterResult {
        case success(([String: String], Range<Int>))
        case failure((IngestWarning.Code, String))
    }

    /// A `---` block at the very start: its `key: value` fields (keys lower-cased, quotes
    /// removed) and the body after the closing `---`.
    func frontMatter(_ b: [UInt8], from start: Int) -> FrontMatterResult? {
        // Cheap refusal first: most articles do not open with "---".
        var s = start
        while s < b.count && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        guard s + 3 <= b.count, b[s] == 0x2D, b[s + 1] == 0x2D, b[s + 2] == 0x2D else { return nil }
        let lines = lineRanges(b, from: start)
        guard let first = lines.first, trimmed(b, first) == "---" else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            let text = trimmed(b, line)
            if text == "---" || text == "..." {
                var body = line.upperBound
                while body < b.count && (b[body] == 0x0A || b[body] == 0x0D) { body += 1 }
                return .success((fields, body..<b.count))
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
            }
            if fields[key] == nil { fields[key] = value }
        }
        return .failure((.unterminatedFrontMatter, "the front matter opened by '---' is never closed"))
    }

    /// Line ranges (without the line break) from `start`.
    private func lineRanges(_ b: [UInt8], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = start
        for i in start..<b.count where b[i] == 0x0A {
            out.append(s..<i)
            s = i + 1
        }
        if s < b.count { out.append(s..<b.count) }
        return out
    }

    private func trimmed(_ b: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: b[r], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `YYYY-MM-DD` (also the first ten characters of a longer timestamp).
    public static func parseDate(_ text: String) -> LocalDate? {
        let u = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard TextFolding.isASCIIDigit(u[i]) else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        if u.count > 10, TextFolding.isASCIIDigit(u[10]) { return nil }
        return LocalDate(year: Int64(y), month: m, day: d)
    }

    // MARK: Sanity checks

    /// A NUL byte, or more than 10% control bytes other than tab/CR/LF/FF, in the first 8 KiB.
    func looksBinary(_ b: [UInt8]) -> Bool {
        let n = min(b.count, 8192)
        var control = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 { return true }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { control += 1 }
        }
        return n > 0 && control * 10 > n
    }

    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var len = 0
            var minValue: UInt32 = 0
            var v: UInt32 = 0
            if c & 0xE0 == 0xC0 { len = 2; v = UInt32(c & 0x1F); minValue = 0x80 }
            else if c & 0xF0 == 0xE0 { len = 3; v = UInt32(c & 0x0F); minValue = 0x800 }
            else if c & 0xF8 == 0xF0 { len = 4; v = UInt32(c & 0x07); minValue = 0x10000 }
            else { return i }
            guard i + len <= n else { return i }
            for k in 1..<len {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                v = (v << 6) | UInt32(d & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if v < minValue || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF { return i }
            i += len
        }
        return nil
    }

    // MARK: Titles

    /// The first Markdown heading, else the first sentence of the body, trimmed to a title.
    func deriveTitle(_ a: Article) -> String {
        let b = a.bytes
        var i = a.body.lowerBound
        while i < a.body.upperBound && (b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09) { i += 1 }
        if i < a.body.upperBound && b[i] == 0x23 {  // "# Heading"
            var j = i
            while j < a.body.upperBound && b[j] != 0x0A { j += 1 }
            return String(decoding: b[i..<j], as: UTF8.self).drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        }
        let end = firstSentenceEnd(b, from: i, limit: min(a.body.upperBound, i + 1000))
        var title = String(decoding: b[i..<end], as: UTF8.self)
        // One line, single spaces, and no closing period.
        title = title.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        if title.count > maxTitleLength {
            var cut = String(title.prefix(maxTitleLength))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            return cut + "…"
        }
        if title.hasSuffix(".") && !title.hasSuffix("..") { title.removeLast() }
        return title
    }

    /// Where the first sentence ends: a `.`, `!` or `?` followed by a space and a capital, a digit
    /// or an opening quote — unless the word before the period is an abbreviation ("Mr.", "Inc.",
    /// "U.S.") or an initial — or a blank line. A byte scan (the full SentenceSplitter needs a
    /// lexicon, which reading one title does not justify).
    func firstSentenceEnd(_ b: [UInt8], from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit {
            let c = b[i]
            if c == 0x0A, i + 1 < limit, b[i + 1] == 0x0A || (b[i + 1] == 0x0D) { return i }
            if c == 0x2E || c == 0x21 || c == 0x3F {
                var j = i + 1
                guard j < limit, b[j] == 0x20 || b[j] == 0x0A else { i += 1; continue }
                while j < limit && (b[j] == 0x20 || b[j] == 0x0A) { j += 1 }
                guard j < limit else { return i + 1 }
                let n = b[j]
                let starts = (n >= 0x41 && n <= 0x5A) || TextFolding.isASCIIDigit(n) || n == 0x22 || n >= 0xC0
                if starts && (c != 0x2E || !ArticleReader.isAbbreviation(b, before: i, from: start)) { return i + 1 }
            }
            i += 1
        }
        return limit
    }

    private static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "jr", "sr",
                                                      "vs", "no", "e.g", "i.e", "u.s", "u.k", "prof", "gen", "gov"]

    private static func isAbbreviation(_ b: [UInt8], before period: Int, from start: Int) -> Bool {
        var k = period
        while k > start && (TextFolding.isASCIILetter(b[k - 1]) || b[k - 1] == 0x2E) { k -= 1 }
        let word = String(decoding: b[k..<period], as: UTF8.self).lowercased()
        if word.count == 1, let f = word.first, f.isLetter { return true }  // an initial
        return abbreviations.contains(word)
    }
}
