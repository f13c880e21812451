-- RSS/Atom subscriptions, polled by the feed poller. One row per feed, unique by canonical URL.
CREATE TABLE ingest.feeds (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                  text        NOT NULL,
    canonical_url        text        NOT NULL,
    -- outlet name given at subscription; when null, articles carry the feed's own title as source
    source_name          text,
    interval_minutes     integer     NOT NULL CHECK (interval_minutes >= 1),
    -- validators from the last full response, echoed as If-None-Match / If-Modified-Since (verbatim)
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    consecutive_failures integer     NOT NULL DEFAULT 0,
    last_polled_at       timestamptz,
    last_outcome         text CHECK (last_outcome IN ('ok', 'not_modified', 'error')),
    last_error           text,
    last_items_seen      integer,
    last_items_new       integer,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT feeds_canonical_url_key UNIQUE (canonical_url)
);

CREATE INDEX feeds_next_poll_at_idx ON ingest.feeds (next_poll_at);

-- One row per poll; the poller keeps the newest few per feed (newslens.feeds.polls-kept).
CREATE TABLE ingest.feed_polls (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed_id      bigint      NOT NULL REFERENCES ingest.feeds (id) ON DELETE CASCADE,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'error')),
    http_status  integer,
    items_seen   integer     NOT NULL DEFAULT 0,
    items_new    integer     NOT NULL DEFAULT 0,
    items_failed integer     NOT NULL DEFAULT 0,
    error        text
);

CREATE INDEX feed_polls_feed_idx ON ingest.feed_polls (feed_id, id);
