-- ingest.article_lsh_bands is an index kept by the application: its rows are written in the same
-- transaction as their article, and near-duplicate lookups join ingest.articles, so a key left behind
-- by a deleted article is never returned. Without the foreign key and the article_id index, filing an
-- article's 42 band keys costs 42 B-tree insertions instead of 84 plus 42 foreign-key checks
-- (bench/README.md, ingest-bulk).
ALTER TABLE ingest.article_lsh_bands DROP CONSTRAINT article_lsh_bands_article_id_fkey;
DROP INDEX ingest.article_lsh_bands_article_idx;
