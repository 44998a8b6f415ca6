#!/usr/bin/env bash
# Footprint of the local suite under given JVM settings: starts deploy/local/run.sh with OWNERSVOTE_HEAP,
# OWNERSVOTE_JVM_OPTIONS and OWNERSVOTE_SERVICES_JAVA_HOME as they are in the environment (run.sh's defaults when
# unset), reports the JVM the services run on, each service's start
# time (Quarkus' "started in") and the suite's, runs handouts.sh UNITS 32, reports each service's resident memory
# (RSS) after it, and stops the suite. Run it once per setting to compare them; nothing else may run meanwhile.
# Needs what run.sh and handouts.sh need, and no suite running. Usage: deploy/bench/footprint.sh [UNITS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
units="${1:-6000}"
data="${OWNERSVOTE_DATA:-$root/deploy/local/data}"
services=(gateway election-service ballot-service notification-service)

if curl -fs http://127.0.0.1:8080/q/health/ready > /dev/null 2>&1; then
  echo "a suite is running already: stop it first" >&2
  exit 1
fi
echo "settings: OWNERSVOTE_HEAP='${OWNERSVOTE_HEAP:-(run.sh default)}' OWNERSVOTE_JVM_OPTIONS='${OWNERSVOTE_JVM_OPTIONS:-(run.sh default)}'"
run_log="$(mktemp)"
"$root/deploy/local/run.sh" > "$run_log" 2>&1 &
suite=$!
trap 'kill "$suite" 2> /dev/null; wait "$suite" 2> /dev/null; rm -f "$run_log"' EXIT
for _ in $(seq 1 600); do
  grep -q 'all ready in' "$run_log" && break
  kill -0 "$suite" 2> /dev/null || { cat "$run_log" >&2; exit 1; }
  sleep 1
done
grep -o 'the services run on .*' "$run_log" || true
grep -o 'AOT caches made in [0-9]* s' "$run_log" || true
grep -o 'all ready in [0-9]* s' "$run_log" | sed 's/^/suite: /'
for s in "${services[@]}"; do
  printf '%s: %s\n' "$s" "$(grep -o 'started in [0-9.]*s' "$data/logs/$s.log" | tail -1)"
done

"$here/handouts.sh" "$units" 32 | grep -E '^RESULT|^ratios|pgbench' || true

rss() { ps -o rss= -p "$(pgrep -f "quarkus.http.port=$1" | head -1)" | awk '{ print int($1 / 1024) }'; }
printf 'RSS after the run (MB): gateway %s, election-service %s, ballot-service %s, notification-service %s\n' \
  "$(rss 8080)" "$(rss 8081)" "$(rss 8082)" "$(rss 8083)"
