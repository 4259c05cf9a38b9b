// The process environment as a dictionary, read from `environ` (no Foundation needed).
//
// The REPL consults it for TERM, NO_COLOR, HOME, XDG_STATE_HOME and KEIRETSU_HISTORY; tests
// pass their own dictionaries instead.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

enum ProcessEnvironment {
    static var current: [String: String] {
        var out: [String: String] = [:]
        #if canImport(Darwin)
        guard let env = _NSGetEnviron()?.pointee else { return out }
        #else
        guard let env = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return out }
        #endif
        var i = 0
        while let entry = env[i] {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                let key = String(text[..<eq])
                if out[key] == nil { out[key] = String(text[text.index(after: eq)...]) }
            }
            i += 1
        }
        return out
    }
}
