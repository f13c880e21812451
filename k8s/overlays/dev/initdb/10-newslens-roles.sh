#!/bin/bash
# Run once by the postgres image's entrypoint (as the superuser) on an empty data directory.
# Creates what the services expect, like local-postgres does for ./run.sh:
#   newslens         owner of database newslens (ingest-service, nlp-service; Flyway creates the
#                    schemas ingest and nlp and grants the reader role read access)
#   newslens_reader  login role for query-service; reads only what the owners grant it
# Passwords come from the Secrets newslens-db-owner and newslens-db-reader (see the StatefulSet).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$NEWSLENS_OWNER_PASSWORD" \
  -v reader_password="$NEWSLENS_READER_PASSWORD" <<'SQL'
CREATE ROLE newslens LOGIN CREATEROLE PASSWORD :'owner_password';
CREATE ROLE newslens_reader LOGIN PASSWORD :'reader_password';
CREATE DATABASE newslens OWNER newslens;
SQL
