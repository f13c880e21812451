package org.newslens.nlp.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns ISO 639-3 codes (as OpenNLP reports them) and loose hints ("en-US", "ENG") into ISO 639-1. */
final class LanguageCodes {

    static final String UNDETERMINED = "und";

    /** Individual languages that OpenNLP reports where ISO 639-1 only has their macrolanguage. */
    private static final Map<String, String> MACROLANGUAGE_MEMBERS = Map.ofEntries(
            Map.entry("arb", "ar"), Map.entry("pes", "fa"), Map.entry("prs", "fa"), Map.entry("cmn", "zh"),
            Map.entry("zsm", "ms"), Map.entry("ekk", "et"), Map.entry("lvs", "lv"), Map.entry("swh", "sw"),
            Map.entry("uzn", "uz"), Map.entry("azj", "az"), Map.entry("khk", "mn"), Map.entry("npi", "ne"),
            Map.entry("pnb", "pa"), Map.entry("ory", "or"), Map.entry("plt", "mg"), Map.entry("als", "sq"),
            Map.entry("gug", "gn"), Map.entry("quz", "qu"), Map.entry("ydd", "yi"), Map.entry("nob", "nb"));

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = alpha3ToAlpha2();

    private LanguageCodes() {
    }

    /** ISO 639-1 where one exists, else the lower-cased input; "und" for blank. */
    static String toAlpha2(String code) {
        if (code == null || code.isBlank()) {
            return UNDETERMINED;
        }
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.length() == 3 ? ALPHA3_TO_ALPHA2.getOrDefault(primary, primary) : primary;
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOLanguages()) {
            codes.put(Locale.forLanguageTag(alpha2).getISO3Language(), alpha2);
        }
        // bibliographic variants (ISO 639-2/B) that Locale does not list
        codes.putAll(Map.of("fre", "fr", "ger", "de", "chi", "zh", "per", "fa", "dut", "nl", "gre", "el",
                "cze", "cs", "rum", "ro", "arm", "hy", "geo", "ka"));
        codes.putAll(MACROLANGUAGE_MEMBERS);
        return Map.copyOf(codes);
    }
}
