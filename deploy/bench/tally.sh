#!/usr/bin/env bash
# Benchmark: the tally engine on 10,000, 100,000 and 1,000,000 generated ballots × 15 candidates, beside a plain SQL
# aggregation of the same ballots in PostgreSQL (approving count and area per candidate, participation) as baseline.
# The SQL baseline does less than the engine (no one-person rule, no over-vote rule, no ranking): it is the floor.
# Needs a built tree (mvn -DskipTests install) and psql. Usage: deploy/bench/tally.sh [SIZES...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
pg="psql -h ${OWNERSVOTE_BENCH_PG_HOST:-127.0.0.1} -p ${OWNERSVOTE_BENCH_PG_PORT:-5432} -U postgres -qAt"
cp="$root/ballot-service/target/classes:$root/ballot-service/target/test-classes"
work="$(mktemp -d)"
trap 'rm -rf "$work"; $pg -d postgres -c "drop database if exists ownersvote_bench" > /dev/null 2>&1 || true' EXIT

$pg -d postgres -c "drop database if exists ownersvote_bench" -c "create database ownersvote_bench"
cols="$(for c in $(seq 0 14); do printf ', c%d smallint' "$c"; done)"
sums="$(for c in $(seq 0 14); do printf ', count(*) filter (where c%d = 1), sum(area) filter (where c%d = 1)' "$c" "$c"; done)"
printf '%10s %12s %12s %8s\n' ballots engine_ms sql_ms ratio
for n in "${sizes[@]}"; do
  engine_ms="$(java -Xmx6g -cp "$cp" org.ownersvote.ballot.bench.TallyBenchmark "$n" "$work/ballots.csv" \
    | sed -n 's/^RESULT engine_ms=//p')"
  $pg -d ownersvote_bench -c "drop table if exists ballot" \
    -c "create table ballot (serial integer, person text, area numeric(12,2), valid smallint $cols)" \
    -c "\\copy ballot from '$work/ballots.csv' with (format csv)" -c "analyze ballot"
  query="select count(*), count(distinct person), sum(area) $sums from ballot where valid = 1"
  best=""
  for _ in 1 2 3; do
    start=$(date +%s%N)
    $pg -d ownersvote_bench -c "$query" > /dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '%10d %12d %12d %8.2f\n' "$n" "$engine_ms" "$best" "$(awk "BEGIN { print $engine_ms / ($best > 0 ? $best : 1) }")"
done
