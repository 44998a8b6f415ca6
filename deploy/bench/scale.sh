#!/usr/bin/env bash
# Benchmark: does a handout cost the same in a small and a large election? The same closed-loop handout run (LIMIT
# handouts through the gateway and LIMIT directly, after a warm-up) on a drill election of SMALL units and one of
# LARGE units, one after the other on the same running suite; prints both and the large/small ratios. A query that
# grows with the election (a scan of the roster, of every ballot or of every step) shows as a ratio well above 1.
# Needs the suite running (deploy/local/run.sh), psql, curl and jq.
# Usage: deploy/bench/scale.sh [SMALL] [LARGE] [LIMIT] [CONCURRENCY]     (defaults 8000 100000 3000 32)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
small="${1:-8000}"
large="${2:-100000}"
limit="${3:-3000}"
concurrency="${4:-32}"

# shellcheck source=lib.sh
. "$here/lib.sh"

declare -A result
for units in "$small" "$large"; do
  started=$SECONDS
  drill_in_voting "$units" "规模基准小区${units}-$(date +%m%d%H%M%S)"
  echo "set up in $((SECONDS - started)) s"
  leaders_of "$election" "$work/leaders-$units.tsv"
  java -cp "$lib" org.ownersvote.deploy.HandoutLoad "$gateway" "$ballot_service" "$election" \
    "$work/leaders-$units.tsv" "$concurrency" "$limit" | tee "$work/load-$units.txt"
  result[$units]="$(grep '^RESULT' "$work/load-$units.txt")"
done

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<< " ${result[$1]}"; }
printf '\n%-28s %12s %12s %8s\n' "$concurrency in flight, $limit each" "$small units" "$large units" "ratio"
for f in gateway_per_s gateway_p99_ms direct_per_s direct_p99_ms; do
  a="$(field "$small" "$f")"; b="$(field "$large" "$f")"
  printf '%-28s %12s %12s %8.2f\n' "$f" "$a" "$b" "$(awk "BEGIN { print $b / $a }")"
done
