package io.quorum.server.api;

/** The data of a {@code risk_update} frame: the account's portfolio and risk, as {@code GET /api/portfolio} and {@code GET /api/risk} answer. */
public record RiskUpdate(AccountPortfolioView portfolio, RiskView risk) {}
