package io.quorum.engine.broker;

import io.quorum.engine.money.Money;
import java.util.List;
import java.util.Objects;

/** What the paper broker charges per fill. */
public sealed interface CommissionSchedule {
    CommissionSchedule FREE = new PerShare(Money.ZERO, Money.ZERO);

    Money commissionFor(long shares, long priceMicros);

    /** A fixed amount per share, never less than {@code minimum} per fill (e.g. $0.005 a share, $1 minimum). */
    record PerShare(Money perShare, Money minimum) implements CommissionSchedule {
        public PerShare {
            Objects.requireNonNull(perShare, "perShare");
            Objects.requireNonNull(minimum, "minimum");
            if (perShare.isNegative() || minimum.isNegative()) throw new IllegalArgumentException("commission must not be negative");
        }

        @Override public Money commissionFor(long shares, long priceMicros) {
            long charge = Math.multiplyExact(perShare.micros(), shares);
            return Money.ofMicros(Math.max(charge, minimum.micros()));
        }
    }

    /** A share of the notional in basis points (1 bp = 0.01%), rounded up to the micro-dollar. */
    record BasisPoints(int basisPoints) implements CommissionSchedule {
        public BasisPoints {
            if (basisPoints < 0) throw new IllegalArgumentException("basisPoints: must not be negative, was " + basisPoints);
        }

        @Override public Money commissionFor(long shares, long priceMicros) {
            long notional = Math.multiplyExact(shares, priceMicros);
            return Money.ofMicros(Math.ceilDiv(Math.multiplyExact(notional, basisPoints), 10_000L));
        }
    }

    /** A fixed amount per order, whatever its size (e.g. $1 a ticket). */
    record PerOrder(Money amount) implements CommissionSchedule {
        public PerOrder {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) throw new IllegalArgumentException("commission must not be negative");
        }

        @Override public Money commissionFor(long shares, long priceMicros) { return amount; }
    }

    /** Several charges added together, as a broker's fee schedule often reads: per share, plus a ticket fee, plus a share of the notional. */
    record Sum(List<CommissionSchedule> parts) implements CommissionSchedule {
        public Sum {
            parts = List.copyOf(parts);
        }

        @Override public Money commissionFor(long shares, long priceMicros) {
            Money total = Money.ZERO;
            for (CommissionSchedule part : parts) total = total.plus(part.commissionFor(shares, priceMicros));
            return total;
        }
    }
}
