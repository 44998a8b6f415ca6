#!/usr/bin/env bash
# Benchmark: GET /api/elections/{id}/tally through the gateway on an election whose UNITS ballots were all handed
# out, returned and entered by two agreeing counters: the first call after the last entry (the tally is computed),
# then repeated calls with nothing changed (answered from TallyCache), beside a baseline of GET /api/elections/{id}
# (a small read through the same gateway and token) timed the same way. Each figure is the median of RUNS calls.
# Then, as scrutineers watch a count go on, RUNS ballots held back from the load are counted one at a time (two
# agreeing entries through the gateway) and the tally is timed after each: it goes on from the count kept with the
# last tally instead of recounting the ledger. Only an election this run set up has ballots held back.
# Needs the suite running (deploy/local/run.sh), curl and jq. Usage: deploy/bench/tally-api.sh [UNITS] [RUNS]
# Setting up 100,000 units takes about 16 minutes; OWNERSVOTE_BENCH_ELECTION=<id> times an election a former run set
# up instead (the local run keeps its data across restarts), e.g. to compare two builds on the same ballots.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
units="${1:-100000}"
runs="${2:-7}"

# shellcheck source=lib.sh
. "$here/lib.sh"

started=$SECONDS
if [ -n "${OWNERSVOTE_BENCH_ELECTION:-}" ]; then
  election="$OWNERSVOTE_BENCH_ELECTION"
else
  drill_in_counting "$units" "计票读取基准小区$(date +%m%d%H%M)"
  java -cp "$lib" org.ownersvote.deploy.CountingLoad "$gateway" "$ballot_service" "$election" "$work/leaders.tsv" \
    "$work/counters.tsv" "$marks" 32 "$runs" | tee "$work/counting.out" | grep '^RESULT\|errors'
  awk '/^HELD / { print $2 }' "$work/counting.out" > "$work/held.txt"
  echo "set up in $((SECONDS - started)) s; to time it again: OWNERSVOTE_BENCH_ELECTION=$election $0 $units $runs"
fi
# access tokens last 15 minutes: sign in afresh, as a scrutineer of the election
admin="$(login admin "$(cat "$data/admin-password")")"
community="$(call GET "/api/elections/$election" "$admin" | jq -r .communityId)"
read -r reader _ < <(staff_of "$election" scrutineer)

ms() { curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $reader" "$gateway$1" | awk '{ printf "%.1f", $1 * 1000 }'; }
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
first="$(ms "/api/elections/$election/tally")"
call GET "/api/elections/$election/tally" "$reader" > "$work/tally.json"
counted="$(jq -r '[.. | objects | (.countedBallots? // .ballotsCounted? // .validBallots? // empty)] | first // empty' "$work/tally.json" 2>/dev/null || true)"
again=""; base=""
for _ in $(seq 1 "$runs"); do
  again="$again $(ms "/api/elections/$election/tally")"
  base="$base $(ms "/api/elections/$election")"
done
printf 'tally of %s units (%s counted): first call %s ms; unchanged, median of %s: %s ms; baseline GET election: %s ms\n' \
  "$units" "${counted:-?}" "$first" "$runs" "$(median <<< "${again# }")" "$(median <<< "${base# }")"

if [ -s "$work/held.txt" ]; then
  # the counters' tokens were issued at set-up: sign them in afresh as well
  mapfile -t counter_tokens < <(cut -f2 "$work/counters.tsv" | while read -r user; do login "$user" "$bench_password"; done)
  more=""
  while read -r serial; do
    for token in "${counter_tokens[@]}"; do
      call POST "/api/elections/$election/counting/entries" "$token" \
        "{\"serial\":\"$serial\",\"signature\":\"OWNER\",\"marks\":$marks}" > /dev/null
    done
    more="$more $(ms "/api/elections/$election/tally")"
  done < "$work/held.txt"
  printf 'after one more ballot counted, median of %s: %s ms (each:%s ms)\n' "$(wc -l < "$work/held.txt")" \
    "$(median <<< "${more# }")" "$more"
fi
