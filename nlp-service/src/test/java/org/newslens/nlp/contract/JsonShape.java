package org.newslens.nlp.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares a JSON document with a contract's example by shape, as Pact's type matchers do: the same
 * field names, arrays of the same length, the same JSON type at every place, and equal integers
 * (sizes, counts) and booleans. Strings and decimals only need the same type, so an example's text or
 * vector stays a valid example of any real answer.
 */
public final class JsonShape {

    private JsonShape() {
    }

    /** Where {@code actual} departs from {@code example}'s shape, one line per place; empty when it matches. */
    public static List<String> differences(JsonNode example, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", example, actual, differences);
        return differences;
    }

    private static void compare(String at, JsonNode example, JsonNode actual, List<String> differences) {
        if (actual == null || actual.isMissingNode()) {
            differences.add(at + ": missing, expected " + example.getNodeType());
        } else if (example.getNodeType() != actual.getNodeType()) {
            differences.add(at + ": " + actual.getNodeType() + ", expected " + example.getNodeType());
        } else if (example.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            example.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!example.has(name)) {
                    differences.add(at + "." + name + ": not in the contract");
                } else {
                    compare(at + "." + name, example.get(name), actual.get(name), differences);
                }
            }
        } else if (example.isArray()) {
            if (example.size() != actual.size()) {
                differences.add(at + ": " + actual.size() + " elements, expected " + example.size());
                return;
            }
            Iterator<JsonNode> actualElements = actual.elements();
            int index = 0;
            for (JsonNode element : example) {
                compare(at + "[" + index++ + "]", element, actualElements.next(), differences);
            }
        } else if ((example.isIntegralNumber() || example.isBoolean()) && !example.equals(actual)) {
            differences.add(at + ": " + actual + ", expected " + example);
        } else if (example.isNumber() && example.isIntegralNumber() != actual.isIntegralNumber()) {
            differences.add(at + ": " + actual + ", expected a number like " + example);
        }
    }
}
