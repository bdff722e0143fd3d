package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Runs agent tasks (an LLM sub-agent, a remote service, ...). At most one is in use at a time. */
@ConsumerType
@FunctionalInterface
public interface AgentRuntime {
    /**
     * Runs the task; the result is stored at the node's output key. An exception fails the node. A
     * runtime that calls models reports each call's tokens to the task's {@link AgentTask#listener()},
     * and, when {@link AgentListener#streaming()}, the pieces of the answer as they arrive.
     */
    Object run(AgentTask task) throws Exception;
}
