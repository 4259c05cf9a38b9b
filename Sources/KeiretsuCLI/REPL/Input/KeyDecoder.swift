// Bytes from a terminal in raw mode → key events.
//
// A small state machine over bytes, fed whatever `read(2)` returned (a key may arrive split
// across reads, or several keys in one read):
//
//   ground      printable UTF-8 is collected into `.text`; C0 controls map to keys
//   escape      after ESC: `[` starts a CSI sequence, `O` an SS3 sequence, anything else is
//               that key with Alt
//   csi / ss3   parameters up to the final byte (ECMA-48 §5.4: final bytes are 0x40–0x7E)
//   paste       between `ESC [200~` and `ESC [201~` (xterm bracketed paste) every byte is text
//
// A lone ESC cannot be told from the start of a sequence until more bytes arrive or none do;
// the caller calls `flushPendingEscape()` after a short quiet time to turn it into `.escape`.
// Sequences follow xterm (ctlseqs): arrows `CSI A–D`, Home/End `CSI H/F`, `CSI 1~/4~/7~/8~`,
// Delete `CSI 3~`, Page Up/Down `CSI 5~/6~`, modifiers as a second parameter (`CSI 1;5C` is
// Ctrl-Right, `;3` Alt). Invalid UTF-8 becomes U+FFFD rather than being dropped.

struct KeyDecoder {
    enum State: Equatable {
        case ground
        case escape
        case csi
        case ss3
        case paste
    }

    private(set) var state = State.ground
    private var parameters: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Expected = 0
    private var pasteBytes: [UInt8] = []
    private var text = ""

    /// Whether a lone ESC is waiting for its next byte.
    var hasPendingEscape: Bool { state == .escape }

    /// Decodes `bytes`, returning the complete key events they finish.
    mutating func feed<S: Sequence>(_ bytes: S) -> [KeyEvent] where S.Element == UInt8 {
        var events: [KeyEvent] = []
        for b in bytes { step(b, into: &events) }
        flushText(into: &events)
        return events
    }

    /// Turns a pending lone ESC into `.escape` (called when no byte followed it in time).
    mutating func flushPendingEscape() -> [KeyEvent] {
        guard state == .escape else { return [] }
        state = .ground
        return [.escape]
    }

    private mutating func flushText(into events: inout [KeyEvent]) {
        if !text.isEmpty {
            events.append(.text(text))
            text = ""
        }
    }

    private mutating func emit(_ event: KeyEvent, into events: inout [KeyEvent]) {
        flushText(into: &events)
        events.append(event)
    }

    private mutating func step(_ b: UInt8, into events: inout [KeyEvent]) {
        switch state {
        case .ground: ground(b, into: &events)
        case .escape: escape(b, into: &events)
        case .csi: csi(b, into: &events)
        case .ss3: ss3(b, into: &events)
        case .paste: paste(b, into: &events)
        }
    }

    private mutating func ground(_ b: UInt8, into events: inout [KeyEvent]) {
        if utf8Expected > 0 {
            if b & 0xC0 == 0x80 {
                utf8.append(b)
                if utf8.count == utf8Expected { finishScalar() }
                return
            }
            // A sequence cut short: replace what we have and look at this byte afresh.
            text.unicodeScalars.append("\u{FFFD}")
            utf8 = []
            utf8Expected = 0
        }
        switch b {
        case 0x1B:
            state = .escape
        case 0x0D, 0x0A:
            emit(.enter, into: &events)
        case 0x09:
            emit(.tab, into: &events)
        case 0x7F, 0x08:
            emit(.backspace, into: &events)
        case 0x00:
            emit(.control("@"), into: &events)
        case 0x01...0x1A:
            emit(.control(Character(Unicode.Scalar(b + 0x60))), into: &events)
        case 0x1C...0x1F:
            emit(.control(Character(Unicode.Scalar(b + 0x40))), into: &events)
        case 0x20...0x7E:
            text.unicodeScalars.append(Unicode.Scalar(b))
        case 0xC2...0xDF:
            startScalar(b, length: 2)
        case 0xE0...0xEF:
            startScalar(b, length: 3)
        case 0xF0...0xF4:
            startScalar(b, length: 4)
        default:
            text.unicodeScalars.append("\u{FFFD}")
        }
    }

    private mutating func startScalar(_ b: UInt8, length: Int) {
        utf8 = [b]
        utf8Expected = length
    }

    private mutating func finishScalar() {
        if let s = String(validating: utf8, as: UTF8.self) {
            text += s
        } else {
            text.unicodeScalars.append("\u{FFFD}")
        }
        utf8 = []
        utf8Expected = 0
    }

    private mutating func escape(_ b: UInt8, into events: inout [KeyEvent]) {
        state = .ground
        switch b {
        case UInt8(ascii: "["):
            state = .csi
            parameters = []
        case UInt8(ascii: "O"):
            state = .ss3
        case 0x0D, 0x0A:
            emit(.newline, into: &events)
        case 0x7F, 0x08:
            emit(.altBackspace, into: &events)
        case 0x1B:
            // ESC ESC: the first was a lone Escape; the second may start a sequence.
            emit(.escape, into: &events)
            state = .escape
        case 0x20...0x7E:
            emit(.alt(Character(Unicode.Scalar(b))), into: &events)
        default:
            emit(.escape, into: &events)
            ground(b, into: &events)
        }
    }

    private mutating func csi(_ b: UInt8, into events: inout [KeyEvent]) {
        guard (0x40...0x7E).contains(b) else {
            if parameters.count < 32 { parameters.append(b) }
            if !(0x20...0x3F).contains(b) { state = .ground }  // not a CSI byte: give up quietly
            return
        }
        state = .ground
        let fields = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
        let first = fields.first.flatMap { Int($0) }
        let modifier = fields.count > 1 ? Int(fields[1]) ?? 1 : 1
        // xterm modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
        let ctrlOrAlt = modifier > 1 && ((modifier - 1) & 6) != 0
        switch b {
        case UInt8(ascii: "A"): emit(.up, into: &events)
        case UInt8(ascii: "B"): emit(.down, into: &events)
        case UInt8(ascii: "C"): emit(ctrlOrAlt ? .wordRight : .right, into: &events)
        case UInt8(ascii: "D"): emit(ctrlOrAlt ? .wordLeft : .left, into: &events)
        case UInt8(ascii: "H"): emit(.home, into: &events)
        case UInt8(ascii: "F"): emit(.end, into: &events)
        case UInt8(ascii: "Z"): emit(.backTab, into: &events)
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: emit(.home, into: &events)
            case 4, 8: emit(.end, into: &events)
            case 3: emit(.delete, into: &events)
            case 5: emit(.pageUp, into: &events)
            case 6: emit(.pageDown, into: &events)
            case 200:
                flushText(into: &events)
                state = .paste
                pasteBytes = []
            default: emit(.ignored, into: &events)
            }
        default:
            emit(.ignored, into: &events)
        }
    }

    private mutating func ss3(_ b: UInt8, into events: inout [KeyEvent]) {
        state = .ground
        switch b {
        case UInt8(ascii: "A"): emit(.up, into: &events)
        case UInt8(ascii: "B"): emit(.down, into: &events)
        case UInt8(ascii: "C"): emit(.right, into: &events)
        case UInt8(ascii: "D"): emit(.left, into: &events)
        case UInt8(ascii: "H"): emit(.home, into: &events)
        case UInt8(ascii: "F"): emit(.end, into: &events)
        default: emit(.ignored, into: &events)
        }
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    private mutating func paste(_ b: UInt8, into events: inout [KeyEvent]) {
        pasteBytes.append(b)
        guard pasteBytes.count >= Self.pasteEnd.count, b == UInt8(ascii: "~"),
              pasteBytes.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) else { return }
        pasteBytes.removeLast(Self.pasteEnd.count)
        let pasted = String(decoding: pasteBytes, as: UTF8.self)
        pasteBytes = []
        state = .ground
        emit(.paste(pasted), into: &events)
    }
}
