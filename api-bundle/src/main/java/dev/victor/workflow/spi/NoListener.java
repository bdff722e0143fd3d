package dev.victor.workflow.spi;

import dev.victor.workflow.api.TokenUsage;

/** The listener of a task nobody listens to. */
enum NoListener implements AgentListener {
    INSTANCE;

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public void token(String text) {
        // nobody listens
    }

    @Override
    public void usage(TokenUsage usage) {
        // nobody listens
    }
}
