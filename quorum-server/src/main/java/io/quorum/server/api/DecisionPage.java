package io.quorum.server.api;

import java.util.List;

/** One page of decisions, newest first, and how many match the filter in all. */
public record DecisionPage(List<DecisionEntry> items, long total) {}
