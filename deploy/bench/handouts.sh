#!/usr/bin/env bash
# Benchmark: many building leaders recording handouts at once, through the gateway and directly against
# ballot-service, beside a pgbench baseline of single-row inserts with the same number of clients on the same
# PostgreSQL. Sets up a drill election in VOTING on a generated roster, one building leader per building.
# Needs the suite running (deploy/local/run.sh), psql and pgbench.
# Usage: deploy/bench/handouts.sh [UNITS] [CONCURRENCY]     (defaults 20000, 32)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
units="${1:-20000}"
concurrency="${2:-32}"

# shellcheck source=lib.sh
. "$here/lib.sh"

# --- a drill election in VOTING on a generated roster, one building leader per building
drill_in_voting "$units" "发放基准小区$(date +%m%d%H%M)"
leaders_of "$election" "$work/leaders.tsv"
echo "$(wc -l < "$work/leaders.tsv") building leaders, $concurrency at a time"

# --- baseline: pgbench, single-row inserts into a plain table, same number of clients
pgbench_baseline "$concurrency"

# --- measured
java -cp "$lib" org.ownersvote.deploy.HandoutLoad "$gateway" "$ballot_service" "$election" "$work/leaders.tsv" \
  "$concurrency" | tee "$work/load.txt"
ratios "$(grep '^RESULT' "$work/load.txt")"
