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
#   BENCH_VECTORS          articles with an embedding (default min(articles, 100000))
#   BENCH_QUERIES          measured queries per class over HTTP (default 200)
#   BENCH_PG_QUERIES       measured queries per class on PostgreSQL FTS (default 200)
#   BENCH_CLASS_BUDGET_S   wall-clock cap per class in seconds, after which fewer queries count (default 60)
#   BENCH_RECALL_QUERIES   query vectors for recall@10 (default 50)
#   BENCH_SEED             generator seed (default 42)
#   BENCH_QUERY_JAVA_OPTS  extra JVM options for query-service (e.g. -Xmx2g)
#   BENCH_KEEP=1           keep the temporary directory (PostgreSQL data, index, service logs)
set -euo pipefail
set -m  # each background job gets its own process group, so stopping it stops its children
cd "$(dirname "$0")/.."

articles=${1:-1000000}
[[ $articles =~ ^[0-9]+$ && $articles -gt 0 ]] || { echo "usage: bench/query-search.sh [articles]" >&2; exit 2; }
vectors=${BENCH_VECTORS:-$((articles < 100000 ? articles : 100000))}
[[ $vectors =~ ^[0-9]+$ && $vectors -le $articles ]] || { echo "BENCH_VECTORS must be 0..articles" >&2; exit 2; }

log() { echo "[bench] $(date +%T) $*" >&2; }

# --- build what is missing ---------------------------------------------------------------------------
if [[ ! -f local-postgres/target/local-postgres.jar || ! -d local-postgres/target/lib ||
      ! -f ingest-service/target/quarkus-app/quarkus-run.jar || ! -f nlp-service/target/quarkus-app/quarkus-run.jar ||
      ! -f query-service/target/quarkus-app/quarkus-run.jar ]]; then
  log "building local-postgres, ingest-service, nlp-service and query-service (missing jars)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service,query-service >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newslens-query-bench.XXXXXX")
pg_pid="" nlp_pid="" ingest_pid="" query_pid="" bench_pid=""

stop_group() {  # pid: TERM its process group, wait up to 30 s, then KILL
  local pid=$1
  [[ -n $pid ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "process $pid did not stop in 30 s; killing it"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_group "$bench_pid"
  stop_group "$query_pid"
  stop_group "$ingest_pid"
  stop_group "$nlp_pid"
  stop_group "$pg_pid"
  # pg_ctl starts the postmaster in its own session, outside the launcher's process group; the launcher's
  # shutdown hook stops it, and if that failed, stop the postmaster of our data directory.
  if [[ -f $work/postgres/postmaster.pid ]]; then
    local postmaster
    postmaster=$(head -1 "$work/postgres/postmaster.pid")
    if [[ -n $postmaster ]] && kill -0 "$postmaster" 2>/dev/null; then
      log "stopping PostgreSQL postmaster $postmaster"
      kill -INT "$postmaster" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$postmaster" 2>/dev/null || true
    fi
  fi
  if [[ $rc -ne 0 ]]; then
    for f in "$work"/*.log; do
      [[ -f $f ]] || continue
      log "--- last lines of $(basename "$f") ---"
      tail -n 25 "$f" >&2
    done
  fi
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    log "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

taken=()
free_port() {  # a port nobody listens on, not handed out before in this run
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    [[ " ${taken[*]:-} " == *" $port "* ]] && continue
    port_open "$port" && continue
    taken+=("$port")
    echo "$port"
    return
  done
}

http_ok() {  # port path: true when GET answers 200
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3>&-
  [[ $status == *" 200 "* ]]
}

wait_until() {  # what seconds pid command...: run command until true; fail if pid ends or time runs out
  local what=$1 seconds=$2 pid=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || { log "$what stopped while starting"; return 1; }
    if [[ -n ${log_file:-} ]] && grep -q "Failed to start application" "$log_file" 2>/dev/null; then
      log "$what failed to start"; return 1
    fi
    sleep 0.5
  done
  log "$what was not ready after ${seconds}s"
  return 1
}

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
ingest_port=$(free_port)
query_port=$(free_port)
dead_port=$(free_port)  # nothing listens here: ingest-service's nlp wake-up calls fail fast
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"
owner_env=(QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME=newslens QUARKUS_DATASOURCE_PASSWORD=newslens)
bench=(java -cp "$app/local-postgres/lib/*" "$app/QueryBench.java" --jdbc-url "$jdbc_url"
       --articles "$articles" --vectors "$vectors" --seed "${BENCH_SEED:-42}" --state "$work/state.json")

# --- PostgreSQL --------------------------------------------------------------------------------------
log "starting PostgreSQL on port $pg_port (data in $work/postgres)"
java -cp "$app/local-postgres/local-postgres.jar:$app/local-postgres/lib/*" org.newslens.localpg.LocalPostgres \
  "$work/postgres" "$pg_port" >"$work/postgres.log" 2>&1 &
pg_pid=$!
wait_until PostgreSQL 120 "$pg_pid" grep -q "PostgreSQL ready" "$work/postgres.log"

# --- nlp-service (migrations, then /api/v1/embed for semantic and hybrid search); no workers ---------
log "starting nlp-service on port $nlp_port (workers off)"
env "${owner_env[@]}" QUARKUS_HTTP_PORT="$nlp_port" NEWSLENS_NLP_WORKERS=0 \
  java -jar "$app/nlp-service/quarkus-app/quarkus-run.jar" >"$work/nlp-service.log" 2>&1 &
nlp_pid=$!
# Flyway runs before the HTTP server opens, so liveness means the nlp schema exists; models load later.
log_file=$work/nlp-service.log wait_until nlp-service 300 "$nlp_pid" http_ok "$nlp_port" /q/health/live

# --- ingest-service once, for its migration (ingest.*), then stopped -----------------------------------
log "starting ingest-service on port $ingest_port for its migration"
env "${owner_env[@]}" QUARKUS_HTTP_PORT="$ingest_port" QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$dead_port" \
  NEWSLENS_FEEDS_TICK=off \
  java -jar "$app/ingest-service/quarkus-app/quarkus-run.jar" >"$work/ingest-service.log" 2>&1 &
ingest_pid=$!
log_file=$work/ingest-service.log wait_until ingest-service 300 "$ingest_pid" http_ok "$ingest_port" /q/health/live
stop_group "$ingest_pid"
ingest_pid=""

# --- generate the articles straight into the tables ---------------------------------------------------
# The client runs in the background and is waited for, so that INT/TERM reach the trap at once.
run_bench() {
  "${bench[@]}" "$@" &
  bench_pid=$!
  wait "$bench_pid"
  bench_pid=""
}

log "phase load: $articles articles, $vectors vectors"
run_bench --phase load

# the embedding model must be loaded before semantic queries; wait now so its loading does not overlap
# the index build
log "waiting for nlp-service's models (readiness)"
log_file=$work/nlp-service.log wait_until nlp-service 600 "$nlp_pid" http_ok "$nlp_port" /q/health/ready

# --- query-service on an empty index --------------------------------------------------------------------
log "starting query-service on port $query_port (index in $work/index)"
query_started_ms=$(date +%s%3N)
# shellcheck disable=SC2086
env QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME=newslens_reader \
  QUARKUS_DATASOURCE_PASSWORD=newslens QUARKUS_HTTP_PORT="$query_port" NEWSLENS_INDEX_DIRECTORY="$work/index" \
  QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$nlp_port" \
  java ${BENCH_QUERY_JAVA_OPTS:-} -jar "$app/query-service/quarkus-app/quarkus-run.jar" >"$work/query-service.log" 2>&1 &
query_pid=$!
log_file=$work/query-service.log wait_until query-service 300 "$query_pid" http_ok "$query_port" /q/health/live

log "phase measure"
run_bench --phase measure --query-url "http://127.0.0.1:$query_port" --nlp-url "http://127.0.0.1:$nlp_port" \
  --query-started-ms "$query_started_ms" --index-dir "$work/index" \
  --queries "${BENCH_QUERIES:-200}" --pg-queries "${BENCH_PG_QUERIES:-200}" \
  --class-budget-s "${BENCH_CLASS_BUDGET_S:-60}" --recall-queries "${BENCH_RECALL_QUERIES:-50}"
log "done"
