package io.quorum.engine.order;

import io.quorum.engine.money.Money;
import java.util.Objects;

/**
 * The broker account: its number at the venue, cash and what can still be spent. The number is
 * empty while the venue has not said it yet.
 */
public record Account(String number, Money cash, Money buyingPower, Money equity) {
    /** The paper broker's one account. */
    public static final String PAPER_NUMBER = "PAPER";

    public Account {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(equity, "equity");
    }

    /**
     * The number as the desk shows it: its last four characters, so that confirming a live account
     * asks for the number from the venue; the paper account's as it is.
     */
    public String maskedNumber() { return number.equals(PAPER_NUMBER) || number.length() <= 4 ? number : "…" + number.substring(number.length() - 4); }
}
