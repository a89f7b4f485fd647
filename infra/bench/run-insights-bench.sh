#!/usr/bin/env bash
# Insights benchmark on loopback, bounded, stopping what it starts:
#   1. starts the packaged portal (demo profile) on a fresh local-services data dir, fixed PostgreSQL/Elasticsearch ports,
#      and waits for the insights start-up count of the demo data;
#   2. fills the insights tables with PRODUCTS product states and EVENTS events straight through SQL (insights-seed.sql;
#      the monthly roll-up rebuilt from them as the listeners keep it);
#   3. InsightsBench: /kelola/angka and the `outcomes` query as the demo curator, REQUESTS each at CONCURRENCY.
# Needs: ./mvnw -pl backend -am -Plocal package -DskipTests (backend/target/kriyanusa-local.jar), psql (postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18494}
PG_PORT=${PG_PORT:-15494}
ES_PORT=${ES_PORT:-19294}
PRODUCTS=${PRODUCTS:-100000}
EVENTS=${EVENTS:-1000000}
REQUESTS=${REQUESTS:-200}
CONCURRENCY=${CONCURRENCY:-4}
APP_HEAP=${APP_HEAP:-512m}
# another build to compare with, e.g. main's before a change
JAR=${JAR:-backend/target/kriyanusa-local.jar}
OUT=$(mktemp -d /tmp/kriyanusa-insights-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
echo "output in $OUT"

"$JAVA" -Xmx"$APP_HEAP" -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  --kriyanusa.graphql.limits.cost-per-minute=100000000 --server.address=127.0.0.1 \
  --kriyanusa.local-services.data-dir="$OUT/services" --kriyanusa.local-services.reset=true \
  --kriyanusa.local-services.postgres.port="$PG_PORT" --kriyanusa.local-services.elasticsearch.port="$ES_PORT" \
  > "$OUT/app.log" 2>&1 < /dev/zero &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if grep -q "Insights counted" "$OUT/app.log" 2>/dev/null; then break; fi
  sleep 1
done
grep "Insights counted" "$OUT/app.log" || { echo "portal did not count the demo data"; tail -40 "$OUT/app.log"; exit 1; }

echo "--- seeding $PRODUCTS product states and $EVENTS events"
export PGPASSWORD=kriyanusa
time psql -q -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -v products="$PRODUCTS" -v events="$EVENTS" \
  -f infra/bench/insights-seed.sql

echo "--- latency, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" infra/bench/InsightsBench.java "$BASE" "$REQUESTS" "$CONCURRENCY" "$APP"
if [ -n "${HOLD:-}" ]; then echo "portal kept running on $BASE (PostgreSQL $PG_PORT) until this script is stopped"; wait $APP; fi
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); portal RSS $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' /proc/$APP/status)"
