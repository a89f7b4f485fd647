#!/usr/bin/env bash
# Fault scenarios, on loopback, bounded, stopping what they start. For each fault, during 80 s of writes (two
# producers updating prices) and a buyer asking every 250 ms for a search page, a product page and the health endpoint:
#   es-freeze       Elasticsearch stopped with SIGSTOP for 60 s, then SIGCONT
#   es-kill         Elasticsearch killed with SIGKILL (the local services start it again)
#   storage-freeze  S3 storage stopped with SIGSTOP for 60 s, then SIGCONT
#   app-kill        the portal killed with SIGKILL, then started again on the same data
# then reports writes acknowledged and lost (goal 0), the time until search matches PostgreSQL again, and each buyer
# request's failures and longest wait (goal: at most 3 s; health under 2 s).
# Needs: ./mvnw -pl backend -am -Plocal package -DskipTests (backend/target/kriyanusa-local.jar).
# Usage: infra/bench/fault-scenarios.sh [fault ...]   (default: all four)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18591}
LOAD_SECONDS=${LOAD_SECONDS:-80}
FAULTS=("${@:-es-freeze es-kill storage-freeze app-kill}")
read -r -a FAULTS <<< "${FAULTS[*]}"
OUT=$(mktemp -d /tmp/kriyanusa-faults.XXXXXX)
DATA="$OUT/services"
BASE="http://127.0.0.1:$PORT"
echo "output in $OUT"

APP=""
LOAD=""
cleanup() {
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null || true
  for service in elasticsearch s3; do # never leave a frozen child behind
    [ -f "$DATA/run/$service.pid" ] && kill -CONT "$(cat "$DATA/run/$service.pid")" 2>/dev/null || true
  done
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_app() { # $1: log file, $2: reset (true/false)
  "$JAVA" -Xmx384m -jar backend/target/kriyanusa-local.jar --spring.profiles.active=demo --server.port="$PORT" \
    --server.address=127.0.0.1 --kriyanusa.graphql.limits.cost-per-minute=100000000 \
    --kriyanusa.local-services.data-dir="$DATA" --kriyanusa.local-services.reset="$2" \
    > "$1" 2>&1 < /dev/zero &
  APP=$!
  for _ in $(seq 1 180); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP" 2>/dev/null || { echo "portal exited"; tail -40 "$1"; exit 1; }
    sleep 1
  done
  echo "portal did not start within 180 s"; tail -40 "$1"; exit 1
}

pid_of() { cat "$DATA/run/$1.pid"; }

start_app "$OUT/app-1.log" true
for fault in "${FAULTS[@]}"; do
  echo "=== $fault"
  "$JAVA" infra/bench/FaultBench.java load "$BASE" "$LOAD_SECONDS" "$OUT/$fault" > "$OUT/$fault.load.log" 2>&1 &
  LOAD=$!
  mkdir -p "$OUT/$fault"
  sleep 10
  date +%s%3N > "$OUT/$fault/fault.txt" # when the fault began and (below) ended, for the load's phases
  case "$fault" in
    es-freeze) pid=$(pid_of elasticsearch); kill -STOP "$pid"; sleep 60; kill -CONT "$pid" ;;
    es-kill) # ends when a search page is answered again (health caches its checks, so it says UP too soon)
      kill -KILL "$(pid_of elasticsearch)"; sleep 1
      for _ in $(seq 1 120); do curl -fs "$BASE/cari?q=gerabah" >/dev/null 2>&1 && break; sleep 0.5; done ;;
    storage-freeze) pid=$(pid_of s3); kill -STOP "$pid"; sleep 60; kill -CONT "$pid" ;;
    app-kill)
      kill -KILL "$APP"; wait "$APP" 2>/dev/null || true
      sleep 2 # the children exit when the portal's stdin pipes close; leftovers are stopped from their pid files
      start_app "$OUT/app-2.log" false ;;
    *) echo "unknown fault $fault"; exit 2 ;;
  esac
  date +%s%3N >> "$OUT/$fault/fault.txt"
  recovered=$(date +%s.%N)
  wait "$LOAD" || true
  LOAD=""
  cat "$OUT/$fault.load.log"
  "$JAVA" infra/bench/SearchBench.java reconcile "$BASE" 300 | sed -E 's/: \{.*//' | sed "s/^/search /"
  echo "(reconciliation started $(awk -v now="$(date +%s.%N)" -v r="$recovered" 'BEGIN { printf "%.0f", now - r }') s after the fault ended)"
  "$JAVA" infra/bench/FaultBench.java verify "$BASE" "$OUT/$fault"
done
echo "done: logs in $OUT"
