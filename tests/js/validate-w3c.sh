#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Test tooling only: the w3c export of the export fixture must pass every one
# of the 54 MUST assertions of the W3C Web Annotation test suite
# (../shared/tools/validate-w3c). Skipped (77) without ../shared or node.
set -eu
shared=${DOSSIER_SHARED:-}
validator="$shared/tools/validate-w3c"
[ -n "$shared" ] && [ -x "$validator" ] || { echo "skipped: no $validator"; exit 77; }
command -v node >/dev/null 2>&1 || { echo "skipped: no node"; exit 77; }
fixtures=$(cd "$(dirname "$0")/../fixtures/export" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$DOSSIER_CLI" export "$fixtures/clipping.txt" --notes "$fixtures/notes.json" --format w3c -o "$out/export.jsonld"
"$validator" "$out/export.jsonld"
