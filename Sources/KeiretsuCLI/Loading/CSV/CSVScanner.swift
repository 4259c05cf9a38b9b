// CSVScanner: splits the bytes of a CSV file into rows of field spans, without copying.
//
// The dialect is RFC 4180 as neo4j-admin reads it: fields separated by `,`; a field that starts
// with `"` runs to the next lone `"`, may hold commas and line breaks, and spells a quote as
// `""`; records end with LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark before the
// header is dropped. A quote inside an unquoted field is taken literally.
//
// The scanner works on an UnsafeBufferPointer over the whole file and yields spans (offsets)
// into it, so a row costs no allocation; callers turn only the fields they need into values.
// A quoted field with `""` escapes is unescaped in place (it only shrinks, and the scanner has
// already passed its bytes), so every field is a plain span afterwards. It counts physical
// lines as it goes, so every row knows the line it starts on — the line a bad-row message names. After a malformed row (an unterminated quote, text after a closing
// quote) it resumes at the next physical line, so one damaged row costs one row.

struct CSVField {
    var start: Int
    var end: Int
    /// Written in double quotes: an empty quoted field is an empty string, not a missing value.
    var quoted: Bool

    var isEmpty: Bool { start == end }
}

struct CSVScanner {
    enum Outcome: Equatable {
        /// A row was read into the fields array; `line` is the physical line it starts on.
        case row(line: Int)
        /// The row starting on `line` is malformed; the fields array is not meaningful.
        case bad(line: Int, message: String)
        case end
    }

    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Scanning stops here: the end of the file, or of the chunk this scanner was given.
    let limit: Int
    private(set) var position = 0
    /// The physical line (1-based) at `position`.
    private(set) var line = 1

    /// A scanner over the whole file, from its first byte.
    init(bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
        self.limit = bytes.count
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// A scanner over `range` of the file, which starts on physical line `line`. The range
    /// must begin and end at row boundaries.
    init(bytes: UnsafeMutableBufferPointer<UInt8>, range: Range<Int>, line: Int) {
        self.bytes = bytes
        self.limit = min(range.upperBound, bytes.count)
        self.position = range.lowerBound
        self.line = line
    }

    /// Reads the next row into `fields`.
    mutating func next(into fields: inout [CSVField]) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        guard let p = bytes.baseAddress else { return .end }
        let n = limit
        var i = position
        while i < n {
            if p[i] == Self.lf {
                i += 1
                line += 1
            } else if p[i] == Self.cr && i + 1 < n && p[i + 1] == Self.lf {
                i += 2
                line += 1
            } else {
                break
            }
        }
        guard i < n else {
            position = n
            return .end
        }
        let rowStart = i
        let rowLine = line
        while true {
            if i < n && p[i] == Self.quote {
                var j = i + 1
                var escaped = false
                var closed = false
                while j < n {
                    let b = p[j]
                    if b == Self.quote {
                        if j + 1 < n && p[j + 1] == Self.quote {
                            escaped = true
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == Self.lf { line += 1 }
                    j += 1
                }
                guard closed else {
                    line = rowLine
                    skipLine(from: rowStart)
                    return .bad(line: rowLine, message: "unterminated quoted field")
                }
                fields.append(CSVField(start: i + 1, end: escaped ? unescape(i + 1, j) : j, quoted: true))
                j += 1
                if j >= n {
                    position = n
                    return .row(line: rowLine)
                }
                let b = p[j]
                if b == Self.comma {
                    i = j + 1
                    if i >= n {
                        fields.append(CSVField(start: n, end: n, quoted: false))
                        position = n
                        return .row(line: rowLine)
                    }
                    continue
                }
                if b == Self.lf {
                    position = j + 1
                    line += 1
                    return .row(line: rowLine)
                }
                if b == Self.cr && j + 1 < n && p[j + 1] == Self.lf {
                    position = j + 2
                    line += 1
                    return .row(line: rowLine)
                }
                if b == Self.cr && j + 1 == n {
                    position = n
                    return .row(line: rowLine)
                }
                skipLine(from: j)
                return .bad(line: rowLine, message: "unexpected text after a closing quote")
            }
            var j = i
            while j < n {
                let b = p[j]
                if b == Self.comma || b == Self.lf { break }
                j += 1
            }
            var end = j
            if (j >= n || p[j] == Self.lf) && end > i && p[end - 1] == Self.cr { end -= 1 }
            fields.append(CSVField(start: i, end: end, quoted: false))
            if j >= n {
                position = n
                return .row(line: rowLine)
            }
            if p[j] == Self.lf {
                position = j + 1
                line += 1
                return .row(line: rowLine)
            }
            i = j + 1
            if i >= n {
                fields.append(CSVField(start: n, end: n, quoted: false))
                position = n
                return .row(line: rowLine)
            }
        }
    }

    /// Moves past the line break at or after `from` (or to the end), counting it.
    private mutating func skipLine(from: Int) {
        var k = from
        let n = limit
        while k < n && bytes[k] != Self.lf { k += 1 }
        if k < n {
            position = k + 1
            line += 1
        } else {
            position = n
        }
    }

    /// Undoes the `""` pairs of the quoted field at start..<end in place; returns its new end.
    private func unescape(_ start: Int, _ end: Int) -> Int {
        var from = start, to = start
        while from < end {
            bytes[to] = bytes[from]
            from += bytes[from] == Self.quote ? 2 : 1
            to += 1
        }
        return to
    }

    /// The bytes of `field`.
    @inline(__always)
    func bytes(of field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The text of `field`.
    func string(of field: CSVField) -> String {
        String(decoding: bytes(of: field), as: UTF8.self)
    }
}
