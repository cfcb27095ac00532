package io.quorum.engine.reasoning;

/**
 * What a model makes of a vote it is asked for: its vote, or, when it may, one question to another
 * agent whose answer it wants to hear before it votes.
 */
public sealed interface Consideration permits VoteAnswer, QuestionFirst {}
