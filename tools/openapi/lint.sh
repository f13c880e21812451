#!/usr/bin/env bash
# Lints the three services' committed OpenAPI documents (openapi/*.yaml) with Spectral: the spectral:oas
# ruleset plus .spectral.yaml's own rule. Fails on any error or warning.
# Needs Node.js 20+; installs the pinned Spectral (package-lock.json) on first run.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/spectral ]; then
  echo "Installing Spectral (tools/openapi)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity warn \
  ../../openapi/ingest-service.yaml ../../openapi/nlp-service.yaml ../../openapi/query-service.yaml
