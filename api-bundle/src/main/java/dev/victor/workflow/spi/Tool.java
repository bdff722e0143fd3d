package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A tool that compute nodes list in {@code tools}, published under its {@code name}. */
@ConsumerType
@FunctionalInterface
public interface Tool {
    /** Calls the tool with the node's inputs; the result is stored under the tool's name. */
    Object call(NodeCall call) throws Exception;
}
