package io.quorum.engine.risk;

import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.util.Objects;

/**
 * What the desk knows when an order is about to leave, read at that moment: the limits are the
 * ones in force now, not the ones a session started with.
 *
 * @param intent            why the order is sent
 * @param limits            the limits in force for the order's session
 * @param equity            portfolio value: cash plus positions at market
 * @param positionQuantity  shares held in the order's ticker, net of the orders already working; negative when short
 * @param lastPrice         last traded price of the ticker, null when none is known
 * @param tradesToday       orders placed today that added exposure
 * @param buyingPower       what may still be spent
 * @param dailyPnl          today's P&L, negative for a loss
 * @param authorised        whether whoever decided the order may trade: auto-trading is on, or the user approved it
 * @param marketOpen        whether the order's session may trade now: the exchange is open, within the session's hours
 */
public record PreTradeContext(OrderIntent intent, RiskLimits limits, Money equity, long positionQuantity, Price lastPrice, int tradesToday,
        Money buyingPower, Money dailyPnl, boolean authorised, boolean marketOpen) {
    public PreTradeContext {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(equity, "equity");
        if (tradesToday < 0) throw new IllegalArgumentException("tradesToday: must not be negative");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
    }
}
