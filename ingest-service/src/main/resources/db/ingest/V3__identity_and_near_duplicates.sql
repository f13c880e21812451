ALTER TABLE ingest.articles
    ADD COLUMN authors           text[],
    ADD COLUMN lead_image_url    text,
    -- the client's own id: posting it again answers with the stored article
    ADD COLUMN external_id       text,
    -- the earliest stored article this one nearly repeats (syndicated copy, re-edited version)
    ADD COLUMN near_duplicate_of bigint REFERENCES ingest.articles (id),
    -- MinHash signature of the body's word 3-shingles, and its LSH band keys (see MinHasher)
    ADD COLUMN minhash           int[],
    ADD COLUMN lsh_bands         bigint[];

ALTER TABLE ingest.articles ADD CONSTRAINT articles_external_id_key UNIQUE (external_id);
CREATE INDEX articles_lsh_bands_idx ON ingest.articles USING gin (lsh_bands);
CREATE INDEX articles_near_duplicate_of_idx ON ingest.articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

-- Idempotency-Key header: a retried request with the same key gets the first answer back.
CREATE TABLE ingest.idempotency_keys (
    key          text        PRIMARY KEY,
    request_hash bytea       NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('created', 'duplicate', 'near_duplicate')),
    article_id   bigint      NOT NULL REFERENCES ingest.articles (id),
    -- the article this one duplicates or nearly duplicates
    related_id   bigint      REFERENCES ingest.articles (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
