#!/usr/bin/env bash
# Builds the three NewsLens images with podman and writes one OCI archive per image:
#
#   k8s/build-images.sh             jars built only where missing
#   k8s/build-images.sh --package   jars rebuilt first (after a code change)
#
# Images: ghcr.io/newslens/<service>:<tag>, the names k8s/base uses; <tag> is the project version of
# pom.xml without -SNAPSHOT, the tag the overlays pin (IMAGE_TAG overrides it).
# Archives: target/images/<service>.oci.tar, for `kind load image-archive` or `ctr images import`.
#
# Base image: BASE_IMAGE when set (e.g. registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24, the
# Dockerfiles' default, where a registry is reachable). Otherwise a Debian OpenJDK 17 JRE image is made
# here from Debian packages (mmdebstrap + podman import, about a minute once; kept as
# localhost/newslens/jre17-base:bookworm and reused).
#
# Needs podman and skopeo (and mmdebstrap without BASE_IMAGE); installs them with apt when run as root on
# Debian. Podman runs with k8s/containers/containers.conf (via CONTAINERS_CONF); /etc is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source k8s/containers/podman-env.sh

services=(ingest-service nlp-service query-service)
repository=ghcr.io/newslens
local_base=localhost/newslens/jre17-base:bookworm
archives=target/images

force_package=false
case "${1:-}" in
  --package) force_package=true ;;
  "") ;;
  *) echo "usage: k8s/build-images.sh [--package]" >&2; exit 2 ;;
esac

# the project's own version: the first <version> of the root pom, the one directly under <project>
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
[[ -n $version ]] || { echo "No project version found in pom.xml" >&2; exit 1; }
tag=${IMAGE_TAG:-${version%-SNAPSHOT}}

tools=(podman skopeo)
[[ -z ${BASE_IMAGE:-} ]] && tools+=(mmdebstrap)
ensure_container_tools "${tools[@]}"

needs_package=$force_package
for service in "${services[@]}"; do
  [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || needs_package=true
done
if $needs_package; then
  echo "Packaging the services (./mvnw package -DskipTests)..."
  ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${services[*]}")" -am
fi

build_local_base() {
  local cache=${NEWSLENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslens}
  local rootfs=$cache/jre17-bookworm-rootfs.tar
  mkdir -p "$cache"
  if [[ ! -f $rootfs ]]; then
    echo "Making a Debian bookworm root file system with OpenJDK 17 (mmdebstrap, about a minute)..."
    # mmdebstrap picks the output format from the name: keep .tar at the end of the unfinished file
    mmdebstrap --quiet --variant=apt --include=openjdk-17-jre-headless,ca-certificates bookworm "$cache/partial-$(basename "$rootfs")"
    mv "$cache/partial-$(basename "$rootfs")" "$rootfs"
  fi
  echo "Importing it as $local_base..."
  podman import --quiet "$rootfs" localhost/newslens/jre17-rootfs:bookworm >/dev/null
  podman build --quiet --build-arg ROOTFS_IMAGE=localhost/newslens/jre17-rootfs:bookworm \
    -t "$local_base" k8s/containers/jre-base >/dev/null
  podman rmi localhost/newslens/jre17-rootfs:bookworm >/dev/null
}

base=${BASE_IMAGE:-$local_base}
if [[ -z ${BASE_IMAGE:-} ]] && ! podman image exists "$local_base"; then
  build_local_base
fi

mkdir -p "$archives"
for service in "${services[@]}"; do
  image=$repository/$service:$tag
  echo "Building $image (base $base)..."
  podman build --quiet --build-arg BASE_IMAGE="$base" -f "$service/src/main/docker/Dockerfile.jvm" -t "$image" "$service" >/dev/null
  rm -f "$archives/$service.oci.tar"
  # containers/storage logs its storage driver choice at level info on every skopeo run: noise here
  skopeo copy --quiet "containers-storage:$image" "oci-archive:$archives/$service.oci.tar:$image" \
    2> >(grep -v 'level=info' >&2)
done

echo
echo "Images (tag $tag):"
for service in "${services[@]}"; do
  image=$repository/$service:$tag
  printf '  %-45s %4d MB   %s\n' "$image" $(($(podman image inspect --format '{{.Size}}' "$image") / 1000000)) \
    "$archives/$service.oci.tar"
done
echo "Load them into kind with: for f in $archives/*.oci.tar; do kind load image-archive \"\$f\"; done"
