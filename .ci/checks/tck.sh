#!/usr/bin/env bash
# CI check: run the openCypher TCK (../shared/tck beside the package) and fail when a scenario
# listed in Tests/TCK/ratchet.txt no longer passes. New passes are reported; add them with
# `swift run keiretsu-tck --update-ratchet` in the same commit.
#
# Debug build on purpose: .ci/run has just built debug, so this only links the runner. Measured
# on the 2-core CI machine: a release build of keiretsu-tck takes ~110 s, while the whole TCK run
# takes ~1.2 s in debug and ~0.4 s in release.
# When the TCK folder is absent the runner says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product keiretsu-tck
exec "$(swift build --show-bin-path)/keiretsu-tck" --check-ratchet --causes 10 "$@"
