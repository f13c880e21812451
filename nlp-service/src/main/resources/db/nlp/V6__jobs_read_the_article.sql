-- A job no longer carries a copy of its article: the title, text and language hint are read from
-- ingest.articles (ingest-service's table, read-only here) when the job is claimed. Each body is stored
-- once, and ingestion writes a small row per job instead of compressing every body a second time
-- (bench/README.md, ingest-bulk).
ALTER TABLE nlp.jobs
    DROP COLUMN title,
    DROP COLUMN text,
    DROP COLUMN language_hint;
