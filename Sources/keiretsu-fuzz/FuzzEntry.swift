// libFuzzer entry point for the lexer, statement splitter and parser.
//
// Built only by Fuzz/run.sh (with -sanitize=fuzzer); every input must come back as an AST or a
// CypherError — never a trap, a hang or a crash. Inputs that parse are also printed and parsed
// again, which must succeed.

@testable import KeiretsuCypher

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = StatementSplitter.split(text)
    _ = StatementSplitter.isComplete(text)
    if let statement = try? Parser.parse(text), case .query(let query, _) = statement {
        let printed = query.description
        do {
            _ = try Parser.parse(printed)
        } catch let error as CypherError where error.message.contains("nested too deeply") {
            // Printing adds parentheses, so a query near the depth cap may exceed it when printed.
        } catch {
            // A printed query that does not parse back is a bug: make libFuzzer report it.
            fatalError("round trip failed: \(printed)")  // unreachable: the fuzzer treats this as a finding
        }
    }
    return 0
}
