#!/usr/bin/env bash
# Renders every overlay with `kubectl kustomize` and validates the output offline (no cluster):
#   - kubernetes-models validate() for every built-in kind, plus an unknown-field check
#   - hand checks for the CloudNativePG Cluster/ScheduledBackup (CRDs)
#   - references (selectors, ports, ConfigMaps, Secrets, ServiceAccounts, HPA, Ingress backends)
#   - hardening (probes, resources, non-root, read-only root filesystem, dropped capabilities)
#   - prod renders no Secret at all (its Secrets are managed outside the repo)
#
#   k8s/validate.sh           validate dev and prod
#   k8s/validate.sh --keep    also keep the rendered YAML in k8s/.rendered/<overlay>.yaml
#
# Needs kubectl (client only) and Node.js 20+; installs k8s/tools' npm dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")"

keep=false
case "${1:-}" in
  --keep) keep=true ;;
  "") ;;
  *) echo "usage: k8s/validate.sh [--keep]" >&2; exit 2 ;;
esac

command -v kubectl >/dev/null || { echo "kubectl not found (the client is enough)" >&2; exit 2; }
command -v node >/dev/null || { echo "node not found" >&2; exit 2; }
if [[ ! -d tools/node_modules/kubernetes-models || ! -d tools/node_modules/js-yaml || ! -d tools/node_modules/@kubernetes-models/keda || ! -d tools/node_modules/@kubernetes-models/prometheus-operator ]]; then
  echo "Installing the validator's npm dependencies (k8s/tools)..."
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# Secrets that prod expects to exist in the cluster, created outside this repo (see README.md)
prod_external_secrets=(newslens-db-owner newslens-db-reader newslens-api-key newslens-db-backup-s3 newslens-tls)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0

echo "== base (build only: the overlays add namespace, database and Secrets)"
kubectl kustomize base >"$out/base.yaml"
echo "rendered $(grep -c '^kind:' "$out/base.yaml") objects"

echo "== dev: initdb script syntax"
bash -n overlays/dev/initdb/10-newslens-roles.sh && echo OK

for overlay in dev prod; do
  echo "== $overlay: kubectl kustomize overlays/$overlay"
  kubectl kustomize "overlays/$overlay" >"$out/$overlay.yaml"
  extra=()
  if [[ $overlay == prod ]]; then
    for s in "${prod_external_secrets[@]}"; do extra+=(--external-secret "$s"); done
    if grep -q '^kind: Secret$' "$out/prod.yaml"; then
      echo "ERROR prod renders a Secret: prod Secrets must be managed outside the repo" >&2
      status=1
    fi
  fi
  node tools/validate-models.mjs "${extra[@]}" "$out/$overlay.yaml" || status=1
  if $keep; then
    mkdir -p .rendered
    cp "$out/$overlay.yaml" ".rendered/$overlay.yaml"
  fi
done

if [[ $status -eq 0 ]]; then echo "All overlays valid."; else echo "Validation FAILED." >&2; fi
exit $status
