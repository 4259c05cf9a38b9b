// XMLStreamWriter: the one owner of libxml2's `xmlTextWriter` handle.
//
// `XMLStreamWriter.write(to:_:)` creates a writer over an output callback, hands it to
// the body and frees it (`defer`) however the body ends, so no other file ever sees the C
// handle. Output goes through a 256 KB buffer to the `ByteSink`: memory stays flat whatever
// the document's size. Every libxml2 call is checked; a negative return code becomes a thrown
// `CypherError` — and when the cause was the sink (disk full, closed pipe), the sink's own
// error is the one thrown.
//
// Text passed to `text(_:)` must already be free of characters XML cannot hold
// (`GraphMLNames.xmlSafe`): libxml2 escapes `<`, `>`, `&` and carriage returns, but writes
// control characters raw and still reports success.

import CLibXML2
import KeiretsuCypher

/// Receives libxml2's output buffer writes; holds the first sink error.
private final class OutputContext {
    let sink: any ByteSink
    var buffer: [UInt8] = []
    var error: (any Error)?

    init(sink: any ByteSink) {
        self.sink = sink
        buffer.reserveCapacity(1 << 18 + 8192)
    }

    func append(_ p: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: p)
        if buffer.count >= 1 << 18 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

struct XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let context: OutputContext

    /// Runs `body` with a writer whose output goes to `sink`, then ends the document and flushes.
    static func write(to sink: any ByteSink, _ body: (XMLStreamWriter) throws -> Void) throws {
        let context = OutputContext(sink: sink)
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        try withExtendedLifetime(context) {
            guard let output = xmlOutputBufferCreateIO(
                { ctx, bytes, length in
                    guard let ctx else { return -1 }
                    let context = Unmanaged<OutputContext>.fromOpaque(ctx).takeUnretainedValue()
                    guard length > 0, let bytes else { return 0 }
                    do {
                        try context.append(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
                        return length
                    } catch {
                        context.error = error
                        return -1
                    }
                },
                { _ in 0 }, opaque, nil)
            else {
                throw CypherError(.databaseError, "WriteFailed", "libxml2 could not create an output buffer", phase: .runtime)
            }
            // From here on the writer owns `output` and closes it when freed.
            guard let writer = xmlNewTextWriter(output) else {
                _ = xmlOutputBufferClose(output)
                throw CypherError(.databaseError, "WriteFailed", "libxml2 could not create a text writer", phase: .runtime)
            }
            defer { xmlFreeTextWriter(writer) }
            let w = XMLStreamWriter(writer: writer, context: context)
            try w.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
            try body(w)
            try w.check(xmlTextWriterEndDocument(writer), "end the document")
            try w.check(xmlTextWriterFlush(writer), "flush")
            if let error = context.error { throw error }
            try context.flush()
        }
    }

    private init(writer: xmlTextWriterPtr, context: OutputContext) {
        self.writer = writer
        self.context = context
    }

    /// Throws when libxml2 reported failure; the sink's error wins when there is one.
    private func check(_ rc: Int32, _ what: @autoclosure () -> String) throws {
        guard rc < 0 else { return }
        if let error = context.error { throw error }
        throw CypherError(.databaseError, "WriteFailed", "libxml2 failed to \(what())", phase: .runtime)
    }

    func startElement(_ name: StaticString) throws {
        try check(xmlTextWriterStartElement(writer, name.utf8Start), "start <\(name)>")
    }

    func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    func attribute(_ name: StaticString, _ value: String) throws {
        try value.withCString { v in
            try v.withMemoryRebound(to: xmlChar.self, capacity: 1) { p in
                try check(xmlTextWriterWriteAttribute(writer, name.utf8Start, p), "write attribute \(name)")
            }
        }
    }

    func attribute(_ name: StaticString, _ value: StaticString) throws {
        try check(xmlTextWriterWriteAttribute(writer, name.utf8Start, value.utf8Start), "write attribute \(name)")
    }

    /// Writes `text` as escaped character data; it must hold only characters XML allows.
    func text(_ text: String) throws {
        try text.withCString { t in
            try t.withMemoryRebound(to: xmlChar.self, capacity: 1) { p in
                try check(xmlTextWriterWriteString(writer, p), "write text")
            }
        }
    }

    /// Markup the caller has built and guarantees well-formed: fixed tags, generated ids and
    /// numbers, never user text (which goes through `text(_:)` and libxml2's escaping).
    func raw(_ markup: inout MarkupBuffer) throws {
        guard !markup.bytes.isEmpty else { return }
        try markup.bytes.withUnsafeBufferPointer { p in
            try check(xmlTextWriterWriteRawLen(writer, p.baseAddress, Int32(clamping: p.count)), "write markup")
        }
        markup.bytes.removeAll(keepingCapacity: true)
    }

    /// A line break between elements (white space in element-only content, which GraphML
    /// allows); used instead of libxml2's indentation, which is much slower.
    func newline() throws {
        try check(xmlTextWriterWriteRaw(writer, "\n"), "write a line break")
    }

    /// `<name>text</name>`.
    func element(_ name: StaticString, text: String) throws {
        try startElement(name)
        try self.text(text)
        try endElement()
    }
}

/// Bytes of markup collected between libxml2 calls, so that a node with ten numeric
/// properties costs one call instead of forty.
struct MarkupBuffer {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// ASCII text that needs no escaping (numbers, NMTOKEN ids).
    mutating func append(ascii s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func append(_ n: Int) {
        if n < 0 {
            append(ascii: String(n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: d[(20 - count)...])
        }
    }
}
