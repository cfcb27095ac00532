package io.quorum.server.api;

import java.util.List;

/** Agent messages in seq order. */
public record MessagePage(List<AgentMessageView> items) {}
