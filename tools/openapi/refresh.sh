#!/usr/bin/env bash
# Copies each service's OpenAPI document as its last build or test run wrote it
# (<service>/target/openapi/openapi.yaml) over the committed openapi/<service>.yaml. Run it after an
# intended API change, then review the diff; OpenApiDocumentTest fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/../.."
for service in ingest-service nlp-service query-service; do
  built="$service/target/openapi/openapi.yaml"
  if [ -f "$built" ]; then
    cp "$built" "openapi/$service.yaml"
    echo "openapi/$service.yaml <- $built"
  fi
done
