package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteAndQuantityStageTest {

    @Test
    void directAndReportedSpeechGetTheCanonicalSpeaker() {
        String text = "Minister Rosa Tellez visited the port. \"We will rebuild every pier by spring,\" Tellez told reporters. "
                + "Tellez also stressed the need for new cranes. \"The work starts today and not later,\" she said.";
        Document document = Analysed.english(text);
        new QuoteStage().apply(document);

        List<Quote> quotes = document.quotes();
        assertEquals(3, quotes.size(), quotes.toString());
        assertEquals("We will rebuild every pier by spring,", quotes.get(0).text());
        assertEquals(quotes.get(0).text(), text.substring(quotes.get(0).start(), quotes.get(0).end()));
        assertTrue(quotes.stream().allMatch(q -> "Rosa Tellez".equals(q.speaker())), quotes.toString());
        assertTrue(quotes.get(1).text().startsWith("the need for new cranes"));
    }

    @Test
    void numbersWithWhatTheyCount() {
        String text = "The storm left 3,500 displaced families and 12 damaged bridges. Turnout was 61.5% of the electorate, "
                + "the fund holds $2.5 billion and the town was founded in 1870.";
        Document document = Analysed.english(text);
        new QuantityStage().apply(document);

        List<Quantity> quantities = document.quantities();
        Quantity families = quantities.get(0);
        assertEquals("3,500 displaced families", families.text());
        assertEquals(3500, families.value());
        assertEquals("families", families.noun());
        assertEquals(families.text(), text.substring(families.start(), families.end()));
        assertEquals("bridges", quantities.get(1).noun());
        Quantity turnout = quantities.get(2);
        assertEquals("%", turnout.unit());
        assertEquals(61.5, turnout.value());
        assertEquals("electorate", turnout.noun());
        Quantity fund = quantities.get(3);
        assertEquals("USD", fund.unit());
        assertEquals(2.5e9, fund.value());
        assertEquals(4, quantities.size(), quantities.toString());
    }
}
