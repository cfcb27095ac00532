package io.quorum.server.api;

import java.time.Instant;

/** The latest quote of a ticker; prices as strings. */
public record QuoteView(String ticker, String last, String bid, String ask, Instant time) {}
