#!/usr/bin/env bash
# Regenerates exports/ from the default seed graph: alliance.graphml, alliance.dot and
# alliance.svg (Graphviz's dot must be on PATH).
#
#   bash scripts/exports.sh [OUT_DIR]      (default: exports)
#
# .ci/checks/exports.sh runs this into a temporary folder and fails when the committed files
# differ, so the pictures in the repository always match the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-exports}
mkdir -p "$out"
swift build --product keiretsu >/dev/null
bin="$(swift build --show-bin-path)/keiretsu"
"$bin" export --format graphml -o "$out/alliance.graphml"
"$bin" export --format dot --cluster-by alliance -o "$out/alliance.dot"
"$bin" export --format svg --cluster-by alliance --layout dot -o "$out/alliance.svg"
