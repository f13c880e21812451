package org.newslens.query.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV cells: RFC 4180 quoting, and no text a spreadsheet would run as a formula. */
class ExportCsvTest {

    @Test
    void quotesCellsHoldingSeparatorsQuotesOrLineBreaks() {
        assertEquals("plain title", ExportCsv.quote("plain title"));
        assertEquals("\"Talks, again\"", ExportCsv.quote("Talks, again"));
        assertEquals("\"He said \"\"no\"\"\"", ExportCsv.quote("He said \"no\""));
        assertEquals("\"two\r\nlines\"", ExportCsv.quote("two\r\nlines"));
    }

    @Test
    void textThatASpreadsheetWouldEvaluateGetsALeadingApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"",
                ExportCsv.quote("=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertEquals("'+1 for the plan", ExportCsv.quote("+1 for the plan"));
        assertEquals("'-5 degrees in Kyiv", ExportCsv.quote("-5 degrees in Kyiv"));
        assertEquals("'@channel", ExportCsv.quote("@channel"));
        assertEquals("'\tcmd", ExportCsv.quote("\tcmd"));
        assertEquals("Costs = 5", ExportCsv.quote("Costs = 5"));
    }

    @Test
    void numbersStayNumbers() {
        assertEquals("-0.5", ExportCsv.quote("-0.5"));
        assertEquals("-1.0E-4", ExportCsv.quote("-1.0E-4"));
        assertEquals("+3", ExportCsv.quote("+3"));
        assertEquals("", ExportCsv.quote(""));
    }
}
