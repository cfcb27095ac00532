package io.quorum.engine.agent;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.Objects;

/**
 * What an agent is doing, as it does it: it started on a piece of work, a model's answer is being
 * written, it has said its piece, or its model did not answer and its rules speak instead. These are
 * not the conversation and are not journaled: what the agent then says (its reasoning, its vote,
 * its answer) is the record, and a vote that never came shows in the decision as not received.
 */
public sealed interface AgentActivity {
    SessionId session();

    AgentRole role();

    Work work();

    /** The piece of work: its part of an analysis, its vote on a proposal, its answer to a question. */
    enum Work { ANALYSIS, VOTE, ANSWER }

    /** The agent started on {@code work}; {@code subject} is the proposal or question it is about, null for an analysis. */
    record Started(SessionId session, AgentRole role, Work work, String subject) implements AgentActivity {
        public Started {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(work, "work");
        }
    }

    /**
     * The model's answer so far, as it is generated: the first {@value #LONGEST_DRAFT} characters at
     * most, which is more than a valid vote or answer ever needs.
     */
    record Drafting(SessionId session, AgentRole role, Work work, String text) implements AgentActivity {
        public static final int LONGEST_DRAFT = 2_000;

        public Drafting {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(text, "text");
            if (text.length() > LONGEST_DRAFT) throw new IllegalArgumentException("text: at most " + LONGEST_DRAFT + " characters, was " + text.length());
        }

        /** The draft of {@code soFar}, cut to its first {@value #LONGEST_DRAFT} characters. */
        public static Drafting of(SessionId session, AgentRole role, Work work, String soFar) {
            return new Drafting(session, role, work, soFar.length() > LONGEST_DRAFT ? soFar.substring(0, LONGEST_DRAFT) : soFar);
        }
    }

    /** The agent has published what it had to say about {@code work}. */
    record Done(SessionId session, AgentRole role, Work work) implements AgentActivity {
        public Done {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(work, "work");
        }
    }

    /** The model did not answer ({@code outcome}, null when the reasoner itself broke; and why in words): the agent's rules answer instead. */
    record FellBack(SessionId session, AgentRole role, Work work, ReasonerCalled.Outcome outcome, String why) implements AgentActivity {
        public FellBack {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(why, "why");
        }
    }
}
