#!/usr/bin/env bash
# Crash scenario for search indexing, on loopback, bounded, stopping what it starts:
#   1. starts the packaged portal (demo profile) on a fresh local-services data dir and waits for the products index;
#   2. a burst of product updates through GraphQL (demo producer, 4 threads), and SIGKILL of the portal once the first
#      updates are acknowledged, while their indexing listeners are still running or queued;
#   3. restarts the portal on the same data dir (same PostgreSQL, Elasticsearch data), which republishes the incomplete
#      event publications (spring.modulith.events.republish-outstanding-events-on-restart) and resubmits them
#      periodically (IndexMaintenance, interval shortened here to 10 s);
#   4. passes when the admin's searchReconciliation query finds no difference between PostgreSQL and the index.
# Needs: ./mvnw -pl backend -am -Plocal package -DskipTests (backend/target/kriyanusa-local.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18491}
PG_PORT=${PG_PORT:-15491}
UPDATES=${UPDATES:-400}
KILL_AFTER=${KILL_AFTER:-100}   # kill once this many updates were acknowledged
OUT=$(mktemp -d /tmp/kriyanusa-search-crash.XXXXXX)
DATA="$OUT/services"
BASE="http://127.0.0.1:$PORT"
echo "output in $OUT"

APP=""
BURST=""
cleanup() {
  [ -n "$BURST" ] && kill "$BURST" 2>/dev/null || true
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_app() { # $1: log file, $2: reset (true/false)
  "$JAVA" -Xmx384m -jar backend/target/kriyanusa-local.jar --spring.profiles.active=demo --server.port="$PORT" --kriyanusa.graphql.limits.cost-per-minute=100000000 \
    --server.address=127.0.0.1 \
    --kriyanusa.local-services.data-dir="$DATA" --kriyanusa.local-services.reset="$2" \
    --kriyanusa.local-services.postgres.port="$PG_PORT" \
    > "$1" 2>&1 < /dev/zero &
  APP=$!
  for _ in $(seq 1 180); do
    if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
    kill -0 "$APP" 2>/dev/null || { echo "portal exited"; tail -40 "$1"; exit 1; }
    sleep 1
  done
  echo "portal did not start within 180 s"; tail -40 "$1"; exit 1
}

echo "--- 1. first start (fresh data dir)"
start_app "$OUT/app-1.log" true
"$JAVA" infra/bench/SearchBench.java reconcile "$BASE" 120 | cut -c1-400

echo "--- 2. burst of $UPDATES updates, SIGKILL after $KILL_AFTER acknowledged"
"$JAVA" infra/bench/SearchBench.java burst "$BASE" "$UPDATES" 4 > "$OUT/burst.log" 2>&1 &
BURST=$!
for _ in $(seq 1 600); do
  acknowledged=$(grep -oE '^updated [0-9]+' "$OUT/burst.log" | tail -1 | cut -d' ' -f2 || true)
  if [ -n "$acknowledged" ] && [ "$acknowledged" -ge "$KILL_AFTER" ]; then break; fi
  sleep 0.1
done
kill -KILL "$APP"
wait "$APP" 2>/dev/null || true
echo "SIGKILL sent to the portal (pid $APP) after ${acknowledged:-?} acknowledged updates"
# PostgreSQL (daemonized by pg_ctl) outlives the portal until the next start stops it from its pid file: ask it what
# the killed portal left undone
export PGPASSWORD=kriyanusa
SQL_PENDING="select count(*) from event_publication where completion_date is null and listener_id like 'id.kriyanusa.search.%'"
echo "search publications left incomplete by the killed portal: $(timeout 10 psql -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -c "$SQL_PENDING" 2>&1 || echo '(PostgreSQL already gone)')"
KILLED_AT=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
APP=""
wait "$BURST" 2>/dev/null || true
BURST=""
tail -2 "$OUT/burst.log"
sleep 2 # the child services exit when the portal's stdin pipes close; leftovers are stopped from their pid files

echo "--- 3. restart on the same data dir"
start_app "$OUT/app-2.log" false
grep -E "Republish|republish|incomplete|Products index" "$OUT/app-2.log" | cut -c1-250 | head -5 || true

echo "--- 4. reconciliation"
if "$JAVA" infra/bench/SearchBench.java reconcile "$BASE" 180 | cut -c1-600; then
  psql -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -c "$SQL_PENDING" | sed 's/^/search publications still incomplete: /'
  psql -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa \
    -c "select count(*) from event_publication where listener_id like 'id.kriyanusa.search.%' and completion_date > '$KILLED_AT'" \
    | sed 's/^/search publications completed after the restart: /'
  echo "PASS: no difference between PostgreSQL and the index after SIGKILL and restart"
else
  echo "FAIL"; exit 1
fi
