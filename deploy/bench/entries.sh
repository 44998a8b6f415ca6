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

drill_in_voting "$units" "计票基准小区$(date +%m%d%H%M)"
leaders_of "$election" "$work/leaders.tsv"
java -cp "$lib" org.ownersvote.deploy.SoakLoad prepare "$gateway" "$election" "$work/leaders.tsv"
call POST "/api/elections/$election/transitions" "$wg" '{"to":"COUNTING","reason":"基准测试：提前结束投票"}' > /dev/null
{ staff_of "$election" counter; staff_of "$election" counter; } > "$work/counters.tsv"
marks="$(call GET "/api/elections/$election/candidates" "$wg" \
  | jq -c '[.candidates[] | select(.status == "APPROVED") | {(.id): "APPROVE"}] | add')"

pgbench_baseline "$concurrency"
java -cp "$lib" org.ownersvote.deploy.CountingLoad "$gateway" "$ballot_service" "$election" "$work/leaders.tsv" \
  "$work/counters.tsv" "$marks" "$concurrency" | tee "$work/load.txt"
ratios "$(grep '^RESULT' "$work/load.txt")"
