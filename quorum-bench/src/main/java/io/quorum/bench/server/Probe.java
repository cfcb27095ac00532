package io.quorum.bench.server;

/**
 * What a fan-out event carries: its index in the {@link io.quorum.bench.PacedLoad}, from which the
 * receiver looks up the event's intended send time (a {@code System.nanoTime} of the sending JVM,
 * which is also the receiving one).
 */
public record Probe(int index) {}
