#!/usr/bin/env bash
# CI check: run the saved query library (queries/*.cyt) on the default seed graph (./seeds) and
# fail on any failed record, any file that does not parse, or a seed folder that does not load
# (`keiretsu test` exits 1 or 2). Prints the wall time of the run; the library is meant to take
# under 1 s once the graph is built (issue 6), so a slower run is reported as a warning.
#
# Debug build on purpose, like tck.sh: .ci/run has just built debug, so this only links.
# When the GitHub Actions runner sets GITHUB_ACTIONS=true, failures also become annotations.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product keiretsu
bin="$(swift build --show-bin-path)/keiretsu"

start=$(date +%s%N)
status=0
"$bin" test queries/ "$@" || status=$?
end=$(date +%s%N)
elapsed_ms=$(( (end - start) / 1000000 ))
printf 'saved-queries: wall time %d.%03d s\n' $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
if [ "$elapsed_ms" -gt 1000 ]; then
    echo "saved-queries: warning: slower than the 1 s budget of issue 6"
fi
exit "$status"
