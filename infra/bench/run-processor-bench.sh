#!/usr/bin/env bash
# In-process benchmark of the image pipeline (the heavy part of confirmImageUpload) on a 12-megapixel JPEG,
# in a JVM capped at 256 MB of heap (HEAP=96m ... to find the smallest heap that still works). Needs the backend compiled: ./mvnw -pl backend -am -Plocal package -DskipTests
# Usage: run-processor-bench.sh [runs] [warm-up]; with warm-up, the first photo follows the portal's start-up warm-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -f backend/target/bench-classpath.txt ]; then
  JAVA_HOME=$JAVA_HOME ./mvnw -q -o -pl backend dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
exec "$JAVA_HOME/bin/java" -Xmx"${HEAP:-256m}" -XX:+UseG1GC \
  -cp "backend/target/classes:$(cat backend/target/bench-classpath.txt)" \
  infra/bench/ProcessorBench.java "${1:-8}" ${2:-}
