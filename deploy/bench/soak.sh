#!/usr/bin/env bash
# Soak: a steady rate of mixed traffic through the gateway for a number of minutes (default 30 at 20 requests/s):
# building leaders handing out and collecting ballots in one election (VOTING), two counters entering the same
# ballots in another (COUNTING), reads of progress, the election and the notice board, and sign-ins. Every 30 s it
# samples each service's resident memory (RSS) and outbox backlog. It passes when no request failed; the table shows
# whether memory and backlog stay flat. Open loop: latency counts from each request's intended send time.
# Needs the suite running (deploy/local/run.sh), curl and jq.
# Usage: deploy/bench/soak.sh [MINUTES] [RATE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
minutes="${1:-30}"
rate="${2:-20}"
declare -A ports=([gateway]="${OWNERSVOTE_GATEWAY_PORT:-8080}" [election-service]="${OWNERSVOTE_ELECTION_PORT:-8081}"
  [ballot-service]="${OWNERSVOTE_BALLOT_PORT:-8082}" [notification-service]="${OWNERSVOTE_NOTIFICATION_PORT:-8083}")
services=(gateway election-service ballot-service notification-service)
sampler=""

# shellcheck source=lib.sh
. "$here/lib.sh"
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

# --- A: an election in VOTING whose ballots the leaders hand out and collect during the soak
units_a=$((minutes * 60 * rate * 3 / 10 + 1000))
drill_in_voting "$units_a" "耐久发放小区$(date +%m%d%H%M)"
election_a="$election"; community_a="$community"
leaders_of "$election_a" "$work/leaders-a.tsv"
# --- B: an election whose ballots were all collected, moved to COUNTING, entered by two counters during the soak
units_b=$((minutes * 60 * rate / 10 + 500))
drill_in_voting "$units_b" "耐久计票小区$(date +%m%d%H%M)"
election_b="$election"
leaders_of "$election_b" "$work/leaders-b.tsv"
java -cp "$lib" org.ownersvote.deploy.SoakLoad prepare "$gateway" "$election_b" "$work/leaders-b.tsv"
call POST "/api/elections/$election_b/transitions" "$wg" '{"to":"COUNTING","reason":"耐久测试：提前结束投票"}' > /dev/null
{ staff_of "$election_b" counter; staff_of "$election_b" counter; } > "$work/counters.tsv"
marks="$(call GET "/api/elections/$election_b/candidates" "$wg" \
  | jq -c '[.candidates[] | select(.status == "APPROVED") | {(.id): "APPROVE"}] | add')"

# --- the sampler: RSS (MB) and outbox backlog of each service every 30 s
pid_of() { pgrep -f "$root/$1/target/quarkus-app/quarkus-run.jar" | head -1; }
backlog_of() {
  curl -fsS "http://127.0.0.1:${ports[$1]}/q/health/ready" 2>/dev/null \
    | jq -r '[.checks[] | select(.name == "kafka") | .data.outboxBacklog] | first // "-"' 2>/dev/null || echo "?"
}
sample() {
  local line
  line="$(date +%H:%M:%S)"
  for s in "${services[@]}"; do
    pid="$(pid_of "$s")"
    line+="\t$(( $(ps -o rss= -p "$pid" 2>/dev/null || echo 0) / 1024 ))\t$(backlog_of "$s")"
  done
  printf '%b\n' "$line"
}
{
  header="time"
  for s in "${services[@]}"; do header+="\t${s}_rss_mb\t${s}_backlog"; done
  printf '%b\n' "$header"
  while true; do sample; sleep 30; done
} > "$work/samples.tsv" &
sampler=$!

# --- the soak
status=0
java -cp "$lib" org.ownersvote.deploy.SoakLoad run "$gateway" "$election_a" "$work/leaders-a.tsv" "$community_a" \
  "$election_b" "$work/leaders-b.tsv" "$work/counters.tsv" "$marks" "$minutes" "$rate" "$work/minutes.tsv" || status=$?
sleep 5
sample >> "$work/samples.tsv"
kill "$sampler" 2>/dev/null || true
sampler=""

echo
echo "Samples (RSS in MB, outbox backlog in events):"
column -t -s $'\t' "$work/samples.tsv"
awk -F'\t' 'NR == 2 { for (i = 2; i <= NF; i += 2) first[i] = $i }
  NR > 1 { for (i = 2; i <= NF; i += 2) { last[i] = $i; if ($i > max[i]) max[i] = $i }
           for (i = 3; i <= NF; i += 2) if ($i + 0 > bmax[i]) bmax[i] = $i + 0 }
  NR == 1 { for (i = 2; i <= NF; i++) name[i] = $i }
  END { for (i = 2; i <= NF; i += 2) printf "%-30s first %5d MB  last %5d MB  max %5d MB;  backlog max %d\n",
          name[i], first[i], last[i], max[i], bmax[i + 1] }' "$work/samples.tsv"
if [ -n "${OWNERSVOTE_SOAK_KEEP:-}" ]; then
  mkdir -p "$OWNERSVOTE_SOAK_KEEP" && cp "$work"/samples.tsv "$work"/minutes.tsv "$OWNERSVOTE_SOAK_KEEP"/
  echo "samples and per-minute figures kept in $OWNERSVOTE_SOAK_KEEP"
fi
exit "$status"
