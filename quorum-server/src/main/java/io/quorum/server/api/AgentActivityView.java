package io.quorum.server.api;

import io.quorum.engine.message.AgentRole;

/**
 * What an agent is doing, as an {@code agent_activity} frame carries it. {@code work} is ANALYSIS,
 * VOTE or ANSWER; {@code state} is STARTED (thinking), DRAFTING (a model's answer so far, in
 * {@code text}), DONE, or FELL_BACK (the model did not answer: {@code outcome}, such as TIMED_OUT or
 * BUDGET_SPENT, null when the reasoner broke, and {@code reason} in words; the rules answer instead).
 * {@code subject} is the proposal or question the work is about, null for an analysis.
 */
public record AgentActivityView(AgentRole role, String work, String state, String subject, String text, String outcome, String reason) {}
