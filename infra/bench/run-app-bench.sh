#!/usr/bin/env bash
# End-to-end media benchmark on loopback: starts the packaged portal (demo data, its own fresh local services) with a
# 256 MB heap and GC logging, times confirmImageUpload of 12-megapixel JPEGs, then measures serving of a rendition
# with wrk (200 from the in-memory cache, and 304 for If-None-Match). Bounded: 2 wrk threads, 32 connections, 20 s each.
# Needs: ./mvnw -pl backend -am -Plocal package -DskipTests, and wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${PORT:-18480}
RUNS=${RUNS:-6}
OUT=$(mktemp -d /tmp/kriyanusa-bench.XXXXXX)
echo "output in $OUT"

"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseG1GC -Xlog:gc:file="$OUT/gc.log" \
  -Dkriyanusa.local-services.data-dir="$OUT/services" -Dkriyanusa.local-services.reset=true \
  -jar backend/target/kriyanusa-local.jar --spring.profiles.active=demo --server.port="$PORT" \
  > "$OUT/app.log" 2>&1 < /dev/zero &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "portal did not start"; tail -50 "$OUT/app.log"; exit 1; }
grep -o "Image renditions: .*" "$OUT/app.log" || true

"$JAVA_HOME/bin/java" infra/bench/ConfirmBench.java "http://127.0.0.1:$PORT" "$RUNS" "$OUT/rendition-url.txt"
URL=$(cat "$OUT/rendition-url.txt")
ETAG=\"$(basename "$URL" .jpg)\"
echo "whole portal at -Xmx256m: largest heap left after a GC pause (live data + old garbage):" \
  "$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | cut -d'>' -f2 | tr -d M | sort -n | tail -1) MB;" \
  "OutOfMemoryErrors: $(grep -c OutOfMemoryError "$OUT/app.log" || true)"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s -o /dev/null -D - "$URL" | grep -iE '^(HTTP|content-type|content-length|cache-control|etag|x-content-type-options)'

echo "--- serving $URL (200)"
wrk -t2 -c32 -d20s --latency "$URL"
echo "--- serving with If-None-Match (304)"
wrk -t2 -c32 -d20s --latency -H "If-None-Match: $ETAG" "$URL"
