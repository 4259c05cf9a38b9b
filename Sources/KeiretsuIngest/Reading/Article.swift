// Article: one news article as the pipeline sees it, and the warnings reading can produce.
//
// The article keeps the whole file's UTF-8 bytes, and every later offset (tokens, sentences,
// mentions) points into them, so a fact's sentence can always be cut back out of the original
// file. `body` is the byte range that holds the prose (after the date header or front matter).

import KeiretsuGraph

public struct Article: Sendable {
    public enum Format: String, Sendable {
        /// The seeds' ` date YYYY-MM-DD` header with the body on the same line.
        case dateHeader
        /// Markdown with a `---` front-matter block.
        case frontMatter
        /// Plain text with no metadata.
        case plain
    }

    /// The path as given to the reader (provenance records it verbatim).
    public var path: String
    public var format: Format
    public var title: String
    public var date: LocalDate?
    /// The publication named in front matter (`source:`), if any.
    public var source: String?
    /// The file's UTF-8 bytes.
    public var bytes: [UInt8]
    /// Where the prose is, in `bytes`.
    public var body: Range<Int>

    public init(path: String, format: Format, title: String, date: LocalDate?, source: String?,
                bytes: [UInt8], body: Range<Int>) {
        self.path = path
        self.format = format
        self.title = title
        self.date = date
        self.source = source
        self.bytes = bytes
        self.body = body
    }

    /// The article's bytes in `range` as text.
    public func text(_ range: Range<Int>) -> String { TextBytes(bytes: bytes).text(range) }

    public var bodyText: String { text(body) }
}

/// Something wrong with an input that does not stop the other inputs from loading.
public struct IngestWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable = "Unreadable"
        case empty = "EmptyFile"
        case binary = "BinaryFile"
        case invalidUTF8 = "InvalidUTF8"
        case missingDate = "MissingDate"
        case badDate = "BadDate"
        case unterminatedFrontMatter = "UnterminatedFrontMatter"
        case duplicateDocument = "DuplicateDocument"
    }

    public var path: String
    public var code: Code
    public var message: String

    public init(path: String, code: Code, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    /// `path: warning: Code: message`, the shape of the project's error lines.
    public var description: String { "\(path): warning: \(code.rawValue): \(message)" }
}

/// Raised in strict mode (any warning), or when the graph cannot be written.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    case warnings([IngestWarning])
    case store(String)

    public var description: String {
        switch self {
        case .warnings(let w): return w.map(\.description).joined(separator: "\n")
        case .store(let m): return "ingest: error: \(m)"
        }
    }
}
