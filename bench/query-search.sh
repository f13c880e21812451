#!/usr/bin/env bash
# Benchmark of NewsLens query-service search latency, index build rate and semantic recall, against a
# PostgreSQL full-text-search baseline measured in the same run.
#
#   bench/query-search.sh [articles]        (default 1000000)
#
# Builds what is missing, starts a fresh PostgreSQL in a temporary directory on a free port, runs
# nlp-service (workers off: it only migrates and serves POST /api/v1/embed) and ingest-service once (for
# its migration, then stopped), generates the articles straight into the tables with
# bench/QueryBench.java (phase "load"), starts query-service on an empty index directory, and runs
# bench/QueryBench.java (phase "measure"): index build, HTTP query latencies per class, recall@10 of
# the HNSW search against exact search, and the PostgreSQL FTS baseline. Stops everything it started,
# removes its temporary directory, and prints ONE JSON object on stdout. Progress and logs go to stderr.
#
# Environment:
#   BENCH_VECTORS          articles with an embedding, the last ones (default min(articles, 300000))
#   BENCH_QUERIES          measured queries per class over HTTP (default 200)
#   BENCH_PG_QUERIES       measured queries per class on PostgreSQL FTS (default 200)
#   BENCH_CLASS_BUDGET_S   wall-clock cap per class in seconds, after which fewer queries count (default 60)
#   BENCH_RECALL_QUERIES   query vectors for recall@10, per kind (default 50)
#   BENCH_KNN_CANDIDATES   sets query-service's newslens.search.knn-candidates (default: the service's default)
#   BENCH_SEED             generator seed (default 42)
#   BENCH_QUERY_JAVA_OPTS  extra JVM options for query-service (e.g. -Xmx2g)
#   BENCH_KEEP=1           keep the temporary directory (PostgreSQL data, index, service logs)
#   BENCH_SKIP_POSTGRES=1  skip the PostgreSQL FTS baseline (Lucene side only; ~20 min less at 1M)
set -euo pipefail
set -m  # each background job gets its own process group, so stopping it stops its children
cd "$(dirname "$0")/.."

articles=${1:-1000000}
[[ $articles =~ ^[0-9]+$ && $articles -gt 0 ]] || { echo "usage: bench/query-search.sh [articles]" >&2; exit 2; }
vectors=${BENCH_VECTORS:-$((articles < 300000 ? articles : 300000))}
[[ $vectors =~ ^[0-9]+$ && $vectors -le $articles ]] || { echo "BENCH_VECTORS must be 0..articles" >&2; exit 2; }

log() { echo "[bench] $(date +%T) $*" >&2; }

# --- build what is missing ---------------------------------------------------------------------------
if [[ ! -f local-postgres/target/local-postgres.jar || ! -d local-postgres/target/lib ||
      ! -f ingest-service/target/quarkus-app/quarkus-run.jar || ! -f nlp-service/target/quarkus-app/quarkus-run.jar ||
      ! -f query-service/target/quarkus-app/quarkus-run.jar ]]; then
  log "building local-postgres, ingest-service, nlp-service and query-service (missing jars)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service,query-service -am >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newslens-query-bench.XXXXXX")
pg_pid="" nlp_pid="" ingest_pid="" query_pid="" bench_pid=""

bench_processes=(bench_pid query_pid ingest_pid nlp_pid pg_pid)
# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- a private copy of the built artifacts ----------------------------------------------------------
# Others may rebuild the modules (mvn package rewrites target/) while this runs; run from a snapshot.
log "copying the built artifacts to $work/app"
mkdir -p "$work/app/local-postgres" "$work/app/ingest-service" "$work/app/nlp-service" "$work/app/query-service"
cp -a local-postgres/target/local-postgres.jar local-postgres/target/lib "$work/app/local-postgres/"
cp -a ingest-service/target/quarkus-app "$work/app/ingest-service/"
cp -a nlp-service/target/quarkus-app "$work/app/nlp-service/"
cp -a query-service/target/quarkus-app "$work/app/query-service/"
cp bench/QueryBench.java "$work/app/"
app=$work/app

pg_port=$(free_port)
nlp_port=$(free_port)
query_port=$(free_port)
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"
owner_env=(QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME=newslens QUARKUS_DATASOURCE_PASSWORD=newslens)
bench=(java -cp "$app/local-postgres/lib/*" "$app/QueryBench.java" --jdbc-url "$jdbc_url"
       --articles "$articles" --vectors "$vectors" --seed "${BENCH_SEED:-42}" --state "$work/state.json")

# --- PostgreSQL --------------------------------------------------------------------------------------
start_postgres

# --- nlp-service (migrations, then /api/v1/embed for semantic and hybrid search); no workers ---------
log "starting nlp-service on port $nlp_port (workers off)"
env "${owner_env[@]}" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$nlp_port" NEWSLENS_NLP_WORKERS=0 \
  java -jar "$app/nlp-service/quarkus-app/quarkus-run.jar" >"$work/nlp-service.log" 2>&1 &
nlp_pid=$!
# Flyway runs before the HTTP server opens, so liveness means the nlp schema exists; models load later.
log_file=$work/nlp-service.log wait_until nlp-service 300 "$nlp_pid" http_ok "$nlp_port" /q/health/live

# --- ingest-service once, for its migration (ingest.*), then stopped -----------------------------------
migrate_ingest_schema

# --- generate the articles straight into the tables ---------------------------------------------------
# The client runs in the background and is waited for, so that INT/TERM reach the trap at once.
run_bench() {
  "${bench[@]}" "$@" &
  bench_pid=$!
  wait "$bench_pid"
  bench_pid=""
}

# the load embeds the vectors' topic centres through nlp-service, so its models must be loaded first
log "waiting for nlp-service's models (readiness)"
log_file=$work/nlp-service.log wait_until nlp-service 600 "$nlp_pid" http_ok "$nlp_port" /q/health/ready

log "phase load: $articles articles, $vectors vectors"
run_bench --phase load --nlp-url "http://127.0.0.1:$nlp_port"

# --- query-service on an empty index --------------------------------------------------------------------
log "starting query-service on port $query_port (index in $work/index)"
query_started_ms=$(date +%s%3N)
# shellcheck disable=SC2086
env QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME=newslens_reader \
  QUARKUS_DATASOURCE_PASSWORD=newslens QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$query_port" NEWSLENS_INDEX_DIRECTORY="$work/index" \
  QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$nlp_port" \
  ${BENCH_KNN_CANDIDATES:+NEWSLENS_SEARCH_KNN_CANDIDATES="$BENCH_KNN_CANDIDATES"} \
  java ${BENCH_QUERY_JAVA_OPTS:-} -jar "$app/query-service/quarkus-app/quarkus-run.jar" >"$work/query-service.log" 2>&1 &
query_pid=$!
log_file=$work/query-service.log wait_until query-service 300 "$query_pid" http_ok "$query_port" /q/health/live

log "phase measure"
run_bench --phase measure --query-url "http://127.0.0.1:$query_port" --nlp-url "http://127.0.0.1:$nlp_port" \
  --query-started-ms "$query_started_ms" --query-pid "$query_pid" --index-dir "$work/index" \
  --knn-candidates "${BENCH_KNN_CANDIDATES:-service default}" \
  --queries "${BENCH_QUERIES:-200}" --pg-queries "${BENCH_PG_QUERIES:-200}" \
  --class-budget-s "${BENCH_CLASS_BUDGET_S:-60}" --recall-queries "${BENCH_RECALL_QUERIES:-50}" \
  "$([[ ${BENCH_SKIP_POSTGRES:-0} == 1 ]] && echo --skip-postgres || echo --measure-postgres)"
log "done"
