#!/usr/bin/env bash
# Search under load, before and after a change, in one run on the same machine (issue 17), loopback only, bounded,
# stopping what it starts:
#   1. builds the local jar of each commit (BEFORE, default 553042f; AFTER, default the branch main) in a temporary
#      git worktree under /tmp, removed afterwards; a jar already built for that commit is taken from $JAR_CACHE;
#   2. for each jar and each N in $SIZES: starts the portal (demo profile, fresh local-services data dir), appends N
#      generated products (search-products.sql), reindexes and waits until searchProducts counts every public product;
#      RSS of the portal and of Elasticsearch; then, after a warm-up, SearchLoadBench: results without facets at c=1 and
#      c=8, the whole search page at c=8, suggest at c=1 (products only, the same for both builds; then
#      $SUGGEST_EXTRA where the build has it) (each $DURATION s after $WARMUP s); at N=10000 also the API
#      load: $API_PRODUCTS products created and published through GraphQL by 8 clients (none started after
#      $API_SECONDS s) while 2 buyers search the whole search page, then the time until the index holds them all;
#   3. prints one table: measurement x (build, N).
# Needs: psql (postgresql-client), the offline Maven repository. Usage:
#   infra/bench/run-search-load-bench.sh [AFTER_COMMIT]
#   SIZES=2000 API_AT=2000 DURATION=5 WARMUP=2 API_PRODUCTS=300 infra/bench/run-search-load-bench.sh     # a smoke test
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
JAVA="$JAVA_HOME/bin/java"
BEFORE=$(git rev-parse "${BEFORE:-553042f}")
AFTER=$(git rev-parse "${1:-${AFTER:-main}}")
SIZES=${SIZES:-10000 100000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
API_PRODUCTS=${API_PRODUCTS:-10000}
API_AT=${API_AT:-10000} # the size at which the API load runs
API_SECONDS=${API_SECONDS:-240} # no new product after this, to keep the run bounded on a busy machine
APP_HEAP=${APP_HEAP:-512m}
LABELS=${LABELS:-before after} # LABELS=after measures only the after build
SEARCHES=${SEARCHES:-1} # SEARCHES=0 skips the search measurements (only the API load at API_AT)
# a second suggest line for what a build offers beyond products (skipped where its schema lacks it)
SUGGEST_EXTRA=${SUGGEST_EXTRA-completions { text highlighted kind productCount \}}
JAR_CACHE=${JAR_CACHE:-/tmp/kn-bench-jars}
PORT=${PORT:-18493}
PG_PORT=${PG_PORT:-15493}
ES_PORT=${ES_PORT:-19293}
OUT=$(mktemp -d /tmp/kriyanusa-search-load-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
# compiled once, so no measurement includes compiling the client
"$JAVA_HOME/bin/javac" -d "$OUT/client" infra/bench/SearchLoadBench.java infra/bench/SearchBench.java
BENCH=("$JAVA" -cp "$OUT/client" SearchLoadBench)
echo "output in $OUT; before $BEFORE, after $AFTER; sizes $SIZES; $DURATION s per measurement after $WARMUP s"

WORKTREE=""
APP=""
cleanup() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi
  if [ -n "$WORKTREE" ]; then git worktree remove --force "$WORKTREE" 2>/dev/null || true; fi
}
trap cleanup EXIT

build() { # $1: label, $2: commit -> $OUT/$1.jar
  mkdir -p "$JAR_CACHE"
  if [ ! -f "$JAR_CACHE/$2.jar" ] || [ ! -d "$JAR_CACHE/$2.es-home" ]; then
    WORKTREE="/tmp/kn-bench-$2"
    git worktree add -q --detach "$WORKTREE" "$2"
    echo "--- building $1 ($2), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$WORKTREE" && time ./mvnw -B -ntp -o -pl backend -am -Plocal package -DskipTests -q)
    # the local Elasticsearch node is found beside the sources, not in the jar: keep the one built with it
    rm -rf "$JAR_CACHE/$2.es-home" && cp -r "$WORKTREE/infra/elasticsearch-node/target/es-home" "$JAR_CACHE/$2.es-home"
    cp "$WORKTREE/backend/target/kriyanusa-local.jar" "$JAR_CACHE/$2.jar.tmp" && mv "$JAR_CACHE/$2.jar.tmp" "$JAR_CACHE/$2.jar"
    git worktree remove --force "$WORKTREE"
    WORKTREE=""
  fi
  cp "$JAR_CACHE/$2.jar" "$OUT/$1.jar"
  cp -r "$JAR_CACHE/$2.es-home" "$OUT/$1-es-home"
}

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# PostgreSQL is a postmaster and its backends sharing memory: their proportional share (PSS), summed
pg_pss() {
  local postmaster
  postmaster=$(head -1 "$OUT/services/postgres/postmaster.pid")
  cat "/proc/$postmaster/smaps_rollup" $(pgrep -P "$postmaster" | sed 's|.*|/proc/&/smaps_rollup|') 2>/dev/null \
    | awk '/^Pss:/ {kb += $2} END {printf "%.0f", kb / 1024}'
}
s3_rss() { rss "$(pgrep -P "$APP" -f s3proxy | head -1)"; }
memory() { echo "$(rss "$APP") / $(rss "$ES_PID") / $(pg_pss) / $(s3_rss) MB"; }
result() { printf '%s\t%s\t%s\t%s\n' "$LABEL" "$N" "$1" "$2" >> "$RESULTS"; }
sql() { PGPASSWORD=kriyanusa psql -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U kriyanusa -d kriyanusa "$@"; }
measure() { # runs SearchLoadBench and files its RESULT lines under this build and size
  "${BENCH[@]}" "$@" | tee -a "$OUT/$LABEL-$N.log" | while IFS= read -r line; do
    if [[ $line == RESULT$'\t'* ]]; then
      line=${line#RESULT$'\t'}; result "${line%%$'\t'*}" "${line#*$'\t'}"; echo "  ${line%%$'\t'*}: ${line#*$'\t'}"
    else
      echo "$line"
    fi
  done
}

start_portal() { # $1: label, $2: log
  "$JAVA" -Xmx"$APP_HEAP" -jar "$OUT/$1.jar" --kriyanusa.local-services.elasticsearch.home="$OUT/$1-es-home" --spring.profiles.active=demo --server.port="$PORT" --server.address=127.0.0.1 \
    --kriyanusa.graphql.limits.cost-per-minute=100000000 --spring.mvc.async.request-timeout=15m \
    --kriyanusa.local-services.data-dir="$OUT/services" --kriyanusa.local-services.reset=true \
    --kriyanusa.local-services.postgres.port="$PG_PORT" --kriyanusa.local-services.elasticsearch.port="$ES_PORT" \
    > "$2" 2>&1 < /dev/zero &
  APP=$!
  for _ in $(seq 1 240); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP" 2>/dev/null || { echo "portal exited"; tail -40 "$2"; exit 1; }
    sleep 1
  done
  echo "portal did not start within 240 s"; tail -40 "$2"; exit 1
}

stop_portal() {
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
}

public_products() {
  sql -c "select count(*) from product p join brand b on b.id = p.brand_id where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED'"
}

for LABEL in $LABELS; do
  if [ "$LABEL" = before ]; then build before "$BEFORE"; else build after "$AFTER"; fi
done

for LABEL in $LABELS; do
  for N in $SIZES; do
    echo "=== $LABEL, N=$N, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    start_portal "$LABEL" "$OUT/$LABEL-$N.app.log"
    ES_PID=""
    for child in $(pgrep -P "$APP"); do
      if tr '\0' ' ' < "/proc/$child/cmdline" | grep -q org.elasticsearch; then ES_PID=$child; fi
    done
    "${BENCH[@]}" wait-count "$BASE" "$(public_products)" 300 > /dev/null # the start-up index is built
    sql -v n="$N" -f infra/bench/search-products.sql
    sql -c "analyze product" > /dev/null
    expected=$(public_products)
    token=$(curl -fs "$BASE/graphql" -H 'Content-Type: application/json' -d '{"query":"mutation { login(input: {email: \"admin@kriyanusa.test\", password: \"kriyanusa-demo\"}) { session { accessToken } } }"}' \
      | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    started=$(date +%s)
    curl -fs "$BASE/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d '{"query":"mutation { reindexSearch(input: {index: PRODUCTS, note: \"load benchmark\"}) { userErrors { code } } }"}' > /dev/null
    "${BENCH[@]}" wait-count "$BASE" "$expected" 900 > /dev/null
    seconds=$(($(date +%s) - started))
    result "index of N + demo products rebuilt" "$expected products in $seconds s"
    result "memory after loading: portal / Elasticsearch / PostgreSQL (PSS) / S3Proxy" "$(memory)"
    echo "  $expected public products indexed after the reindex in $seconds s; memory $(memory)"

    # the JIT compiles the search paths before anything is counted
    "${BENCH[@]}" load "$BASE" page 4 0 "$((WARMUP * 2))" > /dev/null
    "${BENCH[@]}" load "$BASE" list 4 0 "$((WARMUP * 2))" > /dev/null
    if [ "$SEARCHES" = 1 ]; then
      measure matches "$BASE"
      load_at_start=$(cut -d' ' -f1 /proc/loadavg)
      measure load "$BASE" list 1 "$WARMUP" "$DURATION"
      measure load "$BASE" list 8 "$WARMUP" "$DURATION"
      measure load "$BASE" page 8 "$WARMUP" "$DURATION"
      measure suggest "$BASE" "$WARMUP" "$DURATION"
      if [ -n "${SUGGEST_EXTRA:-}" ]; then measure suggest "$BASE" "$WARMUP" "$DURATION" "$SUGGEST_EXTRA"; fi
      result "load average (1 min) at the start / end of the searches" "$load_at_start / $(cut -d' ' -f1 /proc/loadavg)"
    fi
    if [ "$N" = "$API_AT" ]; then
      measure api-load "$BASE" "$API_PRODUCTS" 8 2 "$API_SECONDS" 600
      result "load average (1 min) after the API load" "$(cut -d' ' -f1 /proc/loadavg)"
    fi
    result "memory at the end: portal / Elasticsearch / PostgreSQL (PSS) / S3Proxy" "$(memory)"
    stop_portal
  done
done

echo "=== summary (before $BEFORE, after $AFTER; $DURATION s per measurement; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
"${BENCH[@]}" table "$RESULTS" | tee "$OUT/summary.md"
