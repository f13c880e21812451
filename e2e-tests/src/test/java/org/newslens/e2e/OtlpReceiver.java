package org.newslens.e2e;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as it gets: takes OTLP/HTTP trace exports (protobuf, as the services send them
 * with {@code quarkus.otel.exporter.otlp.protocol=http/protobuf}) on loopback and keeps every span.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, as in a traceparent; parentSpanId empty for a root. */
    record ReceivedSpan(String service, String name, String traceId, String spanId, String parentSpanId,
                        Map<String, String> attributes) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The base URL the services' OTLP exporter is given (it posts to /v1/traces below it). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = decoded(exchange)) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = stringAttributes(resourceSpans.getResource().getAttributesList()).get("service.name");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        spans.add(new ReceivedSpan(service, span.getName(), hex(span.getTraceId()), hex(span.getSpanId()),
                                hex(span.getParentSpanId()), stringAttributes(span.getAttributesList())));
                    }
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static InputStream decoded(HttpExchange exchange) throws IOException {
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    /** Every attribute as text (an int attribute's value in decimal). */
    private static Map<String, String> stringAttributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> switch (attribute.getValue().getValueCase()) {
            case STRING_VALUE -> attribute.getValue().getStringValue();
            case INT_VALUE -> Long.toString(attribute.getValue().getIntValue());
            default -> attribute.getValue().toString();
        }, (first, second) -> second));
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
