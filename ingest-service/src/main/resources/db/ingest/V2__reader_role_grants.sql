-- query-service reads this schema through a read-only role. Where that role exists (it does under
-- ./run.sh and in the Kubernetes manifests), grant it read access to every table, now and later.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${readerRole}') THEN
        GRANT USAGE ON SCHEMA ingest TO ${readerRole};
        GRANT SELECT ON ALL TABLES IN SCHEMA ingest TO ${readerRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA ingest GRANT SELECT ON TABLES TO ${readerRole};
    END IF;
END
$$;
