#!/usr/bin/env bash
# The exam load benchmark (a separate command, not part of the tests). Builds the application, starts it on
# PostgreSQL (a database of its own on 127.0.0.1:5432) with the benchmark profile, prepares N candidates with open
# sittings, and measures the start spike, paced autosave, saturated saves and the plain-JDBC baseline in one run.
#
#   scripts/benchmark.sh                 # 2,000 candidates
#   scripts/benchmark.sh 5000            # 5,000 candidates
#   SPIKE_SECONDS=60 AUTOSAVE_SECONDS=60 SAVE_INTERVAL=10 WORKERS=32 scripts/benchmark.sh 5000
#
# The report is printed and written to target/benchmark/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CANDIDATES=${1:-2000}
PORT=${BENCH_PORT:-8099}
DB="bench_$(date +%Y%m%d%H%M%S)"

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE \"$DB\""

APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" || true
}
trap cleanup EXIT

echo "Building..."
mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath

echo "Starting the application on PostgreSQL database $DB, port $PORT..."
mkdir -p target/benchmark
SPRING_PROFILES_ACTIVE=postgres,benchmark DB_NAME="$DB" DEMO_DATA=true CERTIFICATION_DATA_DIR=./target/benchmark/data \
  DB_POOL_SIZE=${DB_POOL_SIZE:-20} java -Xmx1g ${APP_JAVA_OPTS:-} -jar target/carbon-certification-*.jar --server.port="$PORT" \
  --logging.level.root=WARN ${APP_ARGS:-} > target/benchmark/application.log 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/api/sessions" > /dev/null && break
  sleep 1
done
curl -sf "http://localhost:$PORT/api/sessions" > /dev/null || { echo "the application did not start"; tail -50 target/benchmark/application.log; exit 1; }

java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  cn.cabr.carbon.benchmark.ExamLoadBenchmark --base="http://localhost:$PORT" --candidates="$CANDIDATES" \
  --spike-seconds="${SPIKE_SECONDS:-60}" --autosave-seconds="${AUTOSAVE_SECONDS:-60}" \
  --save-interval="${SAVE_INTERVAL:-10}" --workers="${WORKERS:-32}" \
  --jdbc="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
