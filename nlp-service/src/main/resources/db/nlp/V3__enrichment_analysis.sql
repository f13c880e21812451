-- The analysis beyond entities (keyphrases, summary, tone with its evidence, per-sentence and
-- per-entity tone, framing markers, quotes, quantities), as one JSON document per article, written in
-- the same transaction as the rest of the enrichment. Offsets in it are UTF-16 offsets into the job's
-- text, as in nlp.mentions. NULL for enrichments written before this column existed.
ALTER TABLE nlp.enrichments ADD COLUMN analysis jsonb;
-- Knowledge-base identity of an entity (Wikidata id) where the pipeline resolved one.
ALTER TABLE nlp.entities ADD COLUMN kb_id text;
