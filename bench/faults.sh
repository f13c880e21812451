#!/usr/bin/env bash
# The NewsLens fault suite (issue 10): crashes and hostile input against a suite of its own.
#
#   bench/faults.sh
#
# Builds what is missing, copies the built artifacts to a temporary directory, starts PostgreSQL (the
# local-postgres launcher) and the three services there on free loopback ports, runs
# bench/FaultSuite.java, which
#   1. nlp_kill:      posts 2,000 short articles, kill -9s nlp-service while its workers hold jobs,
#                     restarts it and checks every article ends enriched exactly once;
#   2. postgres_kill: kill -9s the PostgreSQL postmaster twice under a steady stream of single and bulk
#                     POSTs and checks every acknowledged id is stored with its job;
#   3. hostile:       sends several hundred hostile requests across every endpoint of the three services;
# stops everything it started and prints ONE JSON object on stdout (progress and logs on stderr).
# Exit status 1 when any failing figure (lost, doubled, server_errors, ...) is not 0.
#
# Environment:
#   FAULTS_SCENARIOS       comma-separated subset of nlp_kill,postgres_kill,hostile (default: all, in that order)
#   FAULTS_NLP_ARTICLES    articles of nlp_kill (default 2000)
#   FAULTS_STREAM_SECONDS  length of postgres_kill's stream (default 30; the kills at 1/4 and 1/2 of it)
#   FAULTS_NLP_GRACE_S     nlp_kill gives up this long after the restart once nothing moves for 15 s (default 90)
#   BENCH_KEEP=1           keep the temporary directory (PostgreSQL data, service logs)
set -euo pipefail
set -m  # each background job gets its own process group, so stopping it stops its children
cd "$(dirname "$0")/.."

log() { echo "[faults] $*" >&2; }
started=$SECONDS
started_ms=$(date +%s%3N)

# --- build what is missing ---------------------------------------------------------------------------
if [[ ! -f local-postgres/target/local-postgres.jar || ! -d local-postgres/target/lib ||
      ! -f ingest-service/target/quarkus-app/quarkus-run.jar || ! -f nlp-service/target/quarkus-app/quarkus-run.jar ||
      ! -f query-service/target/quarkus-app/quarkus-run.jar ]]; then
  log "building local-postgres and the three services (missing jars)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service,query-service -am >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newslens-faults.XXXXXX")
client_pid="" query_pid="" ingest_pid="" nlp_pid="" pg_pid=""

bench_processes=(client_pid query_pid ingest_pid nlp_pid pg_pid)
# shellcheck source=bench/lib.sh
source bench/lib.sh

# The client restarts PostgreSQL and nlp-service and writes the new pids to $work/pids/: read them
# before lib.sh's cleanup stops what runs.
mkdir -p "$work/pids" "$work/env"
current_pids() {
  pg_pid=$(cat "$work/pids/pg" 2>/dev/null || echo "$pg_pid")
  nlp_pid=$(cat "$work/pids/nlp" 2>/dev/null || echo "$nlp_pid")
}
# (errexit off first: a failing run's status must reach cleanup, not abort the trap)
trap 'rc=$?; set +e; current_pids; (exit $rc); cleanup' EXIT

# --- a private copy of the built artifacts ----------------------------------------------------------
log "copying the built artifacts to $work/app"
mkdir -p "$work/app/local-postgres" "$work/app/ingest-service" "$work/app/nlp-service" "$work/app/query-service"
cp -a local-postgres/target/local-postgres.jar local-postgres/target/lib "$work/app/local-postgres/"
for service in ingest-service nlp-service query-service; do
  cp -a "$service/target/quarkus-app" "$work/app/$service/"
done
app=$work/app

pg_port=$(free_port)
nlp_port=$(free_port)
ingest_port=$(free_port)
query_port=$(free_port)
closed_port=$(free_port)  # nothing listens here: the feed URLs of the hostile scenario point at it
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"

# --- PostgreSQL --------------------------------------------------------------------------------------
start_postgres
echo "$pg_pid" >"$work/pids/pg"

# --- the three services, with the environment run.sh gives them -------------------------------------
start_service() {  # name port user extra-env...: writes $work/env/<name>.env (the client restarts from it)
  local name=$1 port=$2 user=$3
  shift 3
  printf '%s\n' QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" \
    QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD=newslens NEWSLENS_FEEDS_TICK=off "$@" \
    >"$work/env/$name.env"
  local env_vars
  mapfile -t env_vars <"$work/env/$name.env"
  log "starting $name on port $port"
  env "${env_vars[@]}" java -jar "$app/$name/quarkus-app/quarkus-run.jar" >"$work/$name.log" 2>&1 &
}
start_service nlp-service "$nlp_port" newslens
nlp_pid=$!
echo "$nlp_pid" >"$work/pids/nlp"
start_service ingest-service "$ingest_port" newslens QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$nlp_port"
ingest_pid=$!
start_service query-service "$query_port" newslens_reader QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$nlp_port" \
  NEWSLENS_INDEX_DIRECTORY="$work/query-index"
query_pid=$!
log_file=$work/nlp-service.log wait_until nlp-service 300 "$nlp_pid" http_ok "$nlp_port" /q/health/ready
log_file=$work/ingest-service.log wait_until ingest-service 300 "$ingest_pid" http_ok "$ingest_port" /q/health/ready
log_file=$work/query-service.log wait_until query-service 300 "$query_pid" http_ok "$query_port" /q/health/ready
log "suite ready after $((SECONDS - started)) s"

# --- the client --------------------------------------------------------------------------------------
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+uncommitted"
java -cp "$app/local-postgres/lib/*" bench/FaultSuite.java \
  --work "$work" --app "$app" --pg-port "$pg_port" --ingest-port "$ingest_port" --nlp-port "$nlp_port" \
  --query-port "$query_port" --closed-port "$closed_port" --commit "$commit" --started-ms "$started_ms" \
  --scenarios "${FAULTS_SCENARIOS:-nlp_kill,postgres_kill,hostile}" --nlp-articles "${FAULTS_NLP_ARTICLES:-2000}" \
  --stream-seconds "${FAULTS_STREAM_SECONDS:-30}" --nlp-grace-seconds "${FAULTS_NLP_GRACE_S:-90}" >"$work/result.json" &
client_pid=$!
client_rc=0
wait "$client_pid" || client_rc=$?
client_pid=""
cat "$work/result.json"
log "done in $((SECONDS - started)) s"
exit "$client_rc"
