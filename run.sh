#!/usr/bin/env bash
# Runs the whole NewsLens suite on this machine: a local PostgreSQL (from the embedded-postgres jar,
# no Docker, no installed server) and the three services against it.
#
#   ./run.sh          packaged services (builds what is missing first)
#   ./run.sh --dev    services in Quarkus dev mode (live reload)
#
# Settings (environment): NEWSLENS_HOME (state directory, default ./.newslens), NEWSLENS_PG_PORT
# (default 5433), INGEST_PORT / NLP_PORT / QUERY_PORT (default 8081 / 8082 / 8083),
# NEWSLENS_BIND (the address the services listen on, default 127.0.0.1: this machine only) and
# NEWSLENS_API_KEY (required on writes when set; required to start when NEWSLENS_BIND is not loopback).
# PostgreSQL always listens on loopback only and asks every role for its password.
set -euo pipefail
set -m  # every background job gets its own process group, so stopping one stops all its children
cd "$(dirname "$0")"

mode=packaged
case "${1:-}" in
  --dev) mode=dev ;;
  "") ;;
  *) echo "usage: ./run.sh [--dev]" >&2; exit 2 ;;
esac

home=${NEWSLENS_HOME:-.newslens}
mkdir -p "$home"
home=$(cd "$home" && pwd)  # absolute: dev mode runs each service from its own folder
pg_port=${NEWSLENS_PG_PORT:-5433}
ingest_port=${INGEST_PORT:-8081}
nlp_port=${NLP_PORT:-8082}
query_port=${QUERY_PORT:-8083}
bind=${NEWSLENS_BIND:-127.0.0.1}
api_key=${NEWSLENS_API_KEY:-}
logs="$home/logs"
mkdir -p "$logs"
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/newslens"

is_loopback() {  # the services' own rule: decided from the text alone, anything ambiguous is not loopback
  local part
  case $1 in
    localhost | ::1 | "[::1]" | 0:0:0:0:0:0:0:1) return 0 ;;
  esac
  [[ $1 =~ ^127\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
  for part in "${BASH_REMATCH[@]:1}"; do
    [[ $part =~ ^(0|[1-9][0-9]*)$ ]] && ((part <= 255)) || return 1
  done
}
if ! is_loopback "$bind" && [[ -z $api_key ]]; then
  echo "NEWSLENS_BIND=$bind makes the services reachable from other machines, so they need an API key:" >&2
  echo "set NEWSLENS_API_KEY (e.g. NEWSLENS_API_KEY=\$(openssl rand -hex 24)) and pass it as X-API-Key on writes," >&2
  echo "or leave NEWSLENS_BIND unset to listen on 127.0.0.1 only." >&2
  exit 1
fi
# where this script (readiness, samples) and the printed links reach the services
case $bind in
  0.0.0.0 | :: | "[::]" | localhost | ::1 | "[::1]" | 0:0:0:0:0:0:0:1) reach=127.0.0.1 ;;
  *) reach=$bind ;;
esac

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo
  echo "Stopping NewsLens..."
  # services first, the database last
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-${pids[i]}" 2>/dev/null || true
  done
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

http_ok() {  # port path: true when GET answers 200 (bash only, no curl needed)
  local status
  { exec 3<>"/dev/tcp/$reach/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$2" "$reach" >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3>&-
  [[ $status == *" 200 "* ]]
}

wait_until() {  # description seconds command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    "$@" && return 0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "A process stopped while waiting for $what; see $logs/" >&2; exit 1; }
    done
    sleep 0.5
  done
  echo "$what was not ready after ${seconds}s; see $logs/" >&2
  exit 1
}

for port in "$pg_port" "$ingest_port" "$nlp_port" "$query_port"; do
  if port_open "$port" || port_open "$port" "$reach"; then
    echo "Port $port is already in use (is NewsLens already running?). Stop that process or choose other ports." >&2
    trap - EXIT
    exit 1
  fi
done

needs_build=false
[[ -f local-postgres/target/local-postgres.jar ]] || needs_build=true
if [[ $mode == packaged ]]; then
  for service in ingest-service nlp-service query-service; do
    [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || needs_build=true
  done
fi
if $needs_build; then
  echo "Building NewsLens (first run only; downloads dependencies, a few minutes)..."
  ./mvnw -B -q package -DskipTests -pl local-postgres,ingest-service,nlp-service,query-service -am
fi

rotate_log() {  # keeps the previous run's log as name.log.1
  [[ -f $logs/$1.log ]] && mv -f "$logs/$1.log" "$logs/$1.log.1"
  return 0
}

echo "Starting PostgreSQL on port $pg_port (data in $home/postgres)..."
rotate_log postgres
java -cp "local-postgres/target/local-postgres.jar:local-postgres/target/lib/*" org.newslens.localpg.LocalPostgres \
  "$home/postgres" "$pg_port" >"$logs/postgres.log" 2>&1 &
pids+=($!)
wait_until "PostgreSQL" 60 grep -q "PostgreSQL ready" "$logs/postgres.log"
grep "PostgreSQL ready" "$logs/postgres.log"

start_service() {  # name port user extra-env...
  local name=$1 port=$2 user=$3
  shift 3
  local env=(QUARKUS_HTTP_HOST="$bind" QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url"
             QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD=newslens "$@")
  [[ -n $api_key ]] && env+=(NEWSLENS_API_KEY="$api_key")
  rotate_log "$name"
  if [[ $mode == dev ]]; then
    env "${env[@]}" ./mvnw -B -q -f "$name/pom.xml" quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false \
      >"$logs/$name.log" 2>&1 &
  else
    env "${env[@]}" java ${JAVA_OPTS:-} -jar "$name/target/quarkus-app/quarkus-run.jar" >"$logs/$name.log" 2>&1 &
  fi
  pids+=($!)
}

echo "Starting nlp-service, ingest-service and query-service ($mode)..."
start_service nlp-service "$nlp_port" newslens
start_service ingest-service "$ingest_port" newslens QUARKUS_REST_CLIENT_NLP_URL="http://$reach:$nlp_port"
start_service query-service "$query_port" newslens_reader NEWSLENS_INDEX_DIRECTORY="$home/query-index" \
  QUARKUS_REST_CLIENT_NLP_URL="http://$reach:$nlp_port"

ready_timeout=$([[ $mode == dev ]] && echo 600 || echo 180)
wait_until "nlp-service" "$ready_timeout" http_ok "$nlp_port" /q/health/ready
wait_until "ingest-service" "$ready_timeout" http_ok "$ingest_port" /q/health/ready
wait_until "query-service" "$ready_timeout" http_ok "$query_port" /q/health/ready

if [[ ! -f $home/samples-loaded ]]; then
  echo "Loading sample articles (first start only)..."
  sample_sources=(samples/articles)
  [[ -d ../shared/samples ]] && sample_sources+=(../shared/samples)
  NEWSLENS_API_KEY="$api_key" java samples/LoadSamples.java "http://$reach:$ingest_port" "${sample_sources[@]}"
  touch "$home/samples-loaded"
fi

cat <<MSG

NewsLens is running.
  Search:          http://$reach:$query_port/api/v1/search?q=Blinken
  query-service:   http://$reach:$query_port/q/swagger-ui
  ingest-service:  http://$reach:$ingest_port/q/swagger-ui
  nlp-service:     http://$reach:$nlp_port/q/swagger-ui
  Listening on:    $bind$([[ -n $api_key ]] && echo " (writes need the API key: X-API-Key or Authorization: Bearer)")
  PostgreSQL:      $jdbc_url (roles newslens and newslens_reader, password newslens)
  Logs:            $logs/ (the previous run's as *.log.1)
Press Ctrl-C to stop.
MSG

wait -n "${pids[@]}" || true
echo "A NewsLens process stopped unexpectedly; see $logs/" >&2
exit 1
