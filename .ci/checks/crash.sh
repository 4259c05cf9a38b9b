#!/usr/bin/env bash
# CI check: kill writers of a database file with SIGKILL at random moments (at least 50 trials,
# about two minutes at most), then verify that every statement reported committed is there,
# no other one is, every statement is whole, readers never saw half a statement, and
# `keiretsu check` is clean. See scripts/crash_test.py.
#
# Debug build on purpose: .ci/run has just built it, so this costs no compilation.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product keiretsu >/dev/null
exec python3 scripts/crash_test.py --keiretsu "$(swift build --show-bin-path)/keiretsu" --trials 60 --budget 100 "$@"
