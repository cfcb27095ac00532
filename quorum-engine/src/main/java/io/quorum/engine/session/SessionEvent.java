package io.quorum.engine.session;

import static io.quorum.engine.session.SessionState.ANALYZING;
import static io.quorum.engine.session.SessionState.AUTO_TRADING;
import static io.quorum.engine.session.SessionState.IDLE;
import static io.quorum.engine.session.SessionState.PROPOSAL;
import static io.quorum.engine.session.SessionState.RE_ANALYZING;
import static io.quorum.engine.session.SessionState.STOPPED;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can happen to a session. Each event leads to one state and is allowed only from the states
 * listed here: this enum is the whole transition table. Switching auto-trading on and off stays
 * within {@link SessionState#AUTO_TRADING}.
 */
public enum SessionEvent {
    START_ANALYSIS(ANALYZING, IDLE),
    ANALYSIS_COMPLETE(PROPOSAL, ANALYZING),
    APPROVE(AUTO_TRADING, PROPOSAL),
    REJECT(RE_ANALYZING, PROPOSAL),
    REANALYSIS_COMPLETE(PROPOSAL, RE_ANALYZING),
    ENABLE_AUTO_TRADING(AUTO_TRADING, AUTO_TRADING),
    DISABLE_AUTO_TRADING(AUTO_TRADING, AUTO_TRADING),
    STOP(STOPPED, IDLE, ANALYZING, PROPOSAL, RE_ANALYZING, AUTO_TRADING);

    private final SessionState target;
    private final Set<SessionState> allowedFrom;

    SessionEvent(SessionState target, SessionState first, SessionState... rest) {
        this.target = target;
        this.allowedFrom = EnumSet.of(first, rest);
    }

    public SessionState target() { return target; }

    public boolean isAllowedIn(SessionState state) { return allowedFrom.contains(state); }
}
