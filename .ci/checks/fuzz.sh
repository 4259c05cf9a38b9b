#!/usr/bin/env bash
# CI check: a short libFuzzer run over the committed corpus (Fuzz/corpus). Any crash, trap,
# timeout or parse → print → parse mismatch fails the check; libFuzzer leaves the input in
# Fuzz/crashes/. Longer runs: `bash Fuzz/run.sh SECONDS`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Fuzz/run.sh "${KEIRETSU_FUZZ_SECONDS:-30}" 2>&1 | tail -n 3
