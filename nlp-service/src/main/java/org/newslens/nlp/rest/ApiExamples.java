package org.newslens.nlp.rest;

/**
 * The OpenAPI document's request and response examples, one story throughout: every offset points into
 * {@link #ANALYZE_REQUEST}'s text. Kept apart so that the resources stay readable.
 */
final class ApiExamples {

    static final String ANALYZE_REQUEST = """
            {"text": "Antony Blinken met Mohammed Shia' al-Sudani in Baghdad. \\"The attacks must stop,\\" Blinken said. Militants fired three rockets at the airport.",
             "title": "Blinken in Baghdad",
             "language": "en"}""";

    static final String ANALYZE_RESPONSE = """
            {"language": "en",
             "stages": [
               "language",
               "ner",
               "gazetteer",
               "canonicalize",
               "keyphrases",
               "summary",
               "tone",
               "framing",
               "quotes",
               "quantities",
               "embedding"
             ],
             "sentences": 3,
             "tokens": 27,
             "entities": [
               {"canonical": "Antony Blinken", "type": "PERSON", "aliases": ["Antony Blinken", "Blinken"], "mentions": [{"text": "Antony Blinken", "start": 0, "end": 14}, {"text": "Blinken", "start": 81, "end": 88}], "tone": {"score": -0.3, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}]}},
               {"canonical": "Mohammed Shia' al-Sudani", "type": "PERSON", "aliases": ["Mohammed Shia' al-Sudani"], "mentions": [{"text": "Mohammed Shia' al-Sudani", "start": 19, "end": 43}], "tone": {"score": 0.0, "label": "neutral", "evidence": []}},
               {"canonical": "Baghdad", "type": "LOCATION", "aliases": ["Baghdad"], "mentions": [{"text": "Baghdad", "start": 47, "end": 54}], "kbId": "Q1530", "tone": {"score": 0.0, "label": "neutral", "evidence": []}}
             ],
             "keyphrases": [{"text": "rockets", "score": 1.0}, {"text": "airport", "score": 0.72}],
             "summary": [
               "Antony Blinken met Mohammed Shia' al-Sudani in Baghdad.",
               "Militants fired three rockets at the airport."
             ],
             "tone": {"score": -0.214, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}, {"text": "Militants", "start": 95, "end": 104, "weight": -0.4}]},
             "sentenceTones": [
               {"start": 0, "end": 55, "tone": {"score": 0.0, "label": "neutral", "evidence": []}},
               {"start": 56, "end": 94, "tone": {"score": -0.3, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}]}},
               {"start": 95, "end": 140, "tone": {"score": -0.2, "label": "negative", "evidence": [{"text": "Militants", "start": 95, "end": 104, "weight": -0.4}]}}
             ],
             "framing": [{"text": "Militants", "start": 95, "end": 104, "category": "loaded-label"}],
             "quotes": [
               {"text": "The attacks must stop,", "start": 57, "end": 79, "speaker": "Antony Blinken"}
             ],
             "quantities": [
               {"text": "three rockets", "value": 3.0, "noun": "rockets", "start": 111, "end": 124}
             ],
             "embedding": {"model": "all-minilm-l6-v2-q", "dimensions": 384}}""";

    static final String ARTICLE_ANALYSIS = """
            {"articleId": 4711,
             "pipelineVersion": 1,
             "language": "en",
             "stages": [
               "language",
               "ner",
               "gazetteer",
               "canonicalize",
               "keyphrases",
               "summary",
               "tone",
               "framing",
               "quotes",
               "quantities",
               "embedding"
             ],
             "enrichedAt": "2023-11-05T14:31:09.412Z",
             "entities": [
               {"id": 17, "canonical": "Antony Blinken", "type": "PERSON", "aliases": ["Antony Blinken", "Blinken"], "mentions": [{"text": "Antony Blinken", "start": 0, "end": 14}, {"text": "Blinken", "start": 81, "end": 88}], "tone": {"score": -0.3, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}]}},
               {"id": 18, "canonical": "Mohammed Shia' al-Sudani", "type": "PERSON", "aliases": ["Mohammed Shia' al-Sudani"], "mentions": [{"text": "Mohammed Shia' al-Sudani", "start": 19, "end": 43}], "tone": {"score": 0.0, "label": "neutral", "evidence": []}},
               {"id": 3, "canonical": "Baghdad", "type": "LOCATION", "kbId": "Q1530", "aliases": ["Baghdad"], "mentions": [{"text": "Baghdad", "start": 47, "end": 54}], "tone": {"score": 0.0, "label": "neutral", "evidence": []}}
             ],
             "keyphrases": [{"text": "rockets", "score": 1.0}, {"text": "airport", "score": 0.72}],
             "summary": [
               "Antony Blinken met Mohammed Shia' al-Sudani in Baghdad.",
               "Militants fired three rockets at the airport."
             ],
             "tone": {"score": -0.214, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}, {"text": "Militants", "start": 95, "end": 104, "weight": -0.4}]},
             "sentenceTones": [
               {"start": 0, "end": 55, "tone": {"score": 0.0, "label": "neutral", "evidence": []}},
               {"start": 56, "end": 94, "tone": {"score": -0.3, "label": "negative", "evidence": [{"text": "attacks", "start": 61, "end": 68, "weight": -0.6}]}},
               {"start": 95, "end": 140, "tone": {"score": -0.2, "label": "negative", "evidence": [{"text": "Militants", "start": 95, "end": 104, "weight": -0.4}]}}
             ],
             "framing": [{"text": "Militants", "start": 95, "end": 104, "category": "loaded-label"}],
             "quotes": [
               {"text": "The attacks must stop,", "start": 57, "end": 79, "speaker": "Antony Blinken"}
             ],
             "quantities": [
               {"text": "three rockets", "value": 3.0, "noun": "rockets", "start": 111, "end": 124}
             ]}""";

    static final String EMBED_REQUEST = """
            {"text": "ceasefire talks in Cairo"}""";

    /** Shortened: the real vector has 384 numbers. */
    static final String EMBED_RESPONSE = """
            {"model": "all-minilm-l6-v2-q",
             "dimensions": 384,
             "vector": [0.0213, -0.0871, 0.0442, 0.1194]}""";

    static final String JOB_STATS = """
            {"pending": 12,
             "running": 2,
             "done": 4810,
             "failed": 1}""";

    private ApiExamples() {
    }
}
