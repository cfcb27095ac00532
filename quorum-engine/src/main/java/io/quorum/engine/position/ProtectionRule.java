package io.quorum.engine.position;

import io.quorum.engine.money.Price;

/** Where a position's protective levels may sit relative to the current price. */
final class ProtectionRule {
    private ProtectionRule() {}

    /** The reason the levels are refused, or null when they are acceptable. */
    static String refusal(boolean isLong, Price current, Protection protection) {
        String side = isLong ? "long" : "short";
        Price stop = protection.stopLoss();
        if (stop != null && (isLong ? !stop.isBelow(current) : !stop.isAbove(current))) {
            return "the stop " + stop + " of a " + side + " must be " + (isLong ? "below" : "above") + " the current price " + current;
        }
        Price target = protection.takeProfit();
        if (target != null && (isLong ? !target.isAbove(current) : !target.isBelow(current))) {
            return "the target " + target + " of a " + side + " must be " + (isLong ? "above" : "below") + " the current price " + current;
        }
        return null;
    }
}
