package io.quorum.server.api;

import io.quorum.engine.message.Alert;
import java.time.Instant;

/** An alert of the session; {@code ticker} is null for desk-wide alerts. */
public record AlertView(long seq, Instant time, Alert.AlertKind kind, Alert.Severity severity, String ticker, String text) {}
