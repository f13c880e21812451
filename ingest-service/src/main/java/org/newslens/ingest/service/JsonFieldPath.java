package org.newslens.ingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/** Which field of a JSON document a parse or binding error is about ({@code authors.[2]}), for problems that name it. */
public final class JsonFieldPath {

    private JsonFieldPath() {
    }

    /** @return the dotted path, or null when the error is not inside a field (e.g. text after the object) */
    public static String of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        // a duplicate key is a parse error: the parser's context says which key it was reading
        boolean duplicateKey = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        if (duplicateKey && e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            Deque<String> names = new ArrayDeque<>();
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                 context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    names.push(context.getCurrentName());
                } else if (context.inArray()) {
                    names.push("[" + context.getCurrentIndex() + "]");
                }
            }
            return names.isEmpty() ? null : String.join(".", names);
        }
        return null;
    }
}
