/**
 * The LLM agent runtime usable off OSGi: {@link dev.victor.workflow.agent.LlmAgentRuntime} with
 * its endpoints ({@link dev.victor.workflow.agent.LlmEndpoint}) and the tools it offers the model
 * ({@link dev.victor.workflow.agent.AgentTool}). In OSGi the bundle builds it from factory
 * configurations and the {@code Tool} services of the whiteboard.
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.agent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
