// The keiretsu executable: everything lives in KeiretsuCLI; this file only hands over the
// arguments and exits with the status the command returns.

import KeiretsuCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

exit(KeiretsuCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
