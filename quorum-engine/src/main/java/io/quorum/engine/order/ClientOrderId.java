package io.quorum.engine.order;

import java.util.regex.Pattern;

/**
 * The desk's own name for an order, chosen before the order is sent. The broker keeps it, so a
 * retry or a restart looks the order up by it instead of placing it twice.
 */
public record ClientOrderId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_\\-:.]{1,64}");

    public ClientOrderId {
        if (value == null || !FORM.matcher(value).matches()) throw new IllegalArgumentException("not a client order id: " + value);
    }

    public static ClientOrderId of(String value) { return new ClientOrderId(value); }

    @Override public String toString() { return value; }
}
