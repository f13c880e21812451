-- Outlets. An article's source is given by the client or derived from its URL's host.
CREATE TABLE ingest.sources (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    domain     text,
    country    text,
    language   text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sources_name_key UNIQUE (name)
);

CREATE TABLE ingest.articles (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     bigint REFERENCES ingest.sources (id),
    url           text,
    -- lower-case host, no fragment, no tracking parameters: two URLs of one article compare equal
    canonical_url text,
    title         text        NOT NULL,
    text          text        NOT NULL,
    language_hint text,
    published_at  timestamptz,
    ingested_at   timestamptz NOT NULL DEFAULT now(),
    -- SHA-256 of the normalised body: the same text under another URL is an exact duplicate
    content_hash  bytea       NOT NULL,
    CONSTRAINT articles_canonical_url_key UNIQUE (canonical_url),
    CONSTRAINT articles_content_hash_key UNIQUE (content_hash)
);

CREATE INDEX articles_published_at_idx ON ingest.articles (published_at);
CREATE INDEX articles_source_idx ON ingest.articles (source_id, id);
