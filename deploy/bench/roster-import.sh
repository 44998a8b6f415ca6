#!/usr/bin/env bash
# Benchmark: import a 100,000-unit roster through the gateway and compute its electorate, beside a baseline of
# PostgreSQL's own COPY of the same rows into a plain table on the same server.
# Needs the suite running (deploy/local/run.sh) and psql. Usage: deploy/bench/roster-import.sh [UNITS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
units="${1:-100000}"
gateway="${OWNERSVOTE_GATEWAY:-http://127.0.0.1:8080}"
data="${OWNERSVOTE_DATA:-$root/deploy/local/data}"
pg="${OWNERSVOTE_BENCH_PSQL:-psql -h 127.0.0.1 -U postgres -qAt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

lib="$root/deploy/local/target/lib/*:$root/deploy/local/target/classes"
java -cp "$lib" org.ownersvote.deploy.RosterGenerator "$units" "$work/roster.csv"
echo "roster: $units units, $(du -h "$work/roster.csv" | cut -f1)"

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
post() { curl -fsS -X POST "$gateway$2" -H 'Content-Type: application/json' ${1:+-H "Authorization: Bearer $1"} -d "$3"; }
admin="$(post "" /api/auth/login "{\"username\":\"admin\",\"password\":\"$(cat "$data/admin-password")\"}" | json_field accessToken)"
community="$(post "$admin" /api/communities '{"name":"基准小区","district":"普陀区","street":"真如镇街道"}' | json_field id)"
wg_user="bench-$(date +%s)"
post "$admin" /api/admin/users "{\"username\":\"$wg_user\",\"password\":\"bench2026roster\",\"displayName\":\"bench\",\
\"roles\":[\"working-group\"],\"communityId\":\"$community\"}" > /dev/null
wg="$(post "" /api/auth/login "{\"username\":\"$wg_user\",\"password\":\"bench2026roster\"}" | json_field accessToken)"

# --- baseline: PostgreSQL COPY of the same file into a plain table (no checks, no indexes but the primary key)
$pg -d postgres -c "drop database if exists ownersvote_bench" -c "create database ownersvote_bench"
$pg -d ownersvote_bench -c "create table roster_copy (building text, unit text, kind text, area_m2 numeric(12,2),
  owners text, owner_ref text, phone text, developer_held boolean, primary key (building, unit))"
copy_start=$(date +%s.%N)
$pg -d ownersvote_bench -c "\\copy roster_copy from '$work/roster.csv' with (format csv, header true)"
copy_end=$(date +%s.%N)
$pg -d postgres -c "drop database ownersvote_bench"

# --- measured: PUT the roster through the gateway (parse, check every row, diff, store, count the electorate)
import_seconds="$(curl -fsS -o "$work/import.json" -w '%{time_total}' -X PUT "$gateway/api/communities/$community/roster" \
  -H "Authorization: Bearer $wg" -H 'Content-Type: text/csv' --data-binary @"$work/roster.csv")"
electorate_seconds="$(curl -fsS -o "$work/electorate.json" -w '%{time_total}' \
  "$gateway/api/communities/$community/electorate?rulePack=CN-2021" -H "Authorization: Bearer $wg")"

copy_seconds="$(awk "BEGIN { print $copy_end - $copy_start }")"
echo "electorate: $(cat "$work/electorate.json")"
printf '%-58s %8.2f s\n' "baseline: psql \\copy of the same CSV into a plain table" "$copy_seconds"
printf '%-58s %8.2f s\n' "roster import through the gateway (PUT .../roster)" "$import_seconds"
printf '%-58s %8.2f s\n' "electorate computation (GET .../electorate)" "$electorate_seconds"
printf '%-58s %8.1f x\n' "import / baseline" "$(awk "BEGIN { print $import_seconds / $copy_seconds }")"
