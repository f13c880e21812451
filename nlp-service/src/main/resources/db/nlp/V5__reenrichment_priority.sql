-- Re-enrichment after a pipeline version bump requeues old articles' jobs at a lower priority (1),
-- so articles that just arrived (priority 0) are always claimed first.
ALTER TABLE nlp.jobs ADD COLUMN priority smallint NOT NULL DEFAULT 0;
DROP INDEX nlp.jobs_ready_idx;
CREATE INDEX jobs_ready_idx ON nlp.jobs (priority, id) WHERE status = 'pending';
CREATE INDEX enrichments_pipeline_version_idx ON nlp.enrichments (pipeline_version);
