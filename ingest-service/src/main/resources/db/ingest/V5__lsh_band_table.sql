-- LSH band keys move from a GIN-indexed array to a table with a B-tree: the planner's estimate for
-- "array && array" is poor (it chose sequential scans at a few thousand articles), while 42 equality
-- lookups in a B-tree are estimated well and stay fast at any size.
CREATE TABLE ingest.article_lsh_bands (
    band_key   bigint NOT NULL,
    article_id bigint NOT NULL REFERENCES ingest.articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);
INSERT INTO ingest.article_lsh_bands (band_key, article_id)
SELECT DISTINCT unnest(lsh_bands), id FROM ingest.articles WHERE lsh_bands IS NOT NULL;
CREATE INDEX article_lsh_bands_article_idx ON ingest.article_lsh_bands (article_id);

DROP INDEX ingest.articles_lsh_bands_idx;
ALTER TABLE ingest.articles DROP COLUMN lsh_bands;
