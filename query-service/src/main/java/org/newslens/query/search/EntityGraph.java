package org.newslens.query.search;

import java.util.List;

/**
 * The co-occurrence network of the matching articles' entities: nodes are entities with the number of
 * matching articles that mention them, edges join two entities mentioned in the same article, weighted
 * by how many articles do.
 */
public record EntityGraph(long articles, List<Node> nodes, List<Edge> edges) {

    public record Node(long id, String label, String type, long count) {
    }

    /** {@code source} < {@code target}: the network is undirected. */
    public record Edge(long source, long target, long weight) {
    }
}
