package io.quorum.engine.position;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;

/**
 * A session's profit and loss, exact to the micro-dollar.
 *
 * <ul>
 *   <li>{@code realised}: gross P&L of the shares closed, against their average cost;</li>
 *   <li>{@code unrealised}: open shares marked at the last price, against their cost;</li>
 *   <li>{@code commissions}: everything paid to the broker;</li>
 *   <li>{@code total} = realised − commissions + unrealised;</li>
 *   <li>{@code daily}: the change of {@code total} since the start of the current trading day.</li>
 * </ul>
 */
public record PnlSummary(Money realised, Money unrealised, Money commissions, Money daily, Money total) {
    public static final PnlSummary ZERO = new PnlSummary(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    /** {@code total} as a per cent of {@code base} (typically the starting equity), two places. */
    public BigDecimal totalPctOf(Money base) { return total.percentOf(base, 2); }

    /** {@code daily} as a per cent of {@code base} (typically the equity at the start of the day), two places. */
    public BigDecimal dailyPctOf(Money base) { return daily.percentOf(base, 2); }
}
