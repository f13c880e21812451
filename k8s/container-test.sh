#!/usr/bin/env bash
# Container test: the three images, as k8s/build-images.sh builds them, run with podman against a local
# PostgreSQL and pass the end-to-end journey (POST an article -> enriched -> searchable). Prints each
# image's size and its start-up time (container start to /q/health/ready answering 200).
#
#   k8s/container-test.sh
#
# The containers share the host's network and listen on free loopback ports (127.0.0.1 only, with an API
# key, as in Kubernetes); they run with a read-only root file system and tmpfs volumes, as the manifests
# mount them. Skips (exit 0, with the reason) only where no container can run on this machine at all.
# Logs of the services: target/container-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
source k8s/containers/podman-env.sh

repository=ghcr.io/newslens
logs=target/container-test
api_key=container-test-$RANDOM$RANDOM
sample=samples/articles/01-blinken-baghdad.json

skip() {
  echo "SKIPPED container test: $*"
  exit 0
}

tools=(podman skopeo)
[[ -z ${BASE_IMAGE:-} ]] && tools+=(mmdebstrap)
if ! ensure_container_tools "${tools[@]}"; then
  skip "${tools[*]} are not installed and cannot be installed here (not root, or no apt)"
fi
podman info >/dev/null 2>&1 || skip "podman cannot work on this machine: $(podman info 2>&1 | tail -n 1)"

k8s/build-images.sh
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
tag=${IMAGE_TAG:-${version%-SNAPSHOT}}
base=${BASE_IMAGE:-localhost/newslens/jre17-base:bookworm}
if ! probe=$(podman run --rm --entrypoint /bin/true "$base" 2>&1); then
  skip "containers cannot run on this machine (podman run of the base image failed: $probe)"
fi

if [[ ! -f local-postgres/target/local-postgres.jar ]]; then
  echo "Packaging local-postgres..."
  ./mvnw -B -q package -DskipTests -pl local-postgres
fi

work=$(mktemp -d)
rm -rf "$logs"
mkdir -p "$logs"
containers=()
postgres_pid=
cleanup() {
  local name
  for name in "${containers[@]}"; do
    podman logs "$name" >"$logs/$name.log" 2>&1 || true
    podman rm --force --time 20 "$name" >/dev/null 2>&1 || true
  done
  if [[ -n $postgres_pid ]]; then
    kill -TERM "$postgres_pid" 2>/dev/null || true
    wait "$postgres_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {  # a loopback port nothing listens on, away from the ports ./run.sh uses
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    port_open "$port" || { echo "$port"; return; }
  done
}
pg_port=$(free_port)
nlp_port=$(free_port)
ingest_port=$(free_port)
query_port=$(free_port)

echo "Starting PostgreSQL on 127.0.0.1:$pg_port..."
java -cp "local-postgres/target/local-postgres.jar:local-postgres/target/lib/*" org.newslens.localpg.LocalPostgres \
  "$work/postgres" "$pg_port" >"$logs/postgres.log" 2>&1 &
postgres_pid=$!
for _ in $(seq 1 120); do
  grep -q "PostgreSQL ready" "$logs/postgres.log" && break
  kill -0 "$postgres_pid" 2>/dev/null || { cat "$logs/postgres.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "PostgreSQL ready" "$logs/postgres.log" || { echo "PostgreSQL did not start; see $logs/postgres.log" >&2; exit 1; }

declare -A started_at ready_after
run_service() {  # service port database-role extra podman arguments...
  local service=$1 port=$2 role=$3
  shift 3
  local name=newslens-ct-$service-$$
  containers+=("$name")
  started_at[$service]=$(date +%s%N)
  podman run --detach --name "$name" --network=host --read-only \
    --tmpfs /tmp:rw,exec,mode=1777,size=256m \
    -e QUARKUS_HTTP_HOST=127.0.0.1 -e QUARKUS_HTTP_PORT="$port" -e NEWSLENS_API_KEY="$api_key" \
    -e QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/newslens" \
    -e QUARKUS_DATASOURCE_USERNAME="$role" -e QUARKUS_DATASOURCE_PASSWORD=newslens \
    -e QUARKUS_REST_CLIENT_NLP_URL="http://127.0.0.1:$nlp_port" \
    -e JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx768m -Djava.io.tmpdir=/tmp" \
    "$@" "$repository/$service:$tag" >/dev/null
}

await_ready() {  # service port: waits for readiness and records the seconds it took
  local service=$1 port=$2 name=newslens-ct-$1-$$
  for _ in $(seq 1 360); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; then
      ready_after[$service]=$(awk -v ns=$(($(date +%s%N) - started_at[$service])) 'BEGIN { printf "%.1f", ns / 1e9 }')
      echo "  $service ready after ${ready_after[$service]} s"
      return
    fi
    [[ $(podman inspect --format '{{.State.Running}}' "$name") == true ]] || {
      podman logs "$name" | tail -n 40 >&2
      echo "$service stopped before it was ready" >&2
      exit 1
    }
    sleep 0.5
  done
  podman logs "$name" | tail -n 40 >&2
  echo "$service was not ready after 180 s" >&2
  exit 1
}

# nlp-service first: ingest-service's readiness waits for the nlp.jobs schema that nlp-service migrates
echo "Starting the containers..."
run_service nlp-service "$nlp_port" newslens
await_ready nlp-service "$nlp_port"
run_service ingest-service "$ingest_port" newslens
run_service query-service "$query_port" newslens_reader \
  --tmpfs /var/lib/newslens/index:rw,mode=1777,size=256m -e NEWSLENS_INDEX_DIRECTORY=/var/lib/newslens/index
await_ready ingest-service "$ingest_port"
await_ready query-service "$query_port"

echo "Journey: POST $sample -> enriched -> searchable"
fail() {
  echo "FAILED: $*" >&2
  exit 1
}
unauthorised=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$sample" \
  "http://127.0.0.1:$ingest_port/api/v1/articles")
[[ $unauthorised == 401 ]] || fail "a write without the API key answered $unauthorised, not 401"
response=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $api_key" \
  --data-binary "@$sample" "http://127.0.0.1:$ingest_port/api/v1/articles")
[[ ${response##*$'\n'} == 201 ]] || fail "POST /api/v1/articles answered ${response##*$'\n'}: ${response%$'\n'*}"
id=$(jq -r .id <<<"${response%$'\n'*}")
echo "  accepted as article $id"

status=
for _ in $(seq 1 240); do
  status=$(curl -s "http://127.0.0.1:$ingest_port/api/v1/articles/$id" | jq -r .processing.status)
  [[ $status == enriched ]] && break
  sleep 0.5
done
[[ $status == enriched ]] || fail "article $id is '$status', not enriched, after 120 s"
echo "  enriched"

hit=
for _ in $(seq 1 120); do
  hit=$(curl -s "http://127.0.0.1:$query_port/api/v1/search?q=Blinken" | jq -c --argjson id "$id" '.hits[] | select(.id == $id)')
  [[ -n $hit ]] && break
  sleep 0.5
done
[[ -n $hit ]] || fail "article $id was not found by q=Blinken after 60 s"
jq -e '[.entities[] | select(.type == "PERSON" and .canonical == "Antony Blinken")] | length == 1' <<<"$hit" >/dev/null ||
  fail "the search hit lacks the PERSON entity Antony Blinken: $hit"
echo "  searchable, with the PERSON entity Antony Blinken"

echo
echo "Container test passed. Images (tag $tag) and their start-up time to ready:"
for service in nlp-service ingest-service query-service; do
  printf '  %-16s %4d MB   ready in %5s s\n' "$service" \
    $(($(podman image inspect --format '{{.Size}}' "$repository/$service:$tag") / 1000000)) "${ready_after[$service]}"
done
