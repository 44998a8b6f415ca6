#!/usr/bin/env bash
# Benchmark: two counters entering the same paper ballots (double entry), through the gateway and directly against
# ballot-service, beside the pgbench baseline of single-row inserts with the same number of clients. Sets up a drill
# election, hands out and collects every ballot, moves it to COUNTING and makes two counter accounts.
# Needs the suite running (deploy/local/run.sh), psql and pgbench.
# Usage: deploy/bench/entries.sh [UNITS] [CONCURRENCY]     (defaults 8000, 32)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
units="${1:-8000}"
concurrency="${2:-32}"

# shellcheck source=lib.sh
. "$here/lib.sh"

drill_in_counting "$units" "计票基准小区$(date +%m%d%H%M)"

pgbench_baseline "$concurrency"
java -cp "$lib" org.ownersvote.deploy.CountingLoad "$gateway" "$ballot_service" "$election" "$work/leaders.tsv" \
  "$work/counters.tsv" "$marks" "$concurrency" | tee "$work/load.txt"
ratios "$(grep '^RESULT' "$work/load.txt")"
