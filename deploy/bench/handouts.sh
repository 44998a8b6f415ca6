#!/usr/bin/env bash
# Benchmark: many building leaders recording handouts at once, through the gateway and directly against
# ballot-service, beside a pgbench baseline of single-row inserts with the same number of clients on the same
# PostgreSQL. Sets up a drill election in VOTING on a generated roster, one building leader per building.
# Needs the suite running (deploy/local/run.sh), psql and pgbench.
# Usage: deploy/bench/handouts.sh [UNITS] [CONCURRENCY]     (defaults 20000, 32)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
units="${1:-20000}"
concurrency="${2:-32}"
gateway="${OWNERSVOTE_GATEWAY:-http://127.0.0.1:8080}"
ballot_service="${OWNERSVOTE_BALLOT:-http://127.0.0.1:8082}"
data="${OWNERSVOTE_DATA:-$root/deploy/local/data}"
pg_host="${OWNERSVOTE_BENCH_PG_HOST:-127.0.0.1}"
pg_port="${OWNERSVOTE_BENCH_PG_PORT:-5432}"
pg="psql -h $pg_host -p $pg_port -U postgres -qAt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lib="$root/deploy/local/target/lib/*:$root/deploy/local/target/classes"

call() { # METHOD PATH TOKEN [BODY]
  curl -sS --fail-with-body -X "$1" "$gateway$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} \
    ${4:+-d "$4"}
}
login() { call POST /api/auth/login "" "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
stamp="$(date +%s)"
password="bench2026handouts"

# --- a drill election in VOTING on a generated roster
java -cp "$lib" org.ownersvote.deploy.RosterGenerator "$units" "$work/roster.csv"
admin="$(login admin "$(cat "$data/admin-password")")"
community="$(call POST /api/communities "$admin" '{"name":"发放基准小区","district":"普陀区","street":"真如镇街道"}' | jq -r .id)"
call POST /api/admin/users "$admin" "{\"username\":\"wg-$stamp\",\"password\":\"$password\",\"displayName\":\"bench\",
  \"roles\":[\"working-group\"],\"communityId\":\"$community\"}" > /dev/null
wg="$(login "wg-$stamp" "$password")"
curl -fsS -X PUT "$gateway/api/communities/$community/roster" -H "Authorization: Bearer $wg" \
  -H 'Content-Type: text/csv' --data-binary @"$work/roster.csv" > /dev/null
election="$(call POST /api/elections "$wg" "{\"communityId\":\"$community\",\"title\":\"发放基准演练\",
  \"rulePack\":\"CN-2021\",\"seats\":5,\"alternates\":0,\"votingDays\":14,\"drill\":true}" | jq -r .id)"
call POST "/api/elections/$election/transitions" "$wg" '{"to":"NOMINATION"}' > /dev/null
approved=0
for unit in 2201 2202 2203 2204 2205 2206 2207 2208 2209 2210 2211 2212; do
  [ "$approved" -ge 5 ] && break
  name="$(awk -F, -v u="$unit" '$1 == "1号楼" && $2 == u { split($5, o, ";"); print o[1] }' "$work/roster.csv")"
  id="$(call POST "/api/elections/$election/nominations" "$wg" "{\"unit\":{\"building\":\"1号楼\",\"unit\":\"$unit\"},
    \"name\":\"$name\",\"statement\":\"\",\"nominators\":[{\"building\":\"1号楼\",\"unit\":\"101\"}],
    \"commitmentReceived\":true}" 2>/dev/null | jq -r .id)" || continue
  call POST "/api/elections/$election/candidates/$id/review" "$wg" '{"decision":"APPROVED"}' > /dev/null
  approved=$((approved + 1))
done
call POST "/api/elections/$election/transitions" "$wg" '{"to":"CANDIDATE_PUBLICITY"}' > /dev/null
call POST "/api/elections/$election/transitions" "$wg" '{"to":"VOTING"}' > /dev/null
counted="$(call GET "/api/elections/$election" "$wg" | jq -r .electorate.countedUnits)"
for _ in $(seq 1 240); do
  issued="$(call GET "/api/elections/$election/ballots/progress" "$wg" | jq '[.buildings[].units] | add // 0')"
  [ "$issued" = "$counted" ] && break
  sleep 0.5
done
echo "election $election: $issued ballots issued for $counted counted units"

# --- one building leader per building
: > "$work/leaders.tsv"
for building in $(call GET "/api/elections/$election/ballots/progress" "$wg" | jq -r '.buildings[].building'); do
  user="bl-$stamp-$(printf '%s' "$building" | md5sum | cut -c1-8)"
  call POST /api/admin/users "$admin" "{\"username\":\"$user\",\"password\":\"$password\",\"displayName\":\"$building\",
    \"roles\":[\"building-leader\"],\"communityId\":\"$community\",\"electionId\":\"$election\",
    \"buildings\":[\"$building\"]}" > /dev/null
  printf '%s\t%s\n' "$building" "$(login "$user" "$password")" >> "$work/leaders.tsv"
done
echo "$(wc -l < "$work/leaders.tsv") building leaders, $concurrency at a time"

# --- baseline: pgbench, single-row inserts into a plain table, same number of clients
$pg -d postgres -c "drop database if exists ownersvote_bench" -c "create database ownersvote_bench"
$pg -d ownersvote_bench -c "create table handout (id bigint generated always as identity primary key,
  serial text not null, recipient text not null, at timestamptz not null)"
cat > "$work/insert.sql" <<'SQL'
insert into handout (serial, recipient, at) values ('K7Q2MX-000127', '张三', now());
SQL
(cd "$work" && pgbench -h "$pg_host" -p "$pg_port" -U postgres -n -c "$concurrency" -j 2 -T 15 -l \
  -f "$work/insert.sql" ownersvote_bench > "$work/pgbench.txt" 2>&1)
$pg -d postgres -c "drop database ownersvote_bench"
pg_tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt")"
pg_p99="$(cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.1f", a[i]/1000}')"

# --- measured
java -cp "$lib" org.ownersvote.deploy.HandoutLoad "$gateway" "$ballot_service" "$election" "$work/leaders.tsv" \
  "$concurrency" | tee "$work/load.txt"
result="$(grep '^RESULT' "$work/load.txt")"
value() { printf '%s' "$result" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
printf '%-34s %7s %8.1f /s   p99 %6.1f ms\n' "baseline: pgbench single-row insert" "" "$pg_tps" "$pg_p99"
printf 'ratios: gateway / pgbench throughput %.3f, direct / pgbench %.3f; target: gateway >= 1000 /s with p99 < 50 ms\n' \
  "$(awk "BEGIN { print $(value gateway_per_s) / $pg_tps }")" "$(awk "BEGIN { print $(value direct_per_s) / $pg_tps }")"
