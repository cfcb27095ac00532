package io.quorum.engine.order;

public enum OrderStatus {
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED;

    public boolean isFinal() { return this == FILLED || this == CANCELLED || this == REJECTED; }
}
