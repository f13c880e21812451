# Sourced by k8s/build-images.sh and k8s/container-test.sh: the podman they use and its settings.
# Installs podman, buildah, skopeo, mmdebstrap and runc with apt when run as root on Debian/Ubuntu;
# elsewhere says what is missing.

containers_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CONTAINERS_CONF="$containers_dir/containers.conf"

# tools... : true when every one is on PATH; installs the missing ones with apt where that is possible
ensure_container_tools() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt-get..."
    apt-get update -q >/dev/null
    # runc: the runtime containers.conf names; the others are the tools themselves
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" runc >/dev/null
    return 0
  fi
  echo "Missing: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]} runc) and run again." >&2
  return 1
}
