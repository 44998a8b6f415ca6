#!/usr/bin/env bash
# Records SECONDS of CPU samples (JFR) in each running service of the local suite and draws a flame graph of each:
# deploy/bench/profiles/LABEL-SERVICE.svg (LABEL: e.g. the commit). Run it beside a benchmark, e.g.
#   deploy/bench/profile.sh 60 "$(git rev-parse --short HEAD)" & deploy/bench/handouts.sh 8000 32
# Needs the JDK's jcmd and jfr, and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
label="${2:-$(git -C "$root" rev-parse --short HEAD)}"
services="${OWNERSVOTE_PROFILE_SERVICES:-gateway election-service ballot-service notification-service}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/profiles"
# the JDK's profile settings, CPU samples every millisecond instead of every 10 (a 60-second run then has thousands)
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
  "$java_home/lib/jfr/profile.jfc" > "$work/cpu.jfc"
for s in $services; do
  pid="$(pgrep -f "$s/target/quarkus-app/quarkus-run.jar" | head -1)"
  [ -n "$pid" ] || { echo "$s is not running" >&2; exit 1; }
  jcmd "$pid" JFR.start name=bench settings="$work/cpu.jfc" duration="${seconds}s" filename="$work/$s.jfr" > /dev/null
done
sleep "$((seconds + 3))"
for s in $services; do
  for _ in $(seq 1 20); do [ -s "$work/$s.jfr" ] && break; sleep 1; done
  python3 "$here/flame.py" "$work/$s.jfr" "$here/profiles/$label-$s.svg" "$s, $label, ${seconds} s"
  echo "$here/profiles/$label-$s.svg"
done
