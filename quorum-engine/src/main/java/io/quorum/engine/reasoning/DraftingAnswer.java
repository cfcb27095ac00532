package io.quorum.engine.reasoning;

/**
 * What a model makes of a proposal its role's rules would put to the desk: its own wording of it,
 * or, for a proposal the role opens itself (not a counter-proposal), holding it back.
 */
public sealed interface DraftingAnswer permits ProposalAnswer, HoldBack {}
