#!/usr/bin/env bash
# Demo data through the public API: a community (真如佳苑) with its roster, a draft drill election, and one account
# per role (street office, working group, two building leaders, two counters, two scrutineers (a finalized tally needs two sign-offs), a chief scrutineer).
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
created="$(post "$admin_token" /api/communities '{"name":"真如佳苑","district":"普陀区","street":"真如镇街道"}')"
community="$(printf '%s' "$created" | json_field id)"
short_code="$(printf '%s' "$created" | json_field shortCode)"
wg_password="wg$(openssl rand -hex 6)9"
post "$admin_token" /api/admin/users "{\"username\":\"zhenru-wg\",\"password\":\"$wg_password\",\
\"displayName\":\"真如佳苑换届改选小组\",\"roles\":[\"working-group\"],\"communityId\":\"$community\"}" > /dev/null
wg_token="$(post "" /api/auth/login "{\"username\":\"zhenru-wg\",\"password\":\"$wg_password\"}" | json_field accessToken)"
# the sample roster of 900 units (860 counted, 86,566.89 m², 806 persons)
roster="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv"
curl -fsS -X PUT "$gateway/api/communities/$community/roster" -H "Authorization: Bearer $wg_token" \
  -H 'Content-Type: text/csv' --data-binary @"$roster" > /dev/null
election="$(post "$wg_token" /api/elections "{\"communityId\":\"$community\",\"title\":\"真如佳苑第一届业主委员会选举（演练）\",\
\"rulePack\":\"SH-2020\",\"seats\":5,\"alternates\":0,\"votingDays\":14,\"drill\":true}" | json_field id)"
so_password="so$(openssl rand -hex 6)9"
post "$admin_token" /api/admin/users "{\"username\":\"zhenru-street\",\"password\":\"$so_password\",\
\"displayName\":\"真如镇街道办\",\"roles\":[\"street-office\"],\"communities\":[\"$community\"]}" > /dev/null
# the election's own accounts, as its working group creates them
# the working group chooses a short name; the account signs in with the login name the answer gives, the short name
# followed by the election's suffix (e.g. zhenru-leader1.k7q2mx4f)
staff() { # short-name display role buildings-json
  local password="st$(openssl rand -hex 6)9" login
  login="$(post "$wg_token" "/api/elections/$election/staff" "{\"username\":\"$1\",\"password\":\"$password\",\
\"displayName\":\"$2\",\"roles\":[\"$3\"],\"buildings\":$4}" | json_field username)"
  printf '    %s: %s / %s\n' "$2" "$login" "$password"
}
accounts="$(staff zhenru-leader1 "1号楼楼组长" building-leader '["1号楼"]'
staff zhenru-leader2 "2号楼楼组长" building-leader '["2号楼"]'
staff zhenru-counter1 "计票人甲" counter '[]'
staff zhenru-counter2 "计票人乙" counter '[]'
staff zhenru-scrutineer1 "监票人甲" scrutineer '[]'
staff zhenru-scrutineer2 "监票人乙" scrutineer '[]'
staff zhenru-chief "总监票人" chief-scrutineer '[]')"

(umask 077; cat > "$done_file" <<INFO
  Demo data:
    community 真如佳苑        $community   (roster: 900 units, 806 persons)
    drill election (DRAFT)   $election
    web client               $gateway/   (staff sign in there; owners use $gateway/#/owner)
    community page           $gateway/c/$short_code   (the short address for the notice-board poster: notices, results)
  Logins (login name / password; the election's accounts end in the election's suffix):
    选举工作小组: zhenru-wg / $wg_password
    街道办: zhenru-street / $so_password
$accounts
  A drill end to end: as zhenru-wg open nomination, nominate and confirm candidates, publish, open voting, print
  ballots; as a building leader record handouts and returns; close voting (counting); as the two counters enter
  each returned ballot; as the scrutineers resolve conflicts and sign off; as the chief scrutineer finalize.
INFO
)
cat "$done_file"
