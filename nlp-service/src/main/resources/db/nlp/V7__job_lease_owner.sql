-- Who holds a running job's lease: lease_owner names the nlp-service process (host, pid and a random
-- part, so a restarted process is a new owner), lease_token is fresh for every claim. A worker renews
-- its leases by owner and token (the heartbeat), and completes a job only while both still match, so a
-- worker whose lease ran out and was taken over cannot write the article's enrichment a second time.
-- Both are NULL while no one holds the job; ingest-service's INSERT (article_id only) is unchanged.
ALTER TABLE nlp.jobs
    ADD COLUMN lease_owner text,
    ADD COLUMN lease_token uuid;
