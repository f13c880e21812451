-- The queue gauges of /q/metrics count pending, running and failed jobs every few seconds. Pending and
-- running jobs have partial indexes already (jobs_ready_idx, jobs_lease_idx); this one makes counting
-- failed jobs as cheap, instead of a scan of every job ever enriched. Failed jobs are few, so it is small.
-- (Version 8.1, not 8: leaves 8 to the migration that carries the trace context on the job row.)
CREATE INDEX jobs_failed_idx ON nlp.jobs (id) WHERE status = 'failed';
