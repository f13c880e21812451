-- The article's embedding for similarity search: all-MiniLM-L6-v2 (model 'all-minilm-l6-v2-q'), the
-- L2-normalised mean of the vectors of its title and text chunks, 384 values. Written in the same
-- transaction as its nlp.enrichments row, so the change feed (change_seq) covers it. The reader role
-- gets SELECT through the default privileges of V2.
CREATE TABLE nlp.embeddings (
    article_id bigint PRIMARY KEY REFERENCES nlp.enrichments (article_id) ON DELETE CASCADE,
    model      text   NOT NULL,
    vector     real[] NOT NULL
);
