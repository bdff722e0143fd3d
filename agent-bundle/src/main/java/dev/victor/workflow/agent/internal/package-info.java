/**
 * The agent runtime's implementation: the tool loop ({@link dev.victor.workflow.agent.internal.AgentLoop}),
 * the HTTP client with its retries ({@link dev.victor.workflow.agent.internal.ChatClient}), the two
 * wire protocols, and the Declarative Services components. Not exported.
 */
package dev.victor.workflow.agent.internal;
