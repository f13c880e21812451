#!/usr/bin/env bash
# Benchmark of NewsLens bulk NDJSON ingestion against a PostgreSQL COPY baseline, in one run.
#
#   bench/ingest-bulk.sh [articles]        (default 100000)
#
# Builds what is missing, starts a fresh PostgreSQL in a temporary directory on a free port, runs
# nlp-service once (workers off) so that its Flyway migration creates nlp.jobs, stops it, starts
# ingest-service, runs bench/IngestBench.java, stops everything it started and prints ONE JSON object
# on stdout. Progress and logs go to stderr.
#
# Environment:
#   NEWSLENS_INGEST_BULK_BATCH_SIZE  passed to ingest-service (articles per transaction, default 500)
#   BENCH_SEED                       generator seed (default 42)
#   BENCH_JAVA_OPTS                  extra JVM options for ingest-service (e.g. -Xmx1g)
#   BENCH_KEEP=1                     keep the temporary directory (PostgreSQL data, service logs)
#   BENCH_SETUP_SQL                  one SQL statement run before the first bulk ingest (an experiment,
#                                    e.g. "ALTER INDEX ingest.articles_lsh_bands_idx SET (fastupdate = off)");
#                                    echoed in the output as "setup_sql"
#   BENCH_INGEST_PG_OPTIONS          PostgreSQL session settings for ingest-service's connections only (an
#                                    experiment, e.g. "-c enable_indexscan=off"); echoed as "ingest_pg_options"
#   BENCH_HTTP_CLIENT=jdk            send with java.net.http instead of the full-duplex socket client
set -euo pipefail
set -m  # each background job gets its own process group, so stopping it stops its children
cd "$(dirname "$0")/.."

articles=${1:-100000}
[[ $articles =~ ^[0-9]+$ && $articles -gt 0 ]] || { echo "usage: bench/ingest-bulk.sh [articles]" >&2; exit 2; }

log() { echo "[bench] $*" >&2; }

# --- build what is missing ---------------------------------------------------------------------------
if [[ ! -f local-postgres/target/local-postgres.jar || ! -d local-postgres/target/lib ||
      ! -f ingest-service/target/quarkus-app/quarkus-run.jar || ! -f nlp-service/target/quarkus-app/quarkus-run.jar ]]; then
  log "building local-postgres, ingest-service and nlp-service (missing jars)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service -am >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newslens-bench.XXXXXX")
pg_pid="" nlp_pid="" ingest_pid=""

bench_processes=(ingest_pid nlp_pid pg_pid)
# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- a private copy of the built artifacts ----------------------------------------------------------
# Others may rebuild the modules (mvn package rewrites target/) while this runs; run from a snapshot.
log "copying the built artifacts to $work/app"
mkdir -p "$work/app/local-postgres" "$work/app/ingest-service" "$work/app/nlp-service"
cp -a local-postgres/target/local-postgres.jar local-postgres/target/lib "$work/app/local-postgres/"
cp -a ingest-service/target/quarkus-app "$work/app/ingest-service/"
cp -a nlp-service/target/quarkus-app "$work/app/nlp-service/"
app=$work/app

pg_port=$(free_port)
nlp_port=$(free_port)
ingest_port=$(free_port)
dead_port=$(free_port)  # nothing listens here: ingest-service's nlp wake-up calls fail fast
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"
db_env=(QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME=newslens QUARKUS_DATASOURCE_PASSWORD=newslens)
ingest_jdbc_url=$jdbc_url
if [[ -n ${BENCH_INGEST_PG_OPTIONS:-} ]]; then
  options=${BENCH_INGEST_PG_OPTIONS// /%20}
  ingest_jdbc_url="$jdbc_url?options=${options//=/%3D}"
fi

# --- PostgreSQL --------------------------------------------------------------------------------------
start_postgres

# --- nlp-service once, for its migration (nlp.jobs); no workers, then stopped --------------------------
# Flyway runs before the HTTP server opens, so liveness (200) means nlp.jobs exists. Readiness would also
# wait for the NLP models, which ingestion does not need (and which take long to load on 2 cores).
log "starting nlp-service on port $nlp_port (workers off) to create nlp.jobs"
env "${db_env[@]}" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$nlp_port" NEWSLENS_NLP_WORKERS=0 \
  java -jar "$app/nlp-service/quarkus-app/quarkus-run.jar" >"$work/nlp-service.log" 2>&1 &
nlp_pid=$!
log_file=$work/nlp-service.log wait_until nlp-service 180 "$nlp_pid" http_ok "$nlp_port" /q/health/live
log "stopping nlp-service so that enrichment does not compete for CPU"
stop_group "$nlp_pid"
nlp_pid=""

# --- ingest-service ----------------------------------------------------------------------------------
log "starting ingest-service on port $ingest_port (batch size ${NEWSLENS_INGEST_BULK_BATCH_SIZE:-500 (default)})"
# shellcheck disable=SC2086
env "${db_env[@]}" QUARKUS_DATASOURCE_JDBC_URL="$ingest_jdbc_url" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$ingest_port" QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$dead_port" \
  NEWSLENS_FEEDS_TICK=off \
  java ${BENCH_JAVA_OPTS:-} -jar "$app/ingest-service/quarkus-app/quarkus-run.jar" >"$work/ingest-service.log" 2>&1 &
ingest_pid=$!
log_file=$work/ingest-service.log wait_until ingest-service 300 "$ingest_pid" http_ok "$ingest_port" /q/health/ready
# the JVM itself (not a wrapper): its CPU time is what the client samples
ingest_jvm=$(pgrep -g "$ingest_pid" -f quarkus-run.jar | head -1 || true)

# --- the client --------------------------------------------------------------------------------------
log "running bench/IngestBench.java with $articles articles"
java -cp "$app/local-postgres/lib/*" bench/IngestBench.java \
  --ingest-url "http://127.0.0.1:$ingest_port" --jdbc-url "$jdbc_url" --articles "$articles" \
  --seed "${BENCH_SEED:-42}" --cores "$(nproc)" --ingest-pid "${ingest_jvm:-$ingest_pid}" \
  --postgres-data "$work/postgres" --batch-size "${NEWSLENS_INGEST_BULK_BATCH_SIZE:-500 (default)}" \
  --setup-sql "${BENCH_SETUP_SQL:-}" --ingest-pg-options "${BENCH_INGEST_PG_OPTIONS:-}" --http-client "${BENCH_HTTP_CLIENT:-full-duplex}"
