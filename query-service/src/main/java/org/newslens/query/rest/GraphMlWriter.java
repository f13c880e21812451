package org.newslens.query.rest;

import org.newslens.query.search.EntityGraph;

/** Writes an entity network as GraphML (http://graphml.graphdrawing.org), the format Gephi imports. */
final class GraphMlWriter {

    private GraphMlWriter() {
    }

    static String write(EntityGraph graph) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="label" for="node" attr.name="label" attr.type="string"/>
                  <key id="type" for="node" attr.name="type" attr.type="string"/>
                  <key id="count" for="node" attr.name="count" attr.type="long"/>
                  <key id="weight" for="edge" attr.name="weight" attr.type="long"/>
                  <graph id="cooccurrence" edgedefault="undirected">
                """);
        for (EntityGraph.Node node : graph.nodes()) {
            xml.append("    <node id=\"n").append(node.id()).append("\">")
                    .append("<data key=\"label\">").append(escape(node.label())).append("</data>")
                    .append("<data key=\"type\">").append(escape(node.type())).append("</data>")
                    .append("<data key=\"count\">").append(node.count()).append("</data></node>\n");
        }
        for (EntityGraph.Edge edge : graph.edges()) {
            xml.append("    <edge source=\"n").append(edge.source()).append("\" target=\"n").append(edge.target()).append("\">")
                    .append("<data key=\"weight\">").append(edge.weight()).append("</data></edge>\n");
        }
        return xml.append("  </graph>\n</graphml>\n").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
