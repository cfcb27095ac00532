package io.quorum.adapters.llm;

import io.quorum.engine.port.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the models have cost today (UTC) and in each recent decision or question, against the configured
 * {@link LlmSettings.Budget}. A call may start while both still have room; what it cost is added
 * when it returns. Shared by the five roles' calls, which run at once, so it is synchronised.
 */
public final class TokenBudget {
    /** Decisions remembered for their share of the budget: a vote lasts seconds, so the last few hundred are plenty. */
    static final int DECISIONS_REMEMBERED = 256;

    private final LlmSettings.Budget limits;
    private final Clock clock;
    private LocalDate day;
    private long tokensToday;
    private BigDecimal dollarsToday = BigDecimal.ZERO;
    /** Today's spending by model, as configured; as many entries as models in the config. */
    private final Map<String, Spent> modelsToday = new TreeMap<>();
    private final Map<UUID, Spent> decisions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<UUID, Spent> eldest) { return size() > DECISIONS_REMEMBERED; }
    };

    /** Tokens and dollars spent. */
    public record Spent(long tokens, BigDecimal dollars) {
        static final Spent NOTHING = new Spent(0, BigDecimal.ZERO);

        Spent plus(long moreTokens, BigDecimal moreDollars) { return new Spent(tokens + moreTokens, dollars.add(moreDollars)); }
    }

    public TokenBudget(LlmSettings.Budget limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.day = currentDay();
    }

    /** Why no call may start for {@code decision} (a proposal's or a question's id) now, or null when one may; {@code what} names it ("decision"). */
    public synchronized String refusal(UUID decision, String what) {
        rollOver();
        if (tokensToday >= limits.tokensPerDay()) return tokensToday + " of " + limits.tokensPerDay() + " tokens spent today";
        if (dollarsToday.compareTo(limits.dollarsPerDay()) >= 0) return "$" + dollarsToday.toPlainString() + " of $" + limits.dollarsPerDay().toPlainString() + " spent today";
        Spent spent = decisions.getOrDefault(decision, Spent.NOTHING);
        if (spent.tokens() >= limits.tokensPerDecision()) return spent.tokens() + " of " + limits.tokensPerDecision() + " tokens spent on this " + what;
        if (spent.dollars().compareTo(limits.dollarsPerDecision()) >= 0) {
            return "$" + spent.dollars().toPlainString() + " of $" + limits.dollarsPerDecision().toPlainString() + " spent on this " + what;
        }
        return null;
    }

    /** Adds what a call of {@code model} about {@code decision} cost. */
    public synchronized void spend(UUID decision, String model, long tokens, BigDecimal dollars) {
        rollOver();
        tokensToday += tokens;
        dollarsToday = dollarsToday.add(dollars);
        modelsToday.put(model, modelsToday.getOrDefault(model, Spent.NOTHING).plus(tokens, dollars));
        decisions.put(decision, decisions.getOrDefault(decision, Spent.NOTHING).plus(tokens, dollars));
    }

    /** True once today's tokens or dollars are spent: the flag the desk shows, until the day turns. */
    public synchronized boolean spentToday() { return today().exhausted(); }

    /** Today's spending against the day's limits, in total and by model. */
    public synchronized Today today() {
        rollOver();
        return new Today(day, new Spent(tokensToday, dollarsToday), limits.tokensPerDay(), limits.dollarsPerDay(), Map.copyOf(modelsToday),
                tokensToday >= limits.tokensPerDay() || dollarsToday.compareTo(limits.dollarsPerDay()) >= 0);
    }

    /**
     * One UTC day of spending: {@code spent} in total against the day's limits, and by model. Once
     * {@code exhausted}, no call starts until the day turns, whichever role or model would make it.
     */
    public record Today(LocalDate day, Spent spent, long tokensPerDay, BigDecimal dollarsPerDay, Map<String, Spent> byModel, boolean exhausted) {
        public Spent of(String model) { return byModel.getOrDefault(model, Spent.NOTHING); }
    }

    private void rollOver() {
        LocalDate now = currentDay();
        if (now.equals(day)) return;
        day = now;
        tokensToday = 0;
        dollarsToday = BigDecimal.ZERO;
        modelsToday.clear();
    }

    private LocalDate currentDay() { return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC); }
}
