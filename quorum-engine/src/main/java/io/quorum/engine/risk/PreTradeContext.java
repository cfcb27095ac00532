package io.quorum.engine.risk;

import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.util.Objects;

/**
 * What the desk knows when an order is about to leave.
 *
 * @param equity            portfolio value: cash plus positions at market
 * @param positionQuantity  shares already held in the order's ticker, negative when short
 * @param lastPrice         last traded price of the ticker, null when none is known
 * @param tradesToday       orders placed today that added exposure
 * @param buyingPower       what the broker says may still be spent
 * @param dailyPnl          today's P&L, negative for a loss
 * @param autoTrading       whether the user has handed the desk trading authority
 */
public record PreTradeContext(Money equity, long positionQuantity, Price lastPrice, int tradesToday, Money buyingPower, Money dailyPnl, boolean autoTrading) {
    public PreTradeContext {
        Objects.requireNonNull(equity, "equity");
        if (tradesToday < 0) throw new IllegalArgumentException("tradesToday: must not be negative");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
    }
}
