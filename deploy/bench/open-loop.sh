#!/usr/bin/env bash
# Benchmark, open loop: handouts through the gateway at a fixed arrival rate for a number of seconds, latency counted
# from each handout's intended send time (a closed loop, which waits for answers before sending more, hides the
# queueing a stalled server causes). Sets up a drill election with enough ballots.
# Needs the suite running (deploy/local/run.sh).
# Usage: deploy/bench/open-loop.sh [RATE] [SECONDS]     (defaults 500, 60)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rate="${1:-500}"
seconds="${2:-60}"

# shellcheck source=lib.sh
. "$here/lib.sh"

drill_in_voting "$(( rate * seconds * 105 / 100 + 1000 ))" "定速基准小区$(date +%m%d%H%M)"
leaders_of "$election" "$work/leaders.tsv"
java -cp "$lib" org.ownersvote.deploy.HandoutLoad open "$gateway" "$election" "$work/leaders.tsv" "$rate" "$seconds"
