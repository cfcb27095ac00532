package io.quorum.server.api;

/** The text a user must accept, by version, before auto-trading can be enabled. */
public record RiskDisclosure(String version, String text) {}
