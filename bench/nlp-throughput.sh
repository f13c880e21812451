#!/usr/bin/env bash
# Benchmark of NewsLens enrichment throughput (nlp-service job workers), with the bare Stanford CoreNLP
# stage on the same texts as the baseline, measured in the same run.
#
#   bench/nlp-throughput.sh [articles]        (default 600)
#
# Builds what is missing, snapshots the built artifacts into a temporary directory, generates N
# deterministic English news-like articles (about 700 tokens each), runs the baseline
# (bench/NlpCoreNlpBaseline.java: CoreNLP alone with 1 and 2 threads, then the service's stages in
# process, one thread, timed one by one), starts a fresh PostgreSQL on a free port, ingest-service once
# (its migration creates ingest.articles) and nlp-service with 2 workers, runs bench/NlpBench.java
# (articles and their jobs inserted in one transaction as ingest-service does, wake, poll
# /api/v1/jobs/stats until all are finished; then sequential POST /api/v1/analyze latency), stops
# everything it started and prints ONE JSON object on stdout. Progress goes to stderr.
#
# Environment:
#   BENCH_SEED              generator seed (default 42)
#   BENCH_WORKERS           NEWSLENS_NLP_WORKERS for nlp-service (default 2, one per core here)
#   BENCH_JAVA_OPTS         JVM options for nlp-service (default -Xmx768m)
#   BENCH_LATENCY_SAMPLES   sequential analyze calls timed (default 50)
#   BENCH_STAGES            articles for the in-process per-stage breakdown (default 150; 0 skips it)
#   BENCH_SKIP_BASELINE=1   no baseline JVM (corenlp_only and pipeline_in_process are then absent)
#   BENCH_KEEP=1            keep the temporary directory (PostgreSQL data, logs, texts)
set -euo pipefail
set -m  # each background job gets its own process group, so stopping it stops its children
cd "$(dirname "$0")/.."

articles=${1:-600}
[[ $articles =~ ^[0-9]+$ && $articles -gt 0 ]] || { echo "usage: bench/nlp-throughput.sh [articles]" >&2; exit 2; }
workers=${BENCH_WORKERS:-2}
seed=${BENCH_SEED:-42}

log() { echo "[bench] $*" >&2; }

# --- build what is missing ---------------------------------------------------------------------------
if [[ ! -f local-postgres/target/local-postgres.jar || ! -d local-postgres/target/lib ||
      ! -f ingest-service/target/quarkus-app/quarkus-run.jar ||
      ! -f nlp-service/target/quarkus-app/quarkus-run.jar || ! -d nlp-service/target/classes ]]; then
  log "building local-postgres, ingest-service and nlp-service (missing jars)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service -am >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newslens-nlp-bench.XXXXXX")
pg_pid="" ingest_pid="" nlp_pid="" base_pid=""

bench_processes=(base_pid nlp_pid ingest_pid pg_pid)
# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- a private copy of the built artifacts ----------------------------------------------------------
# Others may rebuild the modules (mvn package rewrites target/) while this runs; run from a snapshot.
log "copying the built artifacts to $work/app"
app=$work/app
mkdir -p "$app/local-postgres" "$app/ingest-service" "$app/nlp-service"
cp -a local-postgres/target/local-postgres.jar local-postgres/target/lib "$app/local-postgres/"
cp -a ingest-service/target/quarkus-app "$app/ingest-service/"
cp -a nlp-service/target/quarkus-app nlp-service/target/classes "$app/nlp-service/"
cp -a bench/NlpBench.java bench/NlpCoreNlpBaseline.java "$work/"

# --- the texts ---------------------------------------------------------------------------------------
log "generating $articles articles (seed $seed)"
java -cp "$app/local-postgres/lib/*" "$work/NlpBench.java" --write-texts "$work/texts.bin" \
  --articles "$articles" --seed "$seed"

# --- baseline: CoreNLP alone (1 and 2 threads), then the service's stages in process -----------------
# Before the services start, so that nothing else of this run competes for the cores.
baseline_out=""
if [[ ${BENCH_SKIP_BASELINE:-0} != 1 ]]; then
  log "baseline: bench/NlpCoreNlpBaseline.java (log in $work/baseline.log)"
  java -Xmx1500m -cp "$app/nlp-service/quarkus-app/lib/main/*:$app/nlp-service/classes" "$work/NlpCoreNlpBaseline.java" \
    --texts "$work/texts.bin" --out "$work/baseline.out" --warmup 20 --stages "${BENCH_STAGES:-150}" \
    >"$work/baseline.log" 2>&1 &
  base_pid=$!
  if ! wait "$base_pid"; then
    base_pid=""
    log "baseline failed"
    exit 1
  fi
  base_pid=""
  grep '^\[NlpCoreNlpBaseline\]' "$work/baseline.log" >&2 || true
  baseline_out=$work/baseline.out
fi

# --- PostgreSQL --------------------------------------------------------------------------------------
pg_port=$(free_port)
nlp_port=$(free_port)
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"
start_postgres

# --- ingest-service once, for its migration (ingest.articles, which jobs read), then stopped ----------
migrate_ingest_schema

# --- nlp-service -------------------------------------------------------------------------------------
# One attempt per job, so that a failing article is counted as failed at once instead of being retried
# with backoff for minutes; no re-enrichment sweeps (nothing to re-enrich in a fresh database anyway).
log "starting nlp-service on port $nlp_port with $workers workers (${BENCH_JAVA_OPTS:--Xmx768m})"
# shellcheck disable=SC2086
env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$nlp_port" QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" \
  QUARKUS_DATASOURCE_USERNAME=newslens QUARKUS_DATASOURCE_PASSWORD=newslens \
  NEWSLENS_NLP_WORKERS="$workers" NEWSLENS_NLP_JOBS_MAX_ATTEMPTS=1 NEWSLENS_NLP_REENRICHMENT_EVERY=off \
  java ${BENCH_JAVA_OPTS:--Xmx768m} -jar "$app/nlp-service/quarkus-app/quarkus-run.jar" >"$work/nlp-service.log" 2>&1 &
nlp_pid=$!
log_file=$work/nlp-service.log wait_until nlp-service 300 "$nlp_pid" http_ok "$nlp_port" /q/health/ready
# the JVM itself (not a wrapper): its RSS and CPU time are what the client samples
nlp_jvm=$(pgrep -g "$nlp_pid" -f quarkus-run.jar | head -1 || true)

# --- the client --------------------------------------------------------------------------------------
log "running bench/NlpBench.java with $articles articles"
java -cp "$app/local-postgres/lib/*" "$work/NlpBench.java" \
  --url "http://127.0.0.1:$nlp_port" --jdbc-url "$jdbc_url" --articles "$articles" --seed "$seed" \
  --nlp-pid "${nlp_jvm:-$nlp_pid}" --workers "$workers" --baseline "$baseline_out" \
  --latency-samples "${BENCH_LATENCY_SAMPLES:-50}" --postgres-data "$work/postgres"
