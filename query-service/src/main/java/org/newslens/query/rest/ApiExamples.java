package org.newslens.query.rest;

/**
 * The OpenAPI document's response examples, one story throughout (article 4711, entity 12). Kept apart so
 * that the resources stay readable.
 */
final class ApiExamples {

    static final String SEARCH_RESPONSE = """
            {"total": 1342,
             "hits": [
               {"id": 4711, "title": "Blinken meets Al Sudani in Baghdad", "url": "https://example.com/world/blinken-baghdad",
                "snippet": "US Secretary of State <b>Antony</b> <b>Blinken</b> arrived in Baghdad on Sunday.",
                "publishedAt": "2023-11-05T14:30:00Z", "source": "Reuters", "language": "en", "score": 7.31,
                "entities": [{"id": 12, "canonical": "Antony Blinken", "type": "PERSON"},
                             {"id": 31, "canonical": "Baghdad", "type": "LOCATION"}],
                "tone": {"score": -0.42, "label": "negative"}}
             ],
             "nextCursor": "RDoxMDY1MzUzMjE2OjE3MDkyODcyMDAwMDA6NDI",
             "facets": {"source": [{"value": "Reuters", "count": 87}, {"value": "AP", "count": 61}]}}""";

    static final String SIMILAR_RESPONSE = """
            {"total": 1,
             "hits": [
               {"id": 4712, "title": "Blinken and Sudani discuss water dispute", "url": "https://example.org/news/blinken-sudani-water",
                "snippet": "Antony Blinken met Iraq's prime minister in Baghdad on Sunday.",
                "publishedAt": "2023-11-05T16:02:00Z", "source": "AP", "language": "en", "score": 0.83,
                "entities": [{"id": 12, "canonical": "Antony Blinken", "type": "PERSON"}],
                "tone": {"score": -0.12, "label": "negative"}}
             ]}""";

    static final String ARTICLE = """
            {"id": 4711, "title": "Blinken meets Al Sudani in Baghdad",
             "text": "US Secretary of State Antony Blinken arrived in Baghdad on Sunday.",
             "url": "https://example.com/world/blinken-baghdad", "publishedAt": "2023-11-05T14:30:00Z",
             "source": "Reuters", "language": "en",
             "entities": [
               {"id": 12, "canonical": "Antony Blinken", "type": "PERSON", "aliases": ["Antony Blinken"],
                "mentions": [{"text": "Antony Blinken", "start": 22, "end": 36}]},
               {"id": 31, "canonical": "Baghdad", "type": "LOCATION", "aliases": ["Baghdad"],
                "mentions": [{"text": "Baghdad", "start": 48, "end": 55}]}
             ]}""";

    static final String COMPARE = """
            {"sources": [
               {"source": "Reuters", "articles": 42, "meanTone": -0.31,
                "framing": {"loaded-label": 5, "agentless-casualty": 2}, "quantities": 17,
                "topQuantities": [{"text": "10,000 casualties", "noun": "casualties", "value": 10000.0, "articles": 4}]},
               {"source": "(unknown)", "articles": 3, "meanTone": 0.02, "framing": {}, "quantities": 0, "topQuantities": []}
             ]}""";

    static final String ENTITY_DIRECTORY = """
            {"items": [
               {"id": 12, "canonical": "Antony Blinken", "type": "PERSON", "aliases": ["Blinken"], "articles": 214}
             ],
             "entities": [
               {"id": 12, "canonical": "Antony Blinken", "type": "PERSON", "aliases": ["Blinken"], "articles": 214}
             ]}""";

    static final String ENTITY_PROFILE = """
            {"id": 31, "canonical": "Baghdad", "type": "LOCATION", "kbId": "Q1530", "aliases": ["Baghdad"], "articles": 214,
             "mentions": [{"day": "2023-11-05", "mentions": 57, "articles": 21}],
             "coOccurring": [{"id": 12, "canonical": "Antony Blinken", "type": "PERSON", "articles": 38}],
             "tone": [{"day": "2023-11-05", "meanTone": -0.27, "articles": 21,
                       "evidence": [{"articleId": 4711, "text": "attacks", "start": 120, "end": 127, "weight": -0.6}]}],
             "sources": [{"source": "Reuters", "articles": 42}]}""";

    static final String TIMELINE = """
            {"interval": "week",
             "buckets": [
               {"start": "2023-11-06T00:00:00Z", "count": 42, "share": 0.0831, "meanTone": -0.214},
               {"start": "2023-11-13T00:00:00Z", "count": 0, "share": 0.0}
             ]}""";

    static final String GRAPH = """
            {"articles": 57,
             "nodes": [{"id": 12, "label": "Antony Blinken", "type": "PERSON", "count": 38},
                       {"id": 31, "label": "Baghdad", "type": "LOCATION", "count": 44}],
             "edges": [{"source": 12, "target": 31, "weight": 21}]}""";

    private ApiExamples() {
    }
}
