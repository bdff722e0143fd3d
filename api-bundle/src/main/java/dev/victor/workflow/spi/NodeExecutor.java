package dev.victor.workflow.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs nodes of a custom {@code type}, published with a {@code type} property. A workflow may use
 * the type when the reader is told about it.
 */
@ConsumerType
@FunctionalInterface
public interface NodeExecutor {
    NodeOutput execute(NodeCall call) throws Exception;
}
