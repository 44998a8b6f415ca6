# Sourced by the benchmark and soak scripts: where the suite is, a scratch folder removed on exit, API calls through
# the gateway, a drill election set up in VOTING, and the pgbench baseline. Needs curl, jq; pgbench for the baseline.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gateway="${OWNERSVOTE_GATEWAY:-http://127.0.0.1:8080}"
ballot_service="${OWNERSVOTE_BALLOT:-http://127.0.0.1:8082}"
data="${OWNERSVOTE_DATA:-$root/deploy/local/data}"
lib="$root/deploy/local/target/lib/*:$root/deploy/local/target/classes"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

call() { # METHOD PATH TOKEN [BODY]
  curl -sS --fail-with-body -X "$1" "$gateway$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} \
    ${4:+-d "$4"}
}
login() { call POST /api/auth/login "" "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
bench_password="bench2026handouts"

# drill_in_voting UNITS NAME: a community with a generated roster of UNITS units and a drill election in VOTING with
# five approved candidates and its ballots issued. Sets admin, community, wg (its working group's token), wg_user
# (its username), election.
drill_in_voting() {
  local units="$1" name="$2" stamp roster approved unit owner id counted issued
  stamp="$(date +%s%N | cut -c1-13)"
  roster="$work/roster-$stamp.csv"
  java -cp "$lib" org.ownersvote.deploy.RosterGenerator "$units" "$roster"
  admin="$(login admin "$(cat "$data/admin-password")")"
  community="$(call POST /api/communities "$admin" "{\"name\":\"$name\",\"district\":\"普陀区\",\"street\":\"真如镇街道\"}" \
    | jq -r .id)"
  wg_user="wg-$stamp"
  call POST /api/admin/users "$admin" "{\"username\":\"wg-$stamp\",\"password\":\"$bench_password\",
    \"displayName\":\"bench\",\"roles\":[\"working-group\"],\"communityId\":\"$community\"}" > /dev/null
  wg="$(login "wg-$stamp" "$bench_password")"
  curl -fsS -X PUT "$gateway/api/communities/$community/roster" -H "Authorization: Bearer $wg" \
    -H 'Content-Type: text/csv' --data-binary @"$roster" > /dev/null
  election="$(call POST /api/elections "$wg" "{\"communityId\":\"$community\",\"title\":\"${name}演练\",
    \"rulePack\":\"CN-2021\",\"seats\":5,\"alternates\":0,\"votingDays\":14,\"drill\":true}" | jq -r .id)"
  call POST "/api/elections/$election/transitions" "$wg" '{"to":"NOMINATION"}' > /dev/null
  approved=0
  for unit in 2201 2202 2203 2204 2205 2206 2207 2208 2209 2210 2211 2212; do
    [ "$approved" -ge 5 ] && break
    owner="$(awk -F, -v u="$unit" '$1 == "1号楼" && $2 == u { split($5, o, ";"); print o[1] }' "$roster")"
    id="$(call POST "/api/elections/$election/nominations" "$wg" "{\"unit\":{\"building\":\"1号楼\",\"unit\":\"$unit\"},
      \"name\":\"$owner\",\"statement\":\"\",\"nominators\":[{\"building\":\"1号楼\",\"unit\":\"101\"}],
      \"commitmentReceived\":true}" 2>/dev/null | jq -r .id)" || continue
    call POST "/api/elections/$election/candidates/$id/review" "$wg" '{"decision":"APPROVED"}' > /dev/null
    approved=$((approved + 1))
  done
  call POST "/api/elections/$election/transitions" "$wg" '{"to":"CANDIDATE_PUBLICITY"}' > /dev/null
  # a large electorate takes longer to publish and to issue ballots for: wait in proportion
  for _ in $(seq 1 $((120 + units / 200))); do
    call POST "/api/elections/$election/transitions" "$wg" '{"to":"VOTING"}' > /dev/null 2>&1 && break
    sleep 0.5
  done
  counted="$(call GET "/api/elections/$election" "$wg" | jq -r .electorate.countedUnits)"
  for _ in $(seq 1 $((240 + units / 100))); do
    issued="$(call GET "/api/elections/$election/ballots/progress" "$wg" | jq '[.buildings[].units] | add // 0')"
    [ "$issued" = "$counted" ] && break
    sleep 0.5
  done
  echo "election $election ($name): $issued ballots issued for $counted counted units"
}

# drill_in_counting UNITS NAME: drill_in_voting, then every ballot handed out and collected by one leader per
# building, voting closed early to COUNTING, and two counters signed in. Sets what drill_in_voting sets, and marks
# (every approved candidate approved, as JSON); writes $work/leaders.tsv and $work/counters.tsv.
drill_in_counting() {
  drill_in_voting "$1" "$2"
  leaders_of "$election" "$work/leaders.tsv"
  java -cp "$lib" org.ownersvote.deploy.SoakLoad prepare "$gateway" "$election" "$work/leaders.tsv"
  # a large election takes longer to prepare than a token lasts: the working group, the admin and the leaders sign in
  # again (a 100,000-unit run lost its counting load to the leaders' expired tokens)
  wg="$(login "$wg_user" "$bench_password")"
  admin="$(login admin "$(cat "$data/admin-password")")"
  relogin_leaders "$work/leaders.tsv"
  call POST "/api/elections/$election/transitions" "$wg" '{"to":"COUNTING","reason":"基准测试：提前结束投票"}' > /dev/null
  { staff_of "$election" counter; staff_of "$election" counter; } > "$work/counters.tsv"
  marks="$(call GET "/api/elections/$election/candidates" "$wg" \
    | jq -c '[.candidates[] | select(.status == "APPROVED") | {(.id): "APPROVE"}] | add')"
}

# leaders_of ELECTION FILE: one building leader per building of the election, signed in: "building TAB token" lines.
leaders_of() {
  local election="$1" file="$2" building user
  : > "$file"
  for building in $(call GET "/api/elections/$election/ballots/progress" "$wg" | jq -r '.buildings[].building'); do
    user="bl-$(date +%s%N | cut -c1-13)-$(printf '%s' "$building" | md5sum | cut -c1-8)"
    call POST /api/admin/users "$admin" "{\"username\":\"$user\",\"password\":\"$bench_password\",
      \"displayName\":\"$building\",\"roles\":[\"building-leader\"],\"communityId\":\"$community\",
      \"electionId\":\"$election\",\"buildings\":[\"$building\"]}" > /dev/null
    printf '%s\t%s\t%s\n' "$building" "$(login "$user" "$bench_password")" "$user" >> "$file"
  done
}

# relogin_leaders FILE: the leaders of a leaders_of FILE signed in afresh, the file rewritten with their new tokens.
relogin_leaders() {
  local file="$1" building token user
  while IFS=$'\t' read -r building token user; do
    printf '%s\t%s\t%s\n' "$building" "$(login "$user" "$bench_password")" "$user"
  done < "$file" > "$file.new"
  mv "$file.new" "$file"
}

# staff_of ELECTION ROLE: a signed-in account with ROLE in the election; prints "token TAB username".
staff_of() {
  local election="$1" role="$2" user
  user="$role-$(date +%s%N | cut -c1-13)"
  call POST /api/admin/users "$admin" "{\"username\":\"$user\",\"password\":\"$bench_password\",\"displayName\":\"$user\",
    \"roles\":[\"$role\"],\"communityId\":\"$community\",\"electionId\":\"$election\"}" > /dev/null
  printf '%s\t%s\n' "$(login "$user" "$bench_password")" "$user"
}

# pgbench_baseline CONCURRENCY: single-row inserts into a plain table for 15 s with CONCURRENCY clients on the same
# PostgreSQL (OWNERSVOTE_BENCH_PG_HOST/PORT); sets pg_tps and pg_p99 (ms).
pgbench_baseline() {
  local concurrency="$1" pg_host="${OWNERSVOTE_BENCH_PG_HOST:-127.0.0.1}" pg_port="${OWNERSVOTE_BENCH_PG_PORT:-5432}"
  local pg="psql -h $pg_host -p $pg_port -U postgres -qAt"
  $pg -d postgres -c "drop database if exists ownersvote_bench" -c "create database ownersvote_bench"
  $pg -d ownersvote_bench -c "create table handout (id bigint generated always as identity primary key,
    serial text not null, recipient text not null, at timestamptz not null)"
  echo "insert into handout (serial, recipient, at) values ('K7Q2MX-000127', '张三', now());" > "$work/insert.sql"
  (cd "$work" && pgbench -h "$pg_host" -p "$pg_port" -U postgres -n -c "$concurrency" -j 2 -T 15 -l \
    -f "$work/insert.sql" ownersvote_bench > "$work/pgbench.txt" 2>&1)
  $pg -d postgres -c "drop database ownersvote_bench"
  pg_tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt")"
  pg_p99="$(cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n \
    | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.1f", a[i]/1000}')"
  rm -f "$work"/pgbench_log.*
  printf '%-34s %7s %8.1f /s   p99 %6.1f ms\n' "baseline: pgbench single-row insert" "" "$pg_tps" "$pg_p99"
}

# ratios RESULT_LINE: the measured run's figures against the baseline and the targets of the benchmark section
ratios() {
  local result="$1" value
  value() { printf '%s' "$result" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
  printf 'ratios: gateway / pgbench %.3f (target >= 0.15), direct / pgbench %.3f, gateway / direct %.2f (target >= 0.90); gateway p99 %.1f ms (target <= 100)\n' \
    "$(awk "BEGIN { print $(value gateway_per_s) / $pg_tps }")" "$(awk "BEGIN { print $(value direct_per_s) / $pg_tps }")" \
    "$(awk "BEGIN { print $(value gateway_per_s) / $(value direct_per_s) }")" "$(value gateway_p99_ms)"
}
