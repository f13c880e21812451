-- The enrichment queue. ingest-service inserts a row in the same transaction as the article
-- (article_id, title, text, language_hint); nlp-service claims and updates it. The row carries the
-- text, so enrichment never reads ingest's tables and re-enrichment can run from here alone.
CREATE TABLE nlp.jobs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id       bigint      NOT NULL,
    title            text        NOT NULL,
    text             text        NOT NULL,
    language_hint    text,
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts         int         NOT NULL DEFAULT 0,
    run_after        timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_article_key UNIQUE (article_id)
);
CREATE INDEX jobs_ready_idx ON nlp.jobs (run_after, id) WHERE status = 'pending';
CREATE INDEX jobs_lease_idx ON nlp.jobs (lease_until) WHERE status = 'running';

-- One row per real-world entity, shared across articles.
CREATE TABLE nlp.entities (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type       text        NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'MISC')),
    canonical  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT entities_type_canonical_key UNIQUE (type, canonical)
);

CREATE TABLE nlp.entity_aliases (
    entity_id bigint NOT NULL REFERENCES nlp.entities (id),
    alias     text   NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

-- The latest enrichment of each article. change_seq orders the change feed that query-service
-- tails: it is taken from nlp.change_feed as the last step of the writing transaction, whose row
-- lock makes sequence order equal commit order, so a reader never skips a late commit.
CREATE TABLE nlp.enrichments (
    article_id       bigint      PRIMARY KEY,
    change_seq       bigint      NOT NULL,
    pipeline_version int         NOT NULL,
    language         text,
    stages           text[]      NOT NULL,
    enriched_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT enrichments_change_seq_key UNIQUE (change_seq)
);

-- Offsets are character offsets (UTF-16 code units, as Java and JavaScript count) into the job's text.
CREATE TABLE nlp.mentions (
    article_id   bigint NOT NULL REFERENCES nlp.enrichments (article_id) ON DELETE CASCADE,
    entity_id    bigint NOT NULL REFERENCES nlp.entities (id),
    start_offset int    NOT NULL,
    end_offset   int    NOT NULL,
    surface      text   NOT NULL,
    PRIMARY KEY (article_id, start_offset)
);
CREATE INDEX mentions_entity_idx ON nlp.mentions (entity_id);

CREATE TABLE nlp.change_feed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq  bigint  NOT NULL
);
INSERT INTO nlp.change_feed VALUES (true, 0);
