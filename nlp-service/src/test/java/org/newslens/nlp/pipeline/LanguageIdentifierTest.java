package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier();

    @BeforeAll
    static void loadModel() {
        IDENTIFIER.load();
    }

    @Test
    void reportsTwoLetterCodes() {
        assertEquals("en", IDENTIFIER.identify("The minister said the talks would resume next week in the capital.", null));
        assertEquals("fr", IDENTIFIER.identify("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.", null));
        assertEquals("de", IDENTIFIER.identify("Die Bundesregierung hat am Dienstag neue Maßnahmen beschlossen.", null));
        assertEquals("ar", IDENTIFIER.identify("قال رئيس الوزراء إن المحادثات ستستأنف الأسبوع المقبل في العاصمة", null));
        assertEquals("fa", IDENTIFIER.identify("وزیر امور خارجه گفت که مذاکرات هفته آینده در تهران از سر گرفته خواهد شد", null));
    }

    @Test
    void tooShortTextKeepsTheHintOrIsUndetermined() {
        assertEquals("es", IDENTIFIER.identify("Sí.", "es-MX"));
        assertEquals("und", IDENTIFIER.identify("OK 42", null));
    }

    @Test
    void normalisesCodes() {
        assertEquals("en", LanguageCodes.toAlpha2("eng"));
        assertEquals("ar", LanguageCodes.toAlpha2("arb"));
        assertEquals("fa", LanguageCodes.toAlpha2("pes"));
        assertEquals("zh", LanguageCodes.toAlpha2("cmn"));
        assertEquals("tr", LanguageCodes.toAlpha2("tur"));
        assertEquals("en", LanguageCodes.toAlpha2("EN-us"));
    }
}
