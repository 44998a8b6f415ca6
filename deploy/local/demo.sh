#!/usr/bin/env bash
# Demo data through the public API: a community (真如佳苑) with its roster, its working-group account and a draft
# election.
# Usage: demo.sh GATEWAY_URL ADMIN_PASSWORD DATA_DIR. Runs once per data folder; later runs print what it made.
set -euo pipefail
gateway="$1"; admin_password="$2"; data="$3"
done_file="$data/demo.txt"
if [ -f "$done_file" ]; then cat "$done_file"; exit 0; fi

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
post() { # token path body
  curl -fsS -X POST "$gateway$2" -H 'Content-Type: application/json' ${1:+-H "Authorization: Bearer $1"} -d "$3"
}

admin_token="$(post "" /api/auth/login "{\"username\":\"admin\",\"password\":\"$admin_password\"}" | json_field accessToken)"
community="$(post "$admin_token" /api/communities \
  '{"name":"真如佳苑","district":"普陀区","street":"真如镇街道"}' | json_field id)"
wg_password="wg$(openssl rand -hex 6)9"
post "$admin_token" /api/admin/users "{\"username\":\"zhenru-wg\",\"password\":\"$wg_password\",\
\"displayName\":\"真如佳苑换届改选小组\",\"roles\":[\"working-group\"],\"communityId\":\"$community\"}" > /dev/null
wg_token="$(post "" /api/auth/login "{\"username\":\"zhenru-wg\",\"password\":\"$wg_password\"}" | json_field accessToken)"
# the sample roster of 900 units (860 counted, 86,566.89 m², 806 persons)
roster="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv"
curl -fsS -X PUT "$gateway/api/communities/$community/roster" -H "Authorization: Bearer $wg_token" \
  -H 'Content-Type: text/csv' --data-binary @"$roster" > /dev/null
election="$(post "$wg_token" /api/elections "{\"communityId\":\"$community\",\"title\":\"真如佳苑第一届业主委员会选举\",\
\"rulePack\":\"SH-2020\",\"seats\":7,\"alternates\":2,\"votingDays\":14}" | json_field id)"

(umask 077; cat > "$done_file" <<INFO
  Demo data:
    community 真如佳苑        $community   (roster: 900 units, 806 persons)
    election (DRAFT)         $election
    working group login      zhenru-wg / $wg_password
    notice board             curl -s $gateway/api/communities/$community/notices
INFO
)
cat "$done_file"
