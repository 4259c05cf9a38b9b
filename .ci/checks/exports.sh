#!/usr/bin/env bash
# CI check: the committed exports/ match what the seeds produce now, the GraphML validates
# against the GraphML schema, and Graphviz reads the DOT without a word on stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash scripts/exports.sh "$fresh" 2>/dev/null
status=0
for f in alliance.graphml alliance.dot alliance.svg; do
    if ! cmp -s "exports/$f" "$fresh/$f"; then
        echo "exports/$f is stale: run 'bash scripts/exports.sh' and commit the result"
        diff <(head -c 4000 "exports/$f") <(head -c 4000 "$fresh/$f") | head -20 || true
        status=1
    fi
done
schema=../shared/schemas/graphml/graphml.xsd
if [ -f "$schema" ]; then
    xmllint --nonet --noout --schema "$schema" exports/alliance.graphml || status=1
else
    echo "note: $schema not found; GraphML schema validation skipped"
fi
warnings=$(dot -Tsvg exports/alliance.dot 2>&1 >/dev/null)
if [ -n "$warnings" ]; then
    echo "dot complained about exports/alliance.dot:"
    echo "$warnings"
    status=1
fi
[ "$status" -eq 0 ] && echo "exports: fresh, valid, and accepted by Graphviz"
exit "$status"
