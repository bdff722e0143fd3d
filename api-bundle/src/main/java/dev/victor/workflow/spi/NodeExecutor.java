package dev.victor.workflow.spi;

/**
 * Runs nodes of a custom {@code type}, published with a {@code type} property. A workflow may use
 * the type when the reader is told about it.
 */
@FunctionalInterface
public interface NodeExecutor {
    NodeOutput execute(NodeCall call) throws Exception;
}
