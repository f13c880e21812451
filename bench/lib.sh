# Shared by the benchmark scripts: stopping what they started, free ports, readiness checks, starting
# PostgreSQL and migrating ingest-service's schema.
# Source it after setting `work` (the run's temporary directory) and `bench_processes` (the names of
# the variables holding the pids of the processes started, in the order to stop them), and defining
# `log`. It installs the EXIT trap that stops those processes and removes `work`.

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
  local name
  for name in "${bench_processes[@]}"; do
    stop_group "${!name}"
  done
  # pg_ctl starts the postmaster in its own session, so it is not in the launcher's process group; the
  # launcher's shutdown hook stops it, and if that failed, stop the postmaster of our data directory.
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
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
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

# Starts a fresh PostgreSQL (the local-postgres launcher in $app) with its data in $work/postgres on
# port $pg_port, and waits until it is ready. Sets `pg_pid`, so the EXIT trap stops it.
start_postgres() {
  log "starting PostgreSQL on port $pg_port (data in $work/postgres)"
  java -cp "$app/local-postgres/local-postgres.jar:$app/local-postgres/lib/*" org.newslens.localpg.LocalPostgres \
    "$work/postgres" "$pg_port" >"$work/postgres.log" 2>&1 &
  pg_pid=$!
  wait_until PostgreSQL 120 "$pg_pid" grep -q "PostgreSQL ready" "$work/postgres.log"
}

# Starts ingest-service ($app/ingest-service) on a free port until it is live (its Flyway migration has
# then created schema ingest) and stops it again. Needs `app` and `jdbc_url`; sets `ingest_pid` while it
# runs, so the EXIT trap stops it if the run is interrupted.
migrate_ingest_schema() {
  local port dead_port
  port=$(free_port)
  dead_port=$(free_port)  # nothing listens here: ingest-service's nlp wake-up calls fail fast
  log "starting ingest-service on port $port for its migration"
  env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" \
    QUARKUS_DATASOURCE_USERNAME=newslens QUARKUS_DATASOURCE_PASSWORD=newslens \
    QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$dead_port" NEWSLENS_FEEDS_TICK=off \
    java -jar "$app/ingest-service/quarkus-app/quarkus-run.jar" >"$work/ingest-service.log" 2>&1 &
  ingest_pid=$!
  log_file=$work/ingest-service.log wait_until ingest-service 300 "$ingest_pid" http_ok "$port" /q/health/live
  stop_group "$ingest_pid"
  ingest_pid=""
}
