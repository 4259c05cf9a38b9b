#!/usr/bin/env bash
# Fuzzes keiretsu's lexer, statement splitter and parser with libFuzzer.
#
#   bash Fuzz/run.sh [SECONDS]      (default 60)
#
# SwiftPM builds the modules with -sanitize=fuzzer into .build-fuzz; the final link is done here
# because SwiftPM's executable link expects a Swift main, while libFuzzer brings its own. New
# interesting inputs are added to Fuzz/corpus; crashes land in Fuzz/crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
swift build --scratch-path .build-fuzz -c release --product keiretsu-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -enable-testing >/dev/null 2>&1 || true
release=.build-fuzz/x86_64-unknown-linux-gnu/release
objects=()
while IFS= read -r -d '' o; do objects+=("$o"); done < <(
    find "$release/KeiretsuGraph.build" "$release/KeiretsuCypher.build" "$release/keiretsu_fuzz.build" \
         "$release/OrderedCollections.build" "$release/InternalCollectionsUtilities.build" \
         -name '*.o' -print0 2>/dev/null)
swiftc -sanitize=fuzzer "${objects[@]}" -o .build-fuzz/keiretsu-fuzz
mkdir -p Fuzz/crashes
SWIFT_BACKTRACE=enable=no .build-fuzz/keiretsu-fuzz -max_total_time="$seconds" -max_len=512 -timeout=10 \
    -artifact_prefix=Fuzz/crashes/ -dict=Fuzz/cypher.dict Fuzz/corpus
