package io.quorum.engine.desk;

import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.message.SessionId;

/** Hears what the desk does outside the conversation: for the UI's live P&L and for operators. */
public interface DeskListener {
    /** A session was opened, or restored from the journal; called before it speaks, so a listener can follow it from the first word. */
    default void sessionOpened(DeskSession session) { }

    /** A session's positions or their prices changed; called often, so coalesce before showing. */
    default void positionsChanged(SessionId session) { }

    /**
     * An agent of the desk started on some work, drafted, finished or fell back to its rules; called
     * on the agent's or the model's thread, often while a model writes, so hand the value on at once.
     */
    default void agentActivity(AgentActivity activity) { }

    /** Something went wrong that the desk survived; {@code session} is null when it concerns the whole desk. */
    default void problem(SessionId session, String problem) { }
}
