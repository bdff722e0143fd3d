package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A compute node's {@code handler}, published under its {@code name}. */
@ConsumerType
@FunctionalInterface
public interface ComputeHandler {
    /** Runs the handler. An exception fails the node (and the run) with its message. */
    NodeOutput handle(NodeCall call) throws Exception;
}
