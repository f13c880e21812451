package org.newslens.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** One scrape of this service's /q/metrics (Prometheus text format), read the way a PromQL selector would. */
public final class ScrapedMetrics {

    /** name{labels} value, optionally followed by an exemplar (" # {trace_id=…} 1.0 …") when tracing is on. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})? (\\S+)(?: # .*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples of {@code name} whose labels include {@code labels} (name, value, name, value ...),
     * as {@code sum(name{labels})} would; NaN when no sample matches.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = Double.NaN;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                sum = (Double.isNaN(sum) ? 0 : sum) + Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    /** The exposition text itself, for failure messages. */
    public String excerpt(String prefix) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }
}
