package org.newslens.query.service;

import java.util.List;

/** An entity in the directory: its names, knowledge-base id (or null) and how many articles mention it. */
public record EntitySummaryRow(long id, String canonical, String type, String kbId, List<String> aliases, long articles) {
}
