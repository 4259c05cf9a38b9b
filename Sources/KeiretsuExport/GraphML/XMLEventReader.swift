// XMLEventReader: the one owner of libxml2's `xmlTextReader` handle.
//
// It turns a file (or an in-memory document) into a stream of start-element, end-element and
// text events for an `XMLEventHandler`, which decides per element whether to descend into it or
// skip its subtree. The document is never built in memory: libxml2's reader keeps only the
// current node. Each event carries the element's line (XML_PARSE_BIG_LINES, so lines past 65535
// stay right) for error messages.
//
// Safety settings: no network access (XML_PARSE_NONET), no external DTD loading, entities are not
// substituted (an entity reference in content is reported as an error by the handler), and
// libxml2's default limits stay on (no XML_PARSE_HUGE), which bounds entity amplification and
// text nodes (10 MB). libxml2's diagnostics go to a per-reader handler rather than stderr: the
// first error becomes a thrown `InputError.MalformedXML` naming file and line, warnings are
// passed on as warnings.

import CLibXML2
import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct XMLAttribute {
    var localName: String
    var namespace: String?
    var value: String
}

enum XMLStartAction {
    case descend
    case skipSubtree
}

protocol XMLEventHandler {
    /// Whether text events are wanted right now (saves converting ignorable white space).
    var wantsText: Bool { get }
    mutating func startElement(_ localName: String, namespace: String?, attributes: [XMLAttribute], line: Int) throws -> XMLStartAction
    mutating func endElement(line: Int) throws
    mutating func text(_ text: String, line: Int) throws
    /// An entity reference left in the content (only possible with a DOCTYPE declaring one).
    mutating func entityReference(_ name: String, line: Int) throws
}

/// libxml2's diagnostics for one reader.
private final class Diagnostics {
    var error: (message: String, line: Int)?
    var warnings: [(message: String, line: Int)] = []
}

enum XMLEventReader {
    /// Streams the file at `path` to `handler`; `name` is used in messages. Returns libxml2's
    /// warnings as `name:line: warning: …`.
    static func read(path: String, name: String, handler: inout some XMLEventHandler) throws -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CypherError(.inputError, "FileNotReadable", "\(name): cannot read: \(errnoText())", phase: .runtime)
        }
        defer { _ = close(fd) }
        guard let reader = xmlReaderForFd(fd, name, nil, parseOptions) else {
            throw CypherError(.inputError, "FileNotReadable", "\(name): libxml2 cannot open the file", phase: .runtime)
        }
        defer { xmlFreeTextReader(reader) }
        return try run(reader, name: name, handler: &handler)
    }

    /// Streams an in-memory document to `handler`.
    static func read(bytes: [UInt8], name: String, handler: inout some XMLEventHandler) throws -> [String] {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                throw CypherError(.inputError, "MalformedXML", "\(name):1: the document is empty", phase: .runtime)
            }
            let count = Int32(clamping: buffer.count)
            guard let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                xmlReaderForMemory($0, count, name, nil, parseOptions)
            }) else {
                throw CypherError(.inputError, "MalformedXML", "\(name): libxml2 cannot read the document", phase: .runtime)
            }
            defer { xmlFreeTextReader(reader) }
            return try run(reader, name: name, handler: &handler)
        }
    }

    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private static func run(_ reader: xmlTextReaderPtr, name: String, handler: inout some XMLEventHandler) throws -> [String] {
        let diagnostics = Diagnostics()
        return try withExtendedLifetime(diagnostics) {
            xmlTextReaderSetStructuredErrorHandler(
                reader,
                { ctx, error in
                    guard let ctx, let error else { return }
                    let d = Unmanaged<Diagnostics>.fromOpaque(ctx).takeUnretainedValue()
                    let e = error.pointee
                    var message = e.message.map { String(cString: $0) } ?? "XML error"
                    while message.last == "\n" || message.last == " " { message.removeLast() }
                    if e.level.rawValue >= XML_ERR_ERROR.rawValue {
                        if d.error == nil { d.error = (message, Int(e.line)) }
                    } else {
                        d.warnings.append((message, Int(e.line)))
                    }
                },
                Unmanaged.passUnretained(diagnostics).toOpaque())

            func parseError(_ fallbackLine: Int) -> CypherError {
                let (message, line) = diagnostics.error ?? ("the document is not well-formed XML", fallbackLine)
                return CypherError(.inputError, "MalformedXML", "\(name):\(line): \(message)", phase: .runtime)
            }

            var rc = xmlTextReaderRead(reader)
            var lastLine = 1
            while rc == 1 {
                if let error = diagnostics.error {
                    throw CypherError(.inputError, "MalformedXML", "\(name):\(error.line): \(error.message)", phase: .runtime)
                }
                let node = xmlTextReaderCurrentNode(reader)
                let line = node.map { Int(xmlGetLineNo($0)) } ?? lastLine
                if line > 0 { lastLine = line }
                var skip = false
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let localName = string(xmlTextReaderConstLocalName(reader)) ?? ""
                    let namespace = string(xmlTextReaderConstNamespaceUri(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    let attributes = readAttributes(reader)
                    let action = try handler.startElement(localName, namespace: namespace, attributes: attributes, line: lastLine)
                    if isEmpty {
                        if action == .descend { try handler.endElement(line: lastLine) }
                    } else if action == .skipSubtree {
                        skip = true
                    }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try handler.endElement(line: lastLine)
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if handler.wantsText, let text = string(xmlTextReaderConstValue(reader)) {
                        try handler.text(text, line: lastLine)
                    }
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                    try handler.entityReference(string(xmlTextReaderConstName(reader)) ?? "", line: lastLine)
                default:
                    break  // comments, processing instructions, the DOCTYPE
                }
                rc = skip ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
            }
            if rc < 0 || diagnostics.error != nil { throw parseError(lastLine) }
            return diagnostics.warnings.map { "\(name):\($0.line): warning: \($0.message)" }
        }
    }

    /// The element's attributes, namespace declarations left out; the reader is moved back to
    /// the element afterwards.
    private static func readAttributes(_ reader: xmlTextReaderPtr) -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var attributes: [XMLAttribute] = []
        var rc = xmlTextReaderMoveToFirstAttribute(reader)
        while rc == 1 {
            let namespace = string(xmlTextReaderConstNamespaceUri(reader))
            if namespace != "http://www.w3.org/2000/xmlns/" {
                attributes.append(XMLAttribute(localName: string(xmlTextReaderConstLocalName(reader)) ?? "",
                                               namespace: namespace,
                                               value: string(xmlTextReaderConstValue(reader)) ?? ""))
            }
            rc = xmlTextReaderMoveToNextAttribute(reader)
        }
        _ = xmlTextReaderMoveToElement(reader)
        return attributes
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
