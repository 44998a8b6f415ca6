#!/usr/bin/env bash
# Starts the whole OwnersVote suite on this machine: PostgreSQL (the one on 127.0.0.1:5432, or an embedded one),
# a single-node KRaft Kafka broker, the three services and the gateway. Ctrl-C stops everything it started.
#
#   deploy/local/run.sh            start (builds first if the code changed since the last build)
#   deploy/local/run.sh --demo     also create a demo community, working-group account and election
#
# Data (databases of an embedded PostgreSQL, the broker's log, keys, the admin password, logs) lives in
# deploy/local/data, or in $OWNERSVOTE_DATA: a second run keeps the first run's data.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${OWNERSVOTE_DATA:-$here/data}"
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

gateway_port="${OWNERSVOTE_GATEWAY_PORT:-8080}"
election_port="${OWNERSVOTE_ELECTION_PORT:-8081}"
ballot_port="${OWNERSVOTE_BALLOT_PORT:-8082}"
notification_port="${OWNERSVOTE_NOTIFICATION_PORT:-8083}"
kafka_port="${OWNERSVOTE_KAFKA_PORT:-9092}"
controller_port="${OWNERSVOTE_KAFKA_CONTROLLER_PORT:-9093}"
# The heap starts small and gives memory back after a collection (free between 10% and 30%); 256 MB is a ceiling, not
# a reservation: with -Xmx alone the JVM committed all of it from the start. (deploy/bench/footprint.sh measured both.)
heap="${OWNERSVOTE_HEAP:--Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}"
# Serial GC: one collector thread per service, the least memory and CPU on a small machine (a service's pauses are
# a few ms on a heap this size). C1 only (TieredStopAtLevel=1): four JVMs compiling with C2 at once on two cores is
# what made start-up slow; C1 alone started each service in 10-15 s instead of 17-27 s, with more handouts per second
# through the gateway, and left each under 300 MB (footprint.sh). A machine with a core per service wants C2: set
# OWNERSVOTE_JVM_OPTIONS without it. A smaller code cache and thread stacks than the JVM's defaults (240 MB reserved,
# 1 MB), and two malloc arenas instead of eight per core: four JVMs share this machine's memory.
jvm_options="${OWNERSVOTE_JVM_OPTIONS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# The services' JVM: $OWNERSVOTE_SERVICES_JAVA_HOME, else the newest JDK 25 or later under /usr/lib/jvm, else the
# default java. From JDK 25 on, each service runs with an AOT cache of the classes it loads and links while starting
# (target/quarkus-app/app.aot, JEP 483/514), made by a first start after each build: class loading and linking is
# most of a start, and four services start together on two cores (deploy/bench/footprint.sh measured it). The build
# and the tests stay on the default JDK (17); the services are built for 17 and run unchanged on 25.
java_major() { [ -f "$1/release" ] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" || true; }
services_java_home="${OWNERSVOTE_SERVICES_JAVA_HOME:-}"
if [ -z "$services_java_home" ]; then
  best=0
  for home in /usr/lib/jvm/*/; do
    major="$(java_major "${home%/}")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best" ] && [ -x "${home}bin/java" ]; then
      best="$major"; services_java_home="${home%/}"
    fi
  done
fi
if [ -n "$services_java_home" ]; then
  services_java="$services_java_home/bin/java"
  aot=false; [ "$(java_major "$services_java_home")" -ge 25 ] 2>/dev/null && aot=true
else
  services_java=java; aot=false
fi

services=(election-service ballot-service notification-service gateway)
mkdir -p "$data/logs" "$data/keys"
pids=()
log() { printf '[ownersvote] %s\n' "$*"; }

stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    log "stopping ${#pids[@]} processes"
    # services first, then the broker and the database (started first, so last in the list)
    for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  fi
}
trap stop_all INT TERM EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in "$gateway_port" "$election_port" "$ballot_port" "$notification_port" "$kafka_port" "$controller_port"; do
  if port_open "$port"; then
    echo "Port $port is already in use (another suite running?). Stop it, or choose other ports with" \
         "OWNERSVOTE_*_PORT (see README)." >&2
    exit 1
  fi
done

# --- 1. Build when the code changed since the last build
stamp_now="$(cd "$root" && { git rev-parse HEAD 2>/dev/null || true; git diff HEAD 2>/dev/null || true; } | sha1sum | cut -d' ' -f1)"
stamp_file="$data/build.stamp"
jars_present=true
for svc in "${services[@]}"; do
  [ -f "$root/$svc/target/quarkus-app/quarkus-run.jar" ] || jars_present=false
done
[ -d "$here/target/lib" ] || jars_present=false
if ! $jars_present || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_now" ]; then
  log "building (mvn package, tests skipped) ..."
  build_started=$SECONDS
  (cd "$root" && mvn -B -q -DskipTests package) || { echo "The build failed; see the Maven output above." >&2; exit 1; }
  echo "$stamp_now" > "$stamp_file"
  log "built in $((SECONDS - build_started)) s"
fi
started=$SECONDS
lib="$here/target/lib/*:$here/target/classes"

# --- 2. Keys and the first admin's password (generated once, kept in the data folder)
if [ ! -f "$data/keys/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$data/keys/private.pem" 2>/dev/null
  openssl pkey -in "$data/keys/private.pem" -pubout -out "$data/keys/public.pem"
  chmod 600 "$data/keys/private.pem"
fi
if [ ! -f "$data/admin-password" ]; then
  (umask 077; printf 'ov%s7' "$(openssl rand -hex 10)" > "$data/admin-password")
fi
admin_password="$(cat "$data/admin-password")"
# The secret ballot verification codes are hashed with: made once, kept with the data (a new one would invalidate
# every printed code).
if [ ! -f "$data/keys/ballot-code-secret" ]; then
  (umask 077; openssl rand -base64 48 | tr -d '\n' > "$data/keys/ballot-code-secret")
fi

# --- 3. PostgreSQL: an external server if configured, else the one on 127.0.0.1:5432, else an embedded one
pg_user="${OWNERSVOTE_PG_USER:-postgres}"
pg_password="${OWNERSVOTE_PG_PASSWORD:-}"
if [ -n "${OWNERSVOTE_PG_URL:-}" ]; then
  pg_url="$OWNERSVOTE_PG_URL"
  log "PostgreSQL: $pg_url (OWNERSVOTE_PG_URL)"
elif port_open 5432; then
  pg_url="jdbc:postgresql://127.0.0.1:5432/"
  log "PostgreSQL: the server on 127.0.0.1:5432"
else
  pg_port="${OWNERSVOTE_EMBEDDED_PG_PORT:-5433}"
  log "PostgreSQL: none on 127.0.0.1:5432, starting an embedded one on $pg_port (data in $data/postgres)"
  java -cp "$lib" org.ownersvote.deploy.EmbeddedPostgresMain "$data/postgres" "$pg_port" > "$data/logs/postgres.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    grep -q '^READY' "$data/logs/postgres.log" 2>/dev/null && break
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$data/logs/postgres.log" >&2; exit 1; fi
    sleep 0.5
  done
  grep -q '^READY' "$data/logs/postgres.log" || { echo "Embedded PostgreSQL did not start; see $data/logs/postgres.log" >&2; exit 1; }
  pg_url="jdbc:postgresql://127.0.0.1:$pg_port/"
fi
java -cp "$lib" org.ownersvote.deploy.CreateDatabases "$pg_url" "$pg_user" "$pg_password" \
  ownersvote_election ownersvote_ballot ownersvote_notification ownersvote_gateway

# --- 4. Kafka: one KRaft node (broker and controller), data in the data folder
kafka_dir="$data/kafka"
mkdir -p "$kafka_dir"
cat > "$kafka_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$kafka_dir/logs
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
if [ ! -f "$kafka_dir/logs/meta.properties" ]; then
  java -cp "$lib" kafka.tools.StorageTool format --ignore-formatted -t "b3duZXJzdm90ZS1sb2NhbA" \
    -c "$kafka_dir/server.properties" > "$data/logs/kafka-format.log" 2>&1
fi
log "Kafka: starting on 127.0.0.1:$kafka_port"
java -Xmx384m -XX:+UseSerialGC -cp "$lib" kafka.Kafka "$kafka_dir/server.properties" > "$data/logs/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do port_open "$kafka_port" && break; sleep 0.5; done
port_open "$kafka_port" || { echo "Kafka did not start; see $data/logs/kafka.log" >&2; exit 1; }

# --- 5. The services and the gateway
common=(
  "-Dquarkus.datasource.username=$pg_user" "-Dquarkus.datasource.password=$pg_password"
  "-Dkafka.bootstrap.servers=127.0.0.1:$kafka_port"
  "-Dmp.jwt.verify.publickey.location=$data/keys/public.pem"
)
# aot_mode: "record" (a first start after a build: the JVM writes the AOT cache when the service stops), "use", or
# "none" (a JDK before 25)
aot_mode=none
service_log() { if [ "$aot_mode" = record ]; then echo "$data/logs/$1.aot-training.log"; else echo "$data/logs/$1.log"; fi; }
start_service() {
  local name="$1" port="$2" db="$3"; shift 3
  local app="$root/$name/target/quarkus-app" aot_option=() log_file
  log_file="$(service_log "$name")"
  case "$aot_mode" in
    record) aot_option=("-XX:AOTCacheOutput=$app/app.aot") ;;
    use) [ -f "$app/app.aot" ] && aot_option=("-XX:AOTCache=$app/app.aot") ;;
  esac
  log "$name: starting on port $port${aot_option:+ (${aot_option[0]#-XX:})}"
  "$services_java" $heap $jvm_options "${aot_option[@]}" "${common[@]}" "-Dquarkus.http.port=$port" \
    "-Dquarkus.datasource.jdbc.url=${pg_url}${db}" "$@" \
    -jar "$app/quarkus-run.jar" > "$log_file" 2>&1 &
  pids+=($!)
}
# The services listen on loopback only: the gateway (which checks sessions and sets the security headers) is the one
# way in; only the gateway listens on every interface.
loopback="-Dquarkus.http.host=127.0.0.1"
start_services() {
  start_service election-service "$election_port" ownersvote_election "$loopback" \
    "-Downersvote.ballot-service.url=http://127.0.0.1:$ballot_port"
  OWNERSVOTE_BALLOT_CODE_SECRET="$(cat "$data/keys/ballot-code-secret")" \
    start_service ballot-service "$ballot_port" ownersvote_ballot "$loopback" \
    "-Downersvote.ballot.owner-page-url=http://127.0.0.1:$gateway_port/owner"
  start_service notification-service "$notification_port" ownersvote_notification "$loopback"
  export OWNERSVOTE_ADMIN_PASSWORD="$admin_password"   # read at the gateway's first start only
  start_service gateway "$gateway_port" ownersvote_gateway \
    "-Dsmallrye.jwt.sign.key.location=$data/keys/private.pem" \
    "-Downersvote.gateway.election-service=http://127.0.0.1:$election_port" \
    "-Downersvote.gateway.ballot-service=http://127.0.0.1:$ballot_port" \
    "-Downersvote.gateway.notification-service=http://127.0.0.1:$notification_port"
  unset OWNERSVOTE_ADMIN_PASSWORD
}
wait_until_ready() {
  local svc name port ready
  for svc in "election-service:$election_port" "ballot-service:$ballot_port" \
             "notification-service:$notification_port" "gateway:$gateway_port"; do
    name="${svc%%:*}"; port="${svc##*:}"
    ready=false
    for _ in $(seq 1 240); do
      if curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; then ready=true; break; fi
      sleep 0.5
    done
    if ! $ready; then
      local log_file; log_file="$(service_log "$name")"
      echo "$name is not ready after 120 s; see $log_file" >&2; tail -20 "$log_file" >&2; exit 1
    fi
  done
}

services_jvm="$services_java ($("$services_java" -version 2>&1 | head -1))"
log "the services run on $services_jvm$($aot && echo ', with AOT caches')"
services_from=${#pids[@]}
if $aot; then
  # a cache is made anew when missing (a build emptied quarkus-app) or made by another JDK (app.aot.java says which)
  missing=false
  for svc in "${services[@]}"; do
    app="$root/$svc/target/quarkus-app"
    [ -f "$app/app.aot" ] && [ "$(cat "$app/app.aot.java" 2>/dev/null)" = "$services_jvm" ] \
      || missing=true
  done
  if $missing; then
    # Once per build: start, ready, stop; each JVM writes what it loaded and linked into its cache as it stops.
    log "making the services' AOT caches with $services_java (once per build) ..."
    aot_started=$SECONDS
    aot_mode=record
    start_services
    wait_until_ready
    for pid in "${pids[@]:$services_from}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]:$services_from}"; do wait "$pid" 2>/dev/null || true; done
    pids=("${pids[@]:0:$services_from}")
    for svc in "${services[@]}"; do
      app="$root/$svc/target/quarkus-app"
      [ -f "$app/app.aot" ] && echo "$services_jvm" > "$app/app.aot.java"
    done
    log "AOT caches made in $((SECONDS - aot_started)) s"
    started=$SECONDS
  fi
  aot_mode=use
fi
start_services
wait_until_ready
log "all ready in $((SECONDS - started)) s"

# --- 6. Demo data, on request (once per data folder)
if $demo; then
  "$here/demo.sh" "http://127.0.0.1:$gateway_port" "$admin_password" "$data"
fi

cat <<INFO

  OwnersVote is running.
    Web client (open this in a browser):   http://127.0.0.1:$gateway_port/
    Gateway (the single entry, /api/...):  http://127.0.0.1:$gateway_port   (all API documents: /api/docs)
    Admin login:                           admin / $admin_password   (kept in $data/admin-password)
    API documentation (OpenAPI):           http://127.0.0.1:$gateway_port/api/docs   (the gateway's and each service's;
                                           Swagger UI only in dev mode: mvn quarkus:dev)
    Services (loopback only, behind the gateway): 127.0.0.1:$election_port, :$ballot_port, :$notification_port
    Logs:                                  $data/logs/
  Try:  curl -s -X POST http://127.0.0.1:$gateway_port/api/auth/login -H 'Content-Type: application/json' \\
          -d '{"username":"admin","password":"$admin_password"}'
  Press Ctrl-C to stop everything.
INFO

# Stay up until Ctrl-C, or until a process dies (then say which, and stop the rest).
while true; do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A process of the suite (pid $pid) stopped; see $data/logs/. Stopping the rest." >&2
      exit 1
    fi
  done
  sleep 2
done
