// keiretsu-tck: runs the openCypher TCK (../shared/tck beside the package) against the engine.
// Everything lives in the KeiretsuTCK library so that it is unit-tested; see TCKCommand.swift
// for the options.

import Foundation
import KeiretsuTCK

exit(TCKCommand.main(Array(CommandLine.arguments.dropFirst())))
