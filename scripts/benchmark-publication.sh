#!/usr/bin/env bash
# The publication and certificate batch benchmark (a separate command, not part of the tests). Builds the application,
# starts it on PostgreSQL (a database of its own on 127.0.0.1:5432) with the benchmark profile, prepares N cases that
# wait for the session's score publication, and measures in one run: (a') plain message correlation, (a) publishing
# the scores (results visible, cases moved on, result mails written), (b') minimal PDFs with the certificate's font,
# (b) issuing the certificates (signed PDFs). Mails go to a drop directory under target/benchmark, not to a server.
#
#   scripts/benchmark-publication.sh            # 10,000 cases
#   scripts/benchmark-publication.sh 2000       # 2,000 cases
#
# The report is printed and written to target/benchmark/publication-report.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${1:-10000}
PORT=${BENCH_PORT:-8098}
DB="benchpub_$(date +%Y%m%d%H%M%S)"
DATA=./target/benchmark/publication-data

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE \"$DB\""

APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" || true
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building..."
  mvn -q -B -DskipTests package
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
fi

echo "Starting the application on PostgreSQL database $DB, port $PORT..."
mkdir -p target/benchmark
rm -rf "$DATA"
SPRING_PROFILES_ACTIVE=postgres,benchmark DB_NAME="$DB" DEMO_DATA=true CERTIFICATION_DATA_DIR="$DATA" \
  MAIL_DROP_DIRECTORY="$DATA/mail" PUBLIC_URL=https://cert.example.cn \
  DB_POOL_SIZE=${DB_POOL_SIZE:-20} java -Xmx1g ${APP_JAVA_OPTS:-} -jar target/carbon-certification-*.jar --server.port="$PORT" \
  --logging.level.root=WARN ${APP_ARGS:-} > target/benchmark/publication-application.log 2>&1 &
APP_PID=$!
for _ in $(seq 1 "${START_TIMEOUT:-600}"); do
  curl -sf "http://localhost:$PORT/api/sessions" > /dev/null && break
  sleep 1
done
curl -sf "http://localhost:$PORT/api/sessions" > /dev/null || { echo "the application did not start"; tail -50 target/benchmark/publication-application.log; exit 1; }

java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  cn.cabr.carbon.benchmark.PublicationBenchmark --base="http://localhost:$PORT" --cases="$CASES" \
  --storage="$DATA/files" --timeout-minutes="${TIMEOUT_MINUTES:-90}" \
  --jdbc="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
