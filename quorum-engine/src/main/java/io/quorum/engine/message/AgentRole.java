package io.quorum.engine.message;

/** Who speaks on the desk. The five agents vote; the orchestrator only runs the protocol. */
public enum AgentRole {
    TECHNICAL("Technical"),
    FUNDAMENTAL("Fundamental"),
    SENTIMENT("Sentiment"),
    RISK("Risk"),
    EXECUTION("Execution"),
    ORCHESTRATOR("Orchestrator");

    /** The five roles that vote on a proposal, in speaking order. */
    public static final java.util.List<AgentRole> VOTERS = java.util.List.of(TECHNICAL, FUNDAMENTAL, SENTIMENT, RISK, EXECUTION);

    private final String displayName;

    AgentRole(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    public boolean votes() { return this != ORCHESTRATOR; }
}
