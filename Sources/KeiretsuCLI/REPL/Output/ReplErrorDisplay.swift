// How the REPL shows an error in what the user typed:
//
//   error: SyntaxError.UnexpectedSyntax at 1:10: expected ')'
//   MATCH (n RETURN n;
//            ^^^^^^
//
// The caret runs under the whole offending token (CypherError's byte `length`), measured in
// terminal columns so that it stays under the token after wide characters. Line and column are
// those of SourceText (1-based, the column counting code points); `firstLine` moves them when
// the text sits inside a larger input (a piped script, a :source file), and `name` prefixes the
// file (`at queries.cypher:3:5`). An error with no position prints its first line only.

import KeiretsuCypher

struct ReplErrorDisplay {
    var palette: Palette

    func render(_ error: CypherError, in text: String, name: String? = nil, firstLine: Int = 1) -> String {
        let label = palette.errorLabel("error:")
        let code = palette.bold(error.qualifiedCode)
        guard let offset = error.offset else {
            return "\(label) \(code): \(error.message)"
        }
        let source = SourceText(name: name ?? "", text: text)
        let location = source.location(of: offset)
        let place = (name.map { $0 + ":" } ?? "") + "\(location.line + firstLine - 1):\(location.column)"
        let lineText = source.line(location.line)
        // Bytes of the line before the token, and of the token (cut at the end of the line).
        let bytes = Array(text.utf8)
        var lineStart = min(offset, bytes.count)
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = min(offset, bytes.count)
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let start = min(offset, bytes.count)
        let end = min(max(start + error.length, start), lineEnd)
        let before = String(decoding: bytes[lineStart..<start], as: UTF8.self)
        let token = String(decoding: bytes[start..<end], as: UTF8.self)
        var indent = ""
        for ch in before {
            if ch == "\t" {
                indent += "\t"
            } else {
                indent += String(repeating: " ", count: TerminalWidth.of(ch))
            }
        }
        let caretWidth = max(1, TerminalWidth.of(token))
        return """
            \(label) \(code) at \(place): \(error.message)
            \(lineText)
            \(indent)\(palette.paint(String(repeating: "^", count: caretWidth), "1;31"))
            """
    }
}
