#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzz.sh BUILDDIR SECONDS [TARGET...]
#
# Runs each libFuzzer target of BUILDDIR (configured with -Dfuzzing=true)
# for SECONDS, one after the other, on a corpus seeded from tests/fixtures
# and from notes and W3C files written by that build's dossier-cli.
# The corpora live in $DOSSIER_FUZZ_CORPUS (default: a temporary folder),
# never in the project. A crash leaves its input in the corpus folder as
# crash-* and makes the script fail.
set -eu

[ $# -ge 2 ] || { echo "usage: $0 BUILDDIR SECONDS [TARGET...]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "$1" && pwd)
seconds=$2
shift 2
[ $# -gt 0 ] || set -- import text html exports analysis notes w3c

if [ -n "${DOSSIER_FUZZ_CORPUS:-}" ]; then
  corpus=$DOSSIER_FUZZ_CORPUS
  mkdir -p "$corpus"
else
  corpus=$(mktemp -d "${TMPDIR:-/tmp}/dossier-fuzz-XXXXXX")
  trap 'rm -rf "$corpus"' EXIT
fi
cli="$builddir/src/cli/dossier-cli"
fixtures="$top/tests/fixtures"

seed () {
  target=$1
  dir="$corpus/$target"
  [ -d "$dir" ] && return 0
  mkdir -p "$dir"
  case $target in
    import)
      find "$fixtures" -type f -size -200k -exec cp {} "$dir/" \; ;;
    text)
      find "$fixtures/text" "$fixtures/cli" "$fixtures/app" -type f -size -200k \
        -exec cp {} "$dir/" \; ;;
    html)
      find "$fixtures/html" -type f -size -200k -exec cp {} "$dir/" \; ;;
    exports)
      find "$fixtures/exports" -type f -size -200k -exec cp {} "$dir/" \; ;;
    analysis)
      find "$fixtures/text" "$fixtures/cli" "$fixtures/exports" -type f -size -200k \
        -exec cp {} "$dir/" \; ;;
    notes|w3c)
      n=0
      for clipping in "$fixtures"/notes/*.txt "$fixtures"/cli/*.txt; do
        [ -f "$clipping" ] || continue
        n=$((n + 1))
        notes="$dir/seed-$n.json"
        quote=$(awk 'length($0) > 40 { print substr($0, 1, 20); exit }' "$clipping")
        "$cli" annotate "$clipping" --quote "$quote" --note "A *note*" --tag seed \
          --color green --notes "$notes" >/dev/null 2>&1 || continue
        "$cli" annotate "$clipping" --quote "$quote" --occurrence 1 --note "Again" \
          --notes "$notes" >/dev/null 2>&1 || true
        if [ "$target" = w3c ]; then
          "$cli" export "$clipping" --format w3c --notes "$notes" -o "$dir/w3c-$n.json" \
            >/dev/null 2>&1 || true
          rm -f "$notes"
        fi
      done ;;
  esac
}

status=0
for target in "$@"; do
  exe="$builddir/tests/fuzz/fuzz-$target"
  [ -x "$exe" ] || { echo "run-fuzz: no $exe" >&2; exit 1; }
  seed "$target"
  echo "run-fuzz: fuzz-$target for ${seconds}s ($(ls "$corpus/$target" | wc -l) inputs)"
  # Leaks are found by the test suite under LeakSanitizer; here they would
  # only repeat GLib's one-time allocations.
  if ! ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" \
       UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
       "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
         -max_len=65536 -print_final_stats=1 -artifact_prefix="$corpus/$target-" \
         "$corpus/$target" 2>"$corpus/$target.log"; then
    tail -n 60 "$corpus/$target.log" >&2
    echo "run-fuzz: fuzz-$target failed; input in $corpus/$target-*" >&2
    status=1
    [ -z "${DOSSIER_FUZZ_CORPUS:-}" ] && cp "$corpus/$target"-* "${TMPDIR:-/tmp}/" 2>/dev/null || true
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$corpus/$target.log" | tail -n 2
  fi
done
exit $status
