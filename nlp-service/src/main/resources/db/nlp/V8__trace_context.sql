-- Trace context (W3C traceparent, "00-<trace id>-<span id>-<flags>") that carries one article's trace
-- across the queue and the change feed. ingest-service writes the ingest request's traceparent with the
-- job, so the enrichment span continues the request's trace; nlp-service writes the enrichment span's
-- traceparent with the enrichment, so query-service's indexing span continues it in turn. NULL where no
-- trace was recorded (tracing off, feed polls, re-enrichment sweeps): the next step starts a new trace.
ALTER TABLE nlp.jobs ADD COLUMN traceparent text;
ALTER TABLE nlp.enrichments ADD COLUMN traceparent text;
