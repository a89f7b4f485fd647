#!/usr/bin/env bash
# Search benchmark on loopback, bounded, stopping what it starts:
#   1. starts the packaged portal (demo profile) on a fresh local-services data dir, fixed PostgreSQL/Elasticsearch ports;
#   2. appends N generated products (infra/bench/search-products.sql, generate_series) with psql;
#   3. full reindex of the products index through the admin's reindexSearch mutation: products/s; RSS of the portal and of the ES node;
#   4. searchProducts through GraphQL next to the same Elasticsearch query sent directly (QUERY_SET=three-words for
#      three-word texts instead of the typical ones; bodies written by the
#      application's own ProductQueries, see PrintQueries.java), interleaved, after a warm-up; then suggest.
# Needs: ./mvnw -pl backend -am -Plocal package -DskipTests (backend/target/kriyanusa-local.jar), psql (postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18492}
PG_PORT=${PG_PORT:-15492}
ES_PORT=${ES_PORT:-19292}
N=${N:-100000}
REQUESTS=${REQUESTS:-1000}
APP_HEAP=${APP_HEAP:-512m}
OUT=$(mktemp -d /tmp/kriyanusa-search-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
ES="http://127.0.0.1:$ES_PORT"
echo "output in $OUT"

"$JAVA" -Xmx"$APP_HEAP" -jar backend/target/kriyanusa-local.jar --spring.profiles.active=demo --server.port="$PORT" --kriyanusa.graphql.limits.cost-per-minute=100000000 \
  --server.address=127.0.0.1 --spring.mvc.async.request-timeout=15m \
  --kriyanusa.local-services.data-dir="$OUT/services" --kriyanusa.local-services.reset=true \
  --kriyanusa.local-services.postgres.port="$PG_PORT" --kriyanusa.local-services.elasticsearch.port="$ES_PORT" \
  > "$OUT/app.log" 2>&1 < /dev/zero &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  sleep 1
done
curl -fs "$BASE/actuator/health" > /dev/null || { echo "portal did not start"; tail -40 "$OUT/app.log"; exit 1; }
"$JAVA" infra/bench/SearchBench.java reconcile "$BASE" 120 > /dev/null   # the start-up index is built

echo "--- generating $N products"
export PGPASSWORD=kriyanusa
time psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -v n="$N" -f infra/bench/search-products.sql
psql -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -c "analyze product" \
  -c "select 'public products: ' || count(*) from product p join brand b on b.id = p.brand_id where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED'"
psql -At -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa -c "select title_id || ' | ' || coalesce(title_en, '-') || ' | ' || price from product where slug like 'bench-%' order by id limit 5"

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
ES_PID=""
for child in $(pgrep -P "$APP"); do
  if tr '\0' ' ' < "/proc/$child/cmdline" | grep -q org.elasticsearch; then ES_PID=$child; fi
done
echo "--- full reindex (RSS before: portal $(rss $APP), Elasticsearch $(rss $ES_PID))"
"$JAVA" infra/bench/SearchBench.java reindex "$BASE" "$OUT/app.log"
echo "RSS after reindex: portal $(rss $APP), Elasticsearch $(rss $ES_PID)"
curl -s "$ES/_cat/indices/products-*?v&h=index,docs.count,store.size"

sleep 65   # the portal counts the words many titles have (Completions) every minute: let it count the new products
echo "--- latency (${QUERY_SET:-typical} queries, $REQUESTS measured requests each, after warm-up), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT/jar" && mkdir -p "$OUT/jar" && (cd "$OUT/jar" && jar xf "$OLDPWD/backend/target/kriyanusa-local.jar" BOOT-INF/classes BOOT-INF/lib 2>/dev/null \
  || unzip -q "$OLDPWD/backend/target/kriyanusa-local.jar" 'BOOT-INF/classes/*' 'BOOT-INF/lib/*')
"$JAVA" -cp "$OUT/jar/BOOT-INF/classes:$OUT/jar/BOOT-INF/lib/*" infra/bench/PrintQueries.java "$OUT/queries" "$ES"
"$JAVA" infra/bench/SearchBench.java latency "$BASE" "$ES" "$OUT/queries" "$REQUESTS"
echo "RSS at the end: portal $(rss $APP), Elasticsearch $(rss $ES_PID); load average $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$ES/_nodes/stats/jvm?filter_path=nodes.*.jvm.mem.heap_used_in_bytes,nodes.*.jvm.mem.heap_max_in_bytes"; echo
