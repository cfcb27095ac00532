package io.quorum.engine.order;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to an order at the venue, in the order it happened. Every order begins with
 * {@link Accepted}, or with {@link Rejected} when the venue refuses it at once. An accepted order
 * may then fill in parts ({@link PartiallyFilled}) and ends with one final event: {@link Filled},
 * {@link Rejected} (a late rejection keeps what filled before it), {@link Cancelled} or
 * {@link Expired}. Nothing follows a final event. Quantities are in shares; an order's quantity is
 * always what filled plus what is left.
 */
public sealed interface OrderEvent {
    ClientOrderId clientOrderId();

    /** When it happened at the venue. */
    Instant time();

    /** True for the event that ends an order: nothing more happens to it. */
    default boolean isFinal() {
        return switch (this) {
            case Accepted accepted -> false;
            case PartiallyFilled partiallyFilled -> false;
            case Filled filled -> true;
            case Rejected rejected -> true;
            case Cancelled cancelled -> true;
            case Expired expired -> true;
        };
    }

    /** The venue took the order and named it {@code brokerOrderId}; it may now fill. */
    record Accepted(ClientOrderId clientOrderId, String brokerOrderId, long quantity, Instant time) implements OrderEvent {
        public Accepted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(brokerOrderId, "brokerOrderId");
            if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * The venue refused the order, when it was sent or later (a resting order it could no longer
     * afford, say). {@code filledQuantity} is what filled before a late rejection and stays held;
     * the rest will never fill.
     */
    record Rejected(ClientOrderId clientOrderId, RejectReason reason, String detail, long filledQuantity, Instant time) implements OrderEvent {
        public Rejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            if (filledQuantity < 0) throw new IllegalArgumentException("filledQuantity: must not be negative, was " + filledQuantity);
            Objects.requireNonNull(time, "time");
        }
    }

    /** Part of the order filled: {@code fill}, which brings the order to {@code filledQuantity}; {@code remainingQuantity} still works. */
    record PartiallyFilled(Fill fill, long filledQuantity, long remainingQuantity) implements OrderEvent {
        public PartiallyFilled {
            Objects.requireNonNull(fill, "fill");
            if (filledQuantity < fill.quantity()) {
                throw new IllegalArgumentException("filledQuantity: must include the fill's " + fill.quantity() + " shares, was " + filledQuantity);
            }
            if (remainingQuantity <= 0) throw new IllegalArgumentException("remainingQuantity: must be positive, was " + remainingQuantity + "; a last fill is Filled");
        }

        @Override public ClientOrderId clientOrderId() { return fill.clientOrderId(); }

        @Override public Instant time() { return fill.time(); }
    }

    /** The order's last shares filled with {@code fill}: all {@code filledQuantity} shares of it are done. */
    record Filled(Fill fill, long filledQuantity) implements OrderEvent {
        public Filled {
            Objects.requireNonNull(fill, "fill");
            if (filledQuantity < fill.quantity()) {
                throw new IllegalArgumentException("filledQuantity: must include the fill's " + fill.quantity() + " shares, was " + filledQuantity);
            }
        }

        @Override public ClientOrderId clientOrderId() { return fill.clientOrderId(); }

        @Override public Instant time() { return fill.time(); }
    }

    /** The order was cancelled: {@code filledQuantity} shares filled before and stay held, {@code cancelledQuantity} never will. */
    record Cancelled(ClientOrderId clientOrderId, long filledQuantity, long cancelledQuantity, Instant time) implements OrderEvent {
        public Cancelled { requireUnfilledRest(clientOrderId, filledQuantity, cancelledQuantity, "cancelledQuantity", time); }
    }

    /**
     * The order's time in force ran out (a day order at the close of its session) before it filled:
     * {@code filledQuantity} shares filled and stay held, {@code expiredQuantity} never will.
     */
    record Expired(ClientOrderId clientOrderId, long filledQuantity, long expiredQuantity, Instant time) implements OrderEvent {
        public Expired { requireUnfilledRest(clientOrderId, filledQuantity, expiredQuantity, "expiredQuantity", time); }
    }

    /** An order that ends unfilled, in whole or in part: some shares, at least one, will never fill. */
    private static void requireUnfilledRest(ClientOrderId clientOrderId, long filledQuantity, long unfilledQuantity, String unfilledName, Instant time) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (filledQuantity < 0) throw new IllegalArgumentException("filledQuantity: must not be negative, was " + filledQuantity);
        if (unfilledQuantity <= 0) throw new IllegalArgumentException(unfilledName + ": must be positive, was " + unfilledQuantity);
        Objects.requireNonNull(time, "time");
    }
}
