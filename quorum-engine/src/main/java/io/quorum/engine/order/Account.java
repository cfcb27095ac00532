package io.quorum.engine.order;

import io.quorum.engine.money.Money;

/** The broker account: cash and what can still be spent. */
public record Account(Money cash, Money buyingPower, Money equity) {}
